/**
 * Opening the journal: refusing what is not one (journal-identity.ts) or cannot be written,
 * migrating an older one (migrate.ts), and the pragmas every connection runs with.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { connect } from './connect.js';
import { RuntimeFailure, messageOf } from '../errors.js';
import { copyOf, identify, sizeOf, statJournal } from './journal-identity.js';
import { applyMigrations, migrate, noticeRenames } from './migrate.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file (and its folder) if missing. Read-only commands pass false. */
  create: boolean;
  /**
   * A journal this process cannot write is then opened for reading, from a copy in memory, so
   * that SQLite leaves no -wal or -shm file (made with the journal's read-only mode) that would
   * keep it unwritable once its permissions are fixed. Every command opens this way: one that
   * writes reopens the file to write only when its checked work comes to commit (store.ts).
   */
  readOnly?: boolean;
  /** How long a write waits for another process's write to finish, in milliseconds. */
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
  /** Told, in one line, what an upgrade changed that the user must know (slugs renamed). */
  onNotice?: (line: string) => void;
}

/** How long a write waits for another writer (an import can take a while) before giving up. */
export const DEFAULT_BUSY_TIMEOUT_MS = 30_000;

/** Whether a database file exists at `file`. */
export function databaseExists(file: string): boolean {
  return fs.existsSync(file);
}

/**
 * Opens (or creates) the journal at `file`. Anything that is not a perf journal (another
 * program's SQLite file included), a journal from a newer program and a journal this process
 * cannot write (for a command that writes) are refused before SQLite opens the file, so nothing
 * is written to them and nothing is created beside them. Older journals are migrated after a
 * backup copy. Returns a connection in WAL mode with `synchronous = FULL`.
 */
export function openDatabase(file: string, options: OpenOptions): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  if (!statJournal(file)) {
    if (!options.create) throw new RuntimeFailure(`no journal at ${file}`);
    createEmptyFile(file);
  } else {
    const version = identify(file, migrations);
    if (version > latest) throw newer(file, version, latest);
    if (options.readOnly && !canWrite(file)) return openReadOnly(file, migrations, options.onNotice);
  }
  assertWritable(file);

  let db: Db;
  try {
    db = connect(file, { fileMustExist: true });
  } catch (error) {
    throw new RuntimeFailure(`cannot open the journal ${file}: ${messageOf(error)}`);
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
    // The header read above may predate commits still in the -wal file; this is the real version.
    const version = readVersion(db, file);
    if (version > latest) throw newer(file, version, latest);
    // Only now, with a file we understand, may anything be written to it.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (version < latest) {
      migrate(db, file, version, migrations);
      noticeRenames(db, version, latest, options.onNotice);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** An in-memory journal at the latest schema: the empty state for read-only commands. */
export function openMemoryDatabase(migrations: readonly Migration[] = MIGRATIONS): Db {
  const db = connect(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, 0, migrations);
  return db;
}

/**
 * A connection that only looks at `file` and leaves nothing beside it, for `perf where`. A
 * read-only connection to a WAL journal would leave its -wal and -shm behind; a read-write one
 * (kept from writing by query_only) has SQLite remove them when it closes. A journal this process
 * cannot write is read as read-only commands read it. Nothing is migrated.
 */
export function openToLook(file: string): Db {
  if (canWrite(file)) {
    const db = connect(file, { fileMustExist: true });
    db.pragma('query_only = ON');
    return db;
  }
  return sizeOf(`${file}-wal`) > 0 ? connect(file, { readonly: true, fileMustExist: true }) : copyOf(file);
}

/** Whether `db` is a connection that can write to its journal (not a copy, not read-only). */
export function isWritable(db: Db): boolean {
  return !db.memory && !db.readonly;
}

function createEmptyFile(file: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // 'wx' fails if another process created it meanwhile; then we simply use theirs.
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw new RuntimeFailure(`cannot create the journal ${file}: ${messageOf(error)}`);
  }
}

function newer(file: string, version: number, latest: number): RuntimeFailure {
  return new RuntimeFailure(
    `the journal ${file} is from a newer perf-journal (schema ${version}, this program knows ${latest}): upgrade perf-journal; the file was not changed`,
  );
}

function writableByUs(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** SQLite needs the folder for its -wal and -shm files unless both are already there. */
function folderNeeded(file: string): boolean {
  return !(fs.existsSync(`${file}-wal`) && fs.existsSync(`${file}-shm`));
}

function canWrite(file: string): boolean {
  if (!writableByUs(file)) return false;
  if (folderNeeded(file) && !writableByUs(path.dirname(file))) return false;
  return [`${file}-wal`, `${file}-shm`].every((side) => !fs.existsSync(side) || writableByUs(side));
}

/** Names what keeps the journal from being written, before SQLite fails with a vaguer error. */
function assertWritable(file: string): void {
  const folder = path.dirname(file);
  if (folderNeeded(file) && !writableByUs(folder)) throw cannotWrite(file, `the folder ${folder} is read-only: fix its permissions`);
  if (!writableByUs(file)) throw cannotWrite(file, `the file is read-only (${modeAndOwner(file)}): fix its permissions`);
  for (const side of [`${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(side) && !writableByUs(side))
      throw cannotWrite(file, `the file ${side} is not writable (${modeAndOwner(side)}): fix its permissions`);
  }
}

function cannotWrite(file: string, why: string): RuntimeFailure {
  return new RuntimeFailure(`cannot write the journal ${file}: ${why}`);
}

function modeAndOwner(file: string): string {
  const stat = fs.statSync(file);
  return `mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')}, owner uid ${stat.uid}`;
}

/**
 * A journal this process cannot write, for a command that only reads. With a -wal pending, the
 * -wal and -shm files are already there and SQLite reads through them; otherwise the file is
 * read from a copy in memory (brought to the latest schema there, if it is older).
 */
function openReadOnly(file: string, migrations: readonly Migration[], onNotice?: (line: string) => void): Db {
  let db: Db;
  try {
    db = sizeOf(`${file}-wal`) > 0 ? connect(file, { readonly: true, fileMustExist: true }) : copyOf(file);
  } catch (error) {
    throw new RuntimeFailure(`cannot read the journal ${file}: ${messageOf(error)}`);
  }
  try {
    const version = readVersion(db, file);
    if (version > migrations.length) throw newer(file, version, migrations.length);
    if (version < migrations.length) {
      if (db.readonly)
        throw cannotWrite(file, 'it needs upgrading to this version of perf-journal, and it is read-only: fix its permissions');
      applyMigrations(db, version, migrations);
      noticeRenames(db, version, migrations.length, onNotice);
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function readVersion(db: Db, file: string): number {
  try {
    // Reading the schema makes SQLite parse the whole file header and schema: damage shows here.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw new RuntimeFailure(`the journal ${file} is damaged or not a database (${messageOf(error)}); it was not changed`);
  }
}

export { LATEST_VERSION };
