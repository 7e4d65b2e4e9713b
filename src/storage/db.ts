import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { RuntimeFailure } from '../errors.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\0';

export interface OpenOptions {
  /** Create the file (and its folder) if missing. Read-only commands pass false. */
  create: boolean;
  /** Instant used to name nothing but kept for symmetry with migrations that need it. */
  migrations?: readonly Migration[];
}

/** Whether a database file exists at `file`. */
export function databaseExists(file: string): boolean {
  return fs.existsSync(file);
}

/**
 * Opens (or creates) the journal at `file`, refusing files that are not SQLite, are damaged or
 * come from a newer program, before anything is written to them. Migrates older ones after a
 * backup copy. Returns a connection in WAL mode with `synchronous = FULL`.
 */
export function openDatabase(file: string, options: OpenOptions): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const exists = fs.existsSync(file);
  if (!exists) {
    if (!options.create) throw new RuntimeFailure(`no journal at ${file}`);
    createEmptyFile(file);
  } else {
    checkHeader(file);
  }

  let db: Db;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new RuntimeFailure(`cannot open the journal ${file}: ${messageOf(error)}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const version = readVersion(db, file);
    const latest = migrations.length;
    if (version > latest) {
      throw new RuntimeFailure(
        `the journal ${file} is from a newer perf-journal (schema ${version}, this program knows ${latest}): upgrade perf-journal; the file was not changed`,
      );
    }
    // Every journal gets version 1 with its tables in one transaction, so tables at version 0
    // belong to another program's database: adding ours to it would be writing to their file.
    if (version === 0 && hasTables(db)) {
      throw new RuntimeFailure(`${file} is an SQLite database of another program, not a perf-journal; it was not changed`);
    }
    // Only now, with a file we understand, may anything be written to it.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (version < latest) migrate(db, file, version, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** An in-memory journal at the latest schema: the empty state for read-only commands. */
export function openMemoryDatabase(migrations: readonly Migration[] = MIGRATIONS): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, 0, migrations);
  return db;
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

function checkHeader(file: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    // A zero-length file is what we create before SQLite first writes; it is a new journal.
    if (read === 0) return;
    if (read < 16 || header.toString('latin1') !== SQLITE_HEADER) {
      throw new RuntimeFailure(`${file} is not a perf-journal database (not an SQLite file); it was not changed`);
    }
  } catch (error) {
    if (error instanceof RuntimeFailure) throw error;
    throw new RuntimeFailure(`cannot read the journal ${file}: ${messageOf(error)}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
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

function hasTables(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
  return row.n > 0;
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

/** A consistent copy of the journal, made with SQLite itself, before a migration touches it. */
function backup(db: Db, file: string, version: number): string {
  let target = `${file}.bak-v${version}`;
  for (let n = 2; fs.existsSync(target); n++) target = `${file}.bak-v${version}.${n}`;
  try {
    fs.closeSync(fs.openSync(target, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    throw new RuntimeFailure(`cannot back up the journal to ${target} before upgrading it: ${messageOf(error)}`);
  }
  return target;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export { LATEST_VERSION };
