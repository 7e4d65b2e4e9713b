import { CancelledError } from '../errors.js';

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
  select<T>(options: { message: string; choices: readonly Choice<T>[]; default?: T }): Promise<T>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
}

/** @inquirer/prompts is the heaviest module we use (~100 ms), so it loads only here, on demand. */
export async function createInquirerPrompter(): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
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
    input: (options) => guard(() => inquirer.input(options)),
    select: <T>(options: { message: string; choices: readonly Choice<T>[]; default?: T }) =>
      guard(() => inquirer.select<T>({ ...options, choices: [...options.choices] })),
    confirm: (options) => guard(() => inquirer.confirm(options)),
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
