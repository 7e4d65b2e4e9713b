/**
 * Whether a file is a perf journal, and of which schema version, decided without writing to it or
 * creating anything beside it: the checks db.ts makes before SQLite opens a file.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { connect } from './connect.js';
import { RuntimeFailure, UsageError, messageOf } from '../errors.js';
import { applyMigrations } from './migrate.js';
import { APPLICATION_ID, MIGRATIONS, type Migration } from './migrations.js';

type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Journals up to this version predate `PRAGMA application_id` (migration 3): they are recognised
 * by their user_version together with exactly the tables that version has.
 */
const LAST_UNMARKED_VERSION = 2;

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
export function copyOf(file: string): Db {
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

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

export function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
