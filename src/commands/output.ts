import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { writeFileAtomicWith } from '../atomic-file.js';
import { RuntimeFailure, UsageError, quote } from '../errors.js';

/**
 * Checks `-o <file>` before any work is done: a file that exists needs `--force`, and the folder
 * must exist (we do not create folders the user may have mistyped). Only a regular file is ever
 * replaced: a link could point anywhere, and a FIFO or a device would hang or swallow the document.
 */
export function checkOutFile(file: string, force: boolean | undefined): string {
  const resolved = path.resolve(file);
  const folder = path.dirname(resolved);
  if (!isFolder(folder)) {
    throw new UsageError(`cannot write ${quote(file)}: the folder ${quote(folder)} does not exist; create it or choose another path`);
  }
  const existing = lstat(resolved);
  if (existing) {
    if (existing.isDirectory()) throw new UsageError(`cannot write ${quote(file)}: it is a folder; give a file name such as review.md`);
    if (existing.isSymbolicLink()) {
      throw new UsageError(
        `cannot write ${quote(file)}: it is a symbolic link, which perf does not follow; give the path of a regular file`,
      );
    }
    if (!existing.isFile())
      throw new UsageError(
        `cannot write ${quote(file)}: it is not a regular file (a pipe, socket or device); give the path of a regular file`,
      );
    if (!force) throw new UsageError(`${quote(file)} already exists: add --force to overwrite it, or choose another name`);
  }
  return resolved;
}

/**
 * Writes the document (readable by the user alone: it is their career record) as a whole or
 * not at all: a failure leaves the previous file untouched.
 */
export function writeOutFile(file: string, text: string, force: boolean | undefined): void {
  const whole = text.endsWith('\n') || text === '' ? text : `${text}\n`;
  writeOutFileWith(file, (write) => write(whole), force);
}

/** The same for a document written in pieces as it is made (which ends with its own newline). */
export function writeOutFileWith(
  file: string,
  produce: (write: (chunk: string | Uint8Array) => void) => void,
  force: boolean | undefined,
): void {
  // Checked again: the file may have changed since checkOutFile, while the document was made.
  checkOutFile(file, force);
  try {
    writeFileAtomicWith(file, produce, { overwrite: force === true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${quote(file)} already exists: add --force to overwrite it, or choose another name`);
    const kept = lstat(file) ? '; the existing file was left as it was' : '';
    throw new RuntimeFailure(`cannot write ${quote(file)}: ${code ?? (error as Error).message}${kept}`);
  }
}

/** The document to stdout, or to the file given with `-o` and then the line that says so. */
export function emit(ctx: Context, text: string, out: { file: string; force?: boolean; confirmation: string } | null): void {
  if (out === null) {
    ctx.print(text);
    return;
  }
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

function lstat(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}
