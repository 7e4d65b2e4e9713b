/**
 * A prompter that runs the real @inquirer/prompts prompts and types into them the keys a person
 * types, so that what a key does at a prompt is tested, not only which answer is returned.
 */
import * as inquirer from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { inquirerPrompter, type Prompter } from '../../src/terminal/prompts.js';

// Keys named as @inquirer/core reads them; any other string is typed character by character.
const NAMED = new Set(['enter', 'up', 'down', 'backspace', 'tab', 'escape']);

export interface TypedPrompter extends Prompter {
  /** What each prompt showed before the keys were typed. */
  screens: string[];
  /** What each prompt showed after its keys, just before the answer. */
  answered: string[];
}

/** `keys[n]` is what the person types at the n-th prompt, e.g. `['4', 'enter']`. */
export function typedPrompter(keys: string[][]): TypedPrompter {
  const queue = keys.map((k) => [...k]);
  const screens: string[] = [];
  const answered: string[] = [];
  const drive =
    <C, V>(prompt: (config: C, context?: object) => Promise<V>) =>
    async (config: C): Promise<V> => {
      const typed = queue.shift();
      if (typed === undefined) throw new Error(`unexpected prompt: ${JSON.stringify((config as { message?: string }).message)}`);
      const { answer, events, getScreen } = await render(prompt as never, config as never);
      screens.push(getScreen());
      for (const key of typed) {
        if (key === 'enter') answered.push(getScreen());
        if (NAMED.has(key)) events.keypress(key);
        else events.type(key);
      }
      return answer as Promise<V>;
    };
  const prompter = inquirerPrompter({
    input: drive(inquirer.input),
    select: drive(inquirer.select) as never,
    confirm: drive(inquirer.confirm),
  });
  return Object.assign(prompter, { screens, answered });
}
