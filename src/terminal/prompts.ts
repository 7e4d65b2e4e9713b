import { CancelledError } from '../errors.js';
import { inert } from './inert.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

/** The only way the program asks the user anything; tests script it. */
export interface Prompter {
  input(options: {
    message: string;
    default?: string;
    validate?: (value: string) => true | string | Promise<true | string>;
  }): Promise<string>;
  /**
   * A digit key picks a choice by its place in the list, so the places are shown ("2. call"),
   * unless `numbered` is false: then the list must start with choices named "1", "2", … in order.
   */
  select<T>(options: { message: string; choices: readonly Choice<T>[]; default?: T; numbered?: boolean }): Promise<T>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
}

/** The prompt functions of @inquirer/prompts that the prompter uses; tests pass them driven by typed keys. */
export interface InquirerPrompts {
  input(config: {
    message: string;
    default?: string;
    validate?: (value: string) => true | string | Promise<true | string>;
  }): Promise<string>;
  select<T>(config: {
    message: string;
    choices: { name: string; value: T; description?: string }[];
    default?: T;
    theme?: { indexMode?: 'number' | 'hidden' };
  }): Promise<T>;
  confirm(config: { message: string; default?: boolean }): Promise<boolean>;
}

/** @inquirer/prompts is the heaviest module we use (~100 ms), so it loads only here, on demand. */
export async function createInquirerPrompter(): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  return inquirerPrompter(inquirer);
}

/**
 * The prompter over @inquirer/prompts. Messages and choices can hold stored text (a note being
 * deleted, a competency's name), so they are shown inertly, as everywhere in the terminal.
 */
export function inquirerPrompter(prompts: InquirerPrompts): Prompter {
  // Ctrl-C or Ctrl-D at a prompt: nothing has been written yet, so we only need to say so.
  const guard = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
        throw new CancelledError();
      }
      throw error;
    }
  };
  return {
    input: (options) => guard(() => prompts.input({ ...options, message: inert(options.message) })),
    select: <T>({ numbered = true, ...options }: { message: string; choices: readonly Choice<T>[]; default?: T; numbered?: boolean }) =>
      guard(() =>
        prompts.select<T>({
          ...options,
          message: inert(options.message),
          choices: options.choices.map((c) => ({
            name: inert(c.name),
            value: c.value,
            ...(c.description === undefined ? {} : { description: inert(c.description) }),
          })),
          theme: { indexMode: numbered ? 'number' : 'hidden' },
        }),
      ),
    confirm: (options) => guard(() => prompts.confirm({ ...options, message: inert(options.message) })),
  };
}

/** A scripted answer that takes the prompt's default, as pressing Enter does. */
export const ACCEPT_DEFAULT = Symbol('press Enter');

/** A prompter for tests: answers in order, and fails on any prompt it was not told about. */
export function createScriptedPrompter(answers: unknown[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = <T>(message: string, fallback?: T): Promise<T> => {
    asked.push(message);
    if (answers.length === 0) return Promise.reject(new Error(`unexpected prompt: ${message}`));
    const answer = answers.shift();
    if (answer instanceof CancelledError) return Promise.reject(answer);
    if (answer === ACCEPT_DEFAULT) {
      if (fallback === undefined) return Promise.reject(new Error(`no default to accept at: ${message}`));
      return Promise.resolve(fallback);
    }
    return Promise.resolve(answer as T);
  };
  return {
    asked,
    input: ({ message, default: fallback }) => next<string>(message, fallback),
    select: <T>({ message, default: fallback }: { message: string; default?: T }) => next<T>(message, fallback),
    confirm: ({ message, default: fallback }) => next<boolean>(message, fallback),
  };
}
