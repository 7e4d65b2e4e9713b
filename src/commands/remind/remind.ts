import fs from 'node:fs';
import type { Context } from '../../context.js';
import type { Day } from '../../domain/calendar.js';
import { remindLine } from '../../domain/remind.js';

/** `perf remind --db x` through the command parser (the bare command skips it: see remind-main.ts). */
export async function runRemind(ctx: Context): Promise<void> {
  let file: string;
  try {
    file = await ctx.dbPath();
  } catch {
    return;
  }
  const line = await reminder(file, ctx.today());
  if (line) ctx.print(line);
}

/**
 * The line for the journal at `file`, or null. Reads it without the store (see remind-read.ts);
 * whatever goes wrong, it says nothing. The line holds only slugs, counts and days.
 */
export async function reminder(file: string, today: Day): Promise<string | null> {
  // No journal, no reminder: and no SQLite loaded to find that out.
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return null;
  const { readRemindFacts } = await import('../../storage/remind-read.js');
  const facts = await readRemindFacts(file, today);
  return facts && remindLine(facts);
}
