import fs from 'node:fs';
import path from 'node:path';
import { placeNew, syncFile, syncFolder } from '../durable.js';
import { RuntimeFailure, messageOf } from '../errors.js';
import { type Db, type OpenOptions, openDatabase } from './db.js';
import { statJournal } from './journal-identity.js';

/**
 * A journal that does not exist yet gets its file only when a command's first write commits: the
 * work runs on a fresh journal in memory (or, for streamed work, in a hidden file beside the
 * journal), and the finished file takes the journal's name by a hard link, which never replaces a
 * file another process made meanwhile. Loaded only when the journal is missing.
 */

/**
 * Writes a new journal, made in memory by a command's first commit, to `file` (creating its
 * folder): under a temporary name beside it, flushed to disk, then given its name only if that
 * is still free, so a failure or a kill never leaves a partial journal. Returns a connection to
 * it as `openDatabase` does, or null when another process created the journal meanwhile.
 */
export function createJournalFile(memory: Db, file: string, options: Pick<OpenOptions, 'busyTimeoutMs'>): Db | null {
  if (statJournal(file)) return null;
  const folder = path.dirname(file);
  const temp = path.join(folder, `.${path.basename(file)}.${process.pid}-${Date.now().toString(36)}.new`);
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    fs.closeSync(fs.openSync(temp, 'wx', 0o600));
    memory.prepare('VACUUM INTO ?').run(temp);
    syncFile(temp);
    if (!placeNew(temp, file)) return null;
  } catch (error) {
    // The temporary name means nothing to the rep: the message names the journal, as before.
    throw new RuntimeFailure(`cannot create the journal ${file}: ${messageOf(error).replaceAll(temp, file)}`);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  syncFolder(folder);
  return openDatabase(file, { create: false, busyTimeoutMs: options.busyTimeoutMs });
}

/** A new journal written in a file of its own beside the journal, named only when complete. */
export interface StagedJournal {
  /** The connection to write in (WAL, synchronous FULL, as any journal). */
  readonly db: Db;
  /** Closes it, gives it the journal's name and opens that; null when the name was taken meanwhile. */
  place(): Db | null;
  /** Removes it, as when the work that would have filled it failed. */
  discard(): void;
}

/**
 * The journal-to-be for work that streams (an import into a missing journal): it cannot be done in
 * memory first without holding the whole journal, so it is written in a hidden file beside the
 * journal, a copy of the fresh journal in `memory` (same ids), which takes the journal's name only
 * when the work commits.
 */
export function stageJournalFile(memory: Db, file: string, options: Pick<OpenOptions, 'busyTimeoutMs'>): StagedJournal {
  const folder = path.dirname(file);
  const temp = path.join(folder, `.${path.basename(file)}.${process.pid}-${Date.now().toString(36)}.new`);
  const remove = () => {
    for (const name of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(name, { force: true });
  };
  let made: string | undefined;
  // Folders made for a journal that never came to be go again, as if the command had not run.
  const removeFolders = () => {
    if (made === undefined) return;
    for (let dir = folder; dir.length >= made.length; dir = path.dirname(dir)) {
      try {
        fs.rmdirSync(dir);
      } catch {
        return;
      }
    }
  };
  let db: Db;
  try {
    made = fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    fs.closeSync(fs.openSync(temp, 'wx', 0o600));
    memory.prepare('VACUUM INTO ?').run(temp);
    db = openDatabase(temp, { create: false, busyTimeoutMs: options.busyTimeoutMs });
  } catch (error) {
    remove();
    removeFolders();
    throw new RuntimeFailure(`cannot create the journal ${file}: ${messageOf(error).replaceAll(temp, file)}`);
  }
  return {
    db,
    place() {
      try {
        // Closing the last connection folds the write-ahead log into the file.
        db.close();
        syncFile(temp);
        if (!placeNew(temp, file)) return null;
      } catch (error) {
        throw new RuntimeFailure(`cannot create the journal ${file}: ${messageOf(error).replaceAll(temp, file)}`);
      } finally {
        remove();
      }
      syncFolder(folder);
      return openDatabase(file, { create: false, busyTimeoutMs: options.busyTimeoutMs });
    },
    discard() {
      if (db.open) db.close();
      remove();
      removeFolders();
    },
  };
}
