import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { connect } from './connect.js';
import { RuntimeFailure, UsageError, messageOf, quote } from '../errors.js';
import { placeNew, syncFolder } from '../durable.js';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS, RESERVED_SLUGS_VERSION, type Migration } from './migrations.js';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\0';

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

/**
 * Journals up to this version predate `PRAGMA application_id` (migration 3): they are recognised
 * by their user_version together with exactly the tables that version has.
 */
const LAST_UNMARKED_VERSION = 2;

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

/**
 * Whether something is at `file`. Anything but a regular file (a folder, a device such as
 * /dev/null, a FIFO that would block the open) is refused: SQLite would write a rollback
 * journal beside a device, and a FIFO would wait forever.
 */
export function statJournal(file: string): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code === 'ENOTDIR') throw new UsageError(`${file} cannot be a journal: a part of its path is a file, not a folder`);
    throw new RuntimeFailure(`cannot read the journal ${file}: ${messageOf(error)}`);
  }
  if (stat.isFile()) return true;
  throw new UsageError(`${file} is not a regular file (${kindOf(stat)}): the journal must be a file`);
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
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

/**
 * The schema version of the journal at `file`, or a refusal if it is not one. Decided from the
 * 100-byte header (application_id at offset 68, user_version at 60) and, for a file without our
 * application id, from its tables read without writing: opening it read-write, or read-only in
 * WAL mode, would already create -wal and -shm files beside another program's database.
 */
export function identify(file: string, migrations: readonly Migration[] = MIGRATIONS): number {
  const header = readHeader(file);
  // A zero-length file is what we create before SQLite first writes; it is a new journal.
  if (header.length === 0) return 0;
  if (header.length < 100 || header.toString('latin1', 0, 16) !== SQLITE_HEADER) throw notAJournal(file, 'not an SQLite file');
  const applicationId = header.readUInt32BE(68);
  if (applicationId === APPLICATION_ID) return header.readUInt32BE(60);
  const walPending = sizeOf(`${file}-wal`) > 0;
  // With a -wal pending, the header may be older than the last commit (migration 3 included).
  if (applicationId !== 0 && !walPending)
    throw notAJournal(file, `its application id is ${hex(applicationId)}, not ${hex(APPLICATION_ID)}`);

  const facts = inspect(file, walPending);
  if (facts.applicationId === APPLICATION_ID) return facts.version;
  if (facts.applicationId !== 0) throw notAJournal(file, `its application id is ${hex(facts.applicationId)}, not ${hex(APPLICATION_ID)}`);
  if (facts.version === 0 && facts.tables.length === 0) return 0;
  if (facts.version === 0) throw notAJournal(file, 'an SQLite database of another program');
  if (facts.version <= LAST_UNMARKED_VERSION && facts.version <= migrations.length) {
    const expected = tablesOf(migrationDb(migrations.slice(0, facts.version)));
    if (sameList(facts.tables, expected)) return facts.version;
  }
  throw notAJournal(file, `an SQLite database with user_version ${facts.version} and tables that are not a journal's`);
}

function readHeader(file: string): Buffer {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(100);
    return header.subarray(0, fs.readSync(fd, header, 0, 100, 0));
  } catch (error) {
    throw new RuntimeFailure(`cannot read the journal ${file}: ${messageOf(error)}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

interface Facts {
  applicationId: number;
  version: number;
  tables: string[];
}

function inspect(file: string, walPending: boolean): Facts {
  let db: Db | undefined;
  try {
    db = walPending ? connect(file, { readonly: true, fileMustExist: true }) : copyOf(file);
    return {
      applicationId: Number(db.pragma('application_id', { simple: true })) >>> 0,
      version: Number(db.pragma('user_version', { simple: true })),
      tables: tablesOf(db),
    };
  } catch (error) {
    throw new RuntimeFailure(`the journal ${file} is damaged or not a database (${messageOf(error)}); it was not changed`);
  } finally {
    db?.close();
  }
}

/**
 * The file as an in-memory database: reading it takes no lock and creates nothing beside it.
 * SQLite does not open a WAL-mode image from memory, so the copy is marked as a rollback one.
 */
function copyOf(file: string): Db {
  const bytes = fs.readFileSync(file);
  if (bytes.length >= 20) bytes[18] = bytes[19] = 1;
  return connect(bytes);
}

function migrationDb(migrations: readonly Migration[]): Db {
  const db = connect(':memory:');
  applyMigrations(db, 0, migrations);
  return db;
}

function tablesOf(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** A file that is not a perf journal, and why: `perf restore` says so in its own words. */
export class NotAJournal extends RuntimeFailure {
  constructor(
    file: string,
    readonly why: string,
  ) {
    super(`${file} is not a perf journal (${why}); it was not changed`);
  }
}

function notAJournal(file: string, why: string): NotAJournal {
  return new NotAJournal(file, why);
}

function newer(file: string, version: number, latest: number): RuntimeFailure {
  return new RuntimeFailure(
    `the journal ${file} is from a newer perf-journal (schema ${version}, this program knows ${latest}): upgrade perf-journal; the file was not changed`,
  );
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
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

/**
 * The slugs the upgrade from `from` renamed because they were subcommand words, in one line.
 * Said by the upgrade itself, so once: a journal that cannot be written is upgraded in memory
 * each time, and says it each time, which is true.
 */
function noticeRenames(db: Db, from: number, to: number, onNotice: ((line: string) => void) | undefined): void {
  if (!onNotice || from >= RESERVED_SLUGS_VERSION || to < RESERVED_SLUGS_VERSION) return;
  const renames = db.prepare('SELECT kind, old_slug, new_slug FROM slug_renames ORDER BY rowid').all() as {
    kind: string;
    old_slug: string;
    new_slug: string;
  }[];
  if (renames.length === 0) return;
  const list = renames.map((r) => `${r.kind} ${quote(r.old_slug)} is now ${quote(r.new_slug)}`).join(', ');
  onNotice(`the journal was upgraded: command words are no longer slugs, so ${list}`);
}

function migrate(db: Db, file: string, from: number, migrations: readonly Migration[]): void {
  if (from > 0) backup(db, file, from);
  applyMigrations(db, from, migrations);
}

function applyMigrations(db: Db, from: number, migrations: readonly Migration[]): void {
  // A migration that rebuilds a table must not cascade its DROP into the child tables, so foreign
  // keys are off while it runs (SQLite ignores the pragma inside a transaction) and are checked
  // by hand before each migration commits.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of migrations.slice(from)) {
      // IMMEDIATE takes the write lock first, so two processes never both migrate.
      db.transaction(() => {
        const current = db.pragma('user_version', { simple: true }) as number;
        if (current >= migration.version) return;
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) {
          throw new RuntimeFailure(`migration ${migration.version} would break ${broken.length} reference(s); the journal was not changed`);
        }
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}

/**
 * A consistent copy of the journal, made with SQLite itself, before a migration touches it. It is
 * written under a temporary name, flushed to disk and only then given its name, so a kill or a
 * full disk never leaves a partial file under the name the README points to. Run as root on
 * another user's journal, the copy is given to the journal's owner, as the journal is.
 */
function backup(db: Db, file: string, version: number): string {
  const base = `${file}.bak-v${version}`;
  const partial = `${base}.partial-${process.pid}`;
  try {
    fs.rmSync(partial, { force: true });
    fs.closeSync(fs.openSync(partial, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(partial);
    const fd = fs.openSync(partial, 'r+');
    try {
      const owner = fs.statSync(file);
      if (process.getuid?.() === 0) fs.fchownSync(fd, owner.uid, owner.gid);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const target = publish(partial, base);
    syncFolder(path.dirname(file));
    return target;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new RuntimeFailure(`cannot back up the journal to ${base} before upgrading it: ${messageOf(error)}`);
  }
}

/** Gives `partial` the first free name of `base`, `base.2`, ...: an earlier backup is never replaced. */
function publish(partial: string, base: string): string {
  for (let n = 1; ; n++) {
    const target = n === 1 ? base : `${base}.${n}`;
    if (placeNew(partial, target)) {
      fs.rmSync(partial, { force: true });
      return target;
    }
  }
}

export { LATEST_VERSION };
