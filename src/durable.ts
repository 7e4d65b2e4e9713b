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

/**
 * Gives `temp` the name `file` unless something already has it (false then): a hard link fails on
 * a taken name where a rename would replace the file there. `temp` may remain: the caller removes it.
 */
export function placeNew(temp: string, file: string): boolean {
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // Some file systems have no hard links; check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    if (fs.existsSync(file)) return false;
    fs.renameSync(temp, file);
    return true;
  }
}
