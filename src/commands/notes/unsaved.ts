import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Context } from '../../context.js';
import { CancelledError, RuntimeFailure, UsageError, failureLine } from '../../errors.js';

/**
 * What a failed write does with text the user typed (at a prompt, in $EDITOR, on stdin), which
 * exists nowhere else: it is saved to a private file, beside the journal if its folder takes it,
 * else in the temp folder, and the error line names the file and how to log it from there.
 * Refused input (a usage error) and a cancel are returned as they are: nothing was meant to be saved.
 */
export function keepTypedText(ctx: Context, text: string, error: unknown): unknown {
  if (error instanceof UsageError || error instanceof CancelledError) return error;
  const folders = [ctx.journalFile ? path.dirname(ctx.journalFile) : undefined, os.tmpdir()];
  for (const folder of folders) {
    if (folder === undefined) continue;
    const file = saveIn(folder, text);
    if (file)
      return new RuntimeFailure(
        `${failureLine(error, ctx.journalFile)}; what you typed was saved to ${file}; log it with: perf log < ${file}`,
      );
  }
  return error;
}

function saveIn(folder: string, text: string): string | undefined {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  for (let n = 1; n < 100; n++) {
    const file = path.join(folder, `perf-unsaved-note-${stamp}${n > 1 ? `-${n}` : ''}.txt`);
    try {
      fs.writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`, { flag: 'wx', mode: 0o600 });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
    }
  }
  return undefined;
}
