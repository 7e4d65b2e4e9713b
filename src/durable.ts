import fs from 'node:fs';

/**
 * Durability for files written beside the journal (backups, the journal itself, `-o` outputs):
 * the file's bytes reach the disk before it gets its name, and the name itself survives a crash.
 */

/** Flushes a written file to disk. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename or link in `folder` durable; not every system lets a folder be synced, and the data is on disk either way. */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Only the name could be lost in a crash.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
