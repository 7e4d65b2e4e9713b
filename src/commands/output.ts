import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { RuntimeFailure, UsageError, quote } from '../errors.js';

/**
 * Checks `-o <file>` before any work is done: a file that exists needs `--force`, and the folder
 * must exist (we do not create folders the user may have mistyped).
 */
export function checkOutFile(file: string, force: boolean | undefined): string {
  const resolved = path.resolve(file);
  const folder = path.dirname(resolved);
  if (!isFolder(folder)) {
    throw new UsageError(`cannot write ${quote(file)}: the folder ${quote(folder)} does not exist; create it or choose another path`);
  }
  if (fs.existsSync(resolved)) {
    if (isFolder(resolved)) throw new UsageError(`cannot write ${quote(file)}: it is a folder; give a file name such as review.md`);
    if (!force) throw new UsageError(`${quote(file)} already exists: add --force to overwrite it, or choose another name`);
  }
  return resolved;
}

/** Writes the document (readable by the user alone: it is their career record). */
export function writeOutFile(file: string, text: string, force: boolean | undefined): void {
  try {
    fs.writeFileSync(file, text.endsWith('\n') || text === '' ? text : `${text}\n`, { flag: force ? 'w' : 'wx', mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${quote(file)} already exists: add --force to overwrite it, or choose another name`);
    throw new RuntimeFailure(`cannot write ${quote(file)}: ${(error as Error).message}`);
  }
}

/** The document to stdout, or to the file given with `-o` and then the line that says so. */
export function emit(ctx: Context, text: string, out: { file: string; force?: boolean; confirmation: string } | null): void {
  if (out === null) return ctx.print(text);
  writeOutFile(out.file, text, out.force);
  ctx.print(out.confirmation);
}

/** `--json` is `--format json`; any other `--format` with it is a contradiction. */
export function chooseFormat<F extends string>(format: F | undefined, json: boolean | undefined, fallback: F): F {
  if (json) {
    if (format !== undefined && format !== 'json') throw new UsageError(`use --json or --format ${format}, not both`);
    return 'json' as F;
  }
  return format ?? fallback;
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
