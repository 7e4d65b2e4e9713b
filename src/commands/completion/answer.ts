import type { Context } from '../../context.js';
import { completeWords } from './complete.js';
import { valuesFor } from './values.js';

// Its own module, imported by cli.ts only: it builds the program, which lists `perf completion`.
/**
 * `perf __complete -- <words…>`: the candidates for the last word, one a line, those that start
 * with it (any case). Never fails loudly: a Tab press must not print errors into the command line.
 */
export async function runComplete(ctx: Context, args: readonly string[]): Promise<void> {
  const words = args[0] === '--' ? args.slice(1) : [...args];
  const { COMMAND_NAMES, buildProgram } = await import('../../program.js');
  const typed = words.slice(0, -1);
  // Only the command typed is loaded and built (as on a normal run); before one is typed, the
  // root alone (`-V` builds no command) with the names of the commands.
  const named = typed.some((word) => COMMAND_NAMES.includes(word));
  const program = await buildProgram(ctx, named ? typed : ['-V']);
  const found = completeWords(program, words.length === 0 ? [''] : words);
  if (!named && !(words.at(-1) ?? '').startsWith('-') && !found.values.startsWith('files')) found.words.push(...COMMAND_NAMES);
  if (found.db !== undefined) ctx.setGlobals({ db: found.db });
  // bash hands over an opened quote with the word ("Acme): it is the shell's, not the name's.
  const current = (words.at(-1) ?? '').replace(/^["']/, '').toLowerCase();
  const values = await valuesFor(ctx, found.values);
  if (values[0] === '__files__') return ctx.write('__files__\n');
  const matching = [...new Set([...found.words, ...values])].filter((word) => word.toLowerCase().startsWith(current));
  if (matching.length > 0) ctx.write(`${matching.join('\n')}\n`);
}
