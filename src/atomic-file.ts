import type crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { placeNew, syncFolder } from './durable.js';

// node:crypto (a few ms to load) names the temporary file only: it loads when a file is written,
// not for every command whose module imports this one (summary, checkin and export print to stdout).
const load = createRequire(import.meta.url);

/**
 * Writes `text` to `target` as a whole or not at all: into a new file beside it (so the rename
 * stays on one file system), flushed to disk, then renamed over the target. A full disk or a
 * kill leaves the previous file as it was. The file is readable by its owner alone (0600), a
 * replaced one included. With `overwrite` false an existing target is never replaced (EEXIST).
 * Run as root in someone else's folder, the file is given to the folder's owner.
 */
export function writeFileAtomic(target: string, text: string, options: { overwrite: boolean }): void {
  writeFileAtomicWith(target, (write) => write(text), options);
}

/**
 * The same, for a document made in pieces: `produce` hands each piece to `write` as it is made
 * (an export of ten years of notes is never one string in memory), as text or as UTF-8 bytes.
 * If it throws, nothing is placed.
 */
export function writeFileAtomicWith(
  target: string,
  produce: (write: (chunk: string | Uint8Array) => void) => void,
  options: { overwrite: boolean },
): void {
  const folder = path.dirname(target);
  const temp = path.join(folder, `.${path.basename(target)}.${(load('node:crypto') as typeof crypto).randomBytes(6).toString('hex')}.tmp`);
  // O_EXCL: never opens an existing file, nor follows a link someone placed at that name.
  const fd = fs.openSync(temp, 'wx', 0o600);
  let placed = false;
  try {
    try {
      produce((chunk) => {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        for (let offset = 0; offset < buffer.length; ) offset += fs.writeSync(fd, buffer, offset);
      });
      giveToFolderOwner(fd, folder);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (options.overwrite) fs.renameSync(temp, target);
    else if (!placeNew(temp, target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
    placed = true;
    syncFolder(folder);
  } finally {
    // After a rename the temporary name is gone already; after a link it is a second name.
    if (!placed || !options.overwrite) fs.rmSync(temp, { force: true });
  }
}

function giveToFolderOwner(fd: number, folder: string): void {
  if (process.getuid?.() !== 0) return;
  const owner = fs.statSync(folder);
  if (owner.uid !== 0) fs.fchownSync(fd, owner.uid, owner.gid);
}
