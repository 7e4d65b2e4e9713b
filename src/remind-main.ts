import path from 'node:path';
import { reminder } from './commands/remind/remind.js';
import { dayOf } from './domain/calendar.js';

/**
 * `perf remind` on its own (global options aside) skips the command parser and the context: it
 * runs from shells' start-up files, where every millisecond shows. Anything else, `perf remind
 * --help` included, goes through main() in cli.ts. Whatever goes wrong, it prints nothing and
 * exits 0: a reminder never breaks the shell that runs it.
 */
export function isBareRemind(argv: readonly string[]): boolean {
  const rest = [...argv];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--db') rest.splice(i--, 2);
    else if (rest[i]?.startsWith('--db=') || rest[i] === '--no-color') rest.splice(i--, 1);
  }
  return rest.length === 1 && rest[0] === 'remind';
}

export interface RemindIo {
  write(text: string): void;
  env: Record<string, string | undefined>;
}

export async function remindMain(
  argv: readonly string[],
  io: RemindIo = { write: (text) => process.stdout.write(text), env: process.env },
): Promise<number> {
  try {
    const file = await journalPath(argv, io.env);
    const fixed = io.env.PERF_NOW ? new Date(io.env.PERF_NOW) : null;
    const now = fixed && !Number.isNaN(fixed.getTime()) ? fixed : new Date();
    const line = file === null ? null : await reminder(file, dayOf(now));
    if (line) io.write(`${line}\n`);
  } catch {
    // Nothing to say, then.
  }
  return 0;
}

/** As Context.dbPath chooses it: --db, else PERF_DB, else the platform data folder; null for a blank one. */
async function journalPath(argv: readonly string[], env: Record<string, string | undefined>): Promise<string | null> {
  const flag = argv.indexOf('--db');
  const given = flag >= 0 ? argv[flag + 1] : argv.find((arg) => arg.startsWith('--db='))?.slice(5);
  const chosen = given ?? (env.PERF_DB === '' ? undefined : env.PERF_DB);
  if (chosen !== undefined) return chosen.trim() ? path.resolve(chosen) : null;
  const { default: envPaths } = await import('env-paths');
  const data = envPaths('perf-journal', { suffix: '' }).data;
  return path.isAbsolute(data) ? path.join(data, 'journal.db') : null;
}
