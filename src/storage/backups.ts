import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JournalCounts } from '../domain/backups.js';
import { RuntimeFailure, messageOf } from '../errors.js';
import { placeNew, syncFile, syncFolder } from '../durable.js';
import { connect } from './connect.js';
import { openMemoryDatabase, openToLook, type Db } from './db.js';
import { NotAJournal, identify } from './journal-identity.js';
import { APPLICATION_ID, MIGRATIONS } from './migrations.js';

/**
 * Backup files and their checks, with SQLite itself: the online backup API for copies (consistent
 * while the journal is in use, the write-ahead log included) and `integrity_check` for damage.
 * Every file is written under a temporary name in its target folder, synced, then renamed, so a
 * backup is either complete or absent.
 */

const SQLITE_HEADER = 'SQLite format 3\0';

/** Copies the journal at `source` to `dest` (0600); returns the copy's size in bytes. */
export async function writeBackup(source: string, dest: string, options: { replace: boolean }): Promise<number> {
  const temp = tempBeside(dest);
  try {
    fs.closeSync(fs.openSync(temp, 'wx', 0o600));
    const db = connect(source, { readonly: true, fileMustExist: true });
    try {
      await db.backup(temp);
    } finally {
      db.close();
    }
    standalone(temp);
    commit(temp, dest, options.replace);
    return fs.statSync(dest).size;
  } finally {
    removeQuietly(temp);
  }
}

/**
 * A copy of the journal as last committed, made synchronously (VACUUM INTO from a connection of
 * its own), so it can be taken inside another connection's open write transaction.
 */
export function writeSnapshot(source: string, dest: string, options: { replace: boolean }): number {
  const temp = tempBeside(dest);
  try {
    fs.closeSync(fs.openSync(temp, 'wx', 0o600));
    const db = connect(source, { readonly: true, fileMustExist: true });
    try {
      db.prepare('VACUUM INTO ?').run(temp);
    } finally {
      db.close();
    }
    standalone(temp);
    commit(temp, dest, options.replace);
    return fs.statSync(dest).size;
  } finally {
    removeQuietly(temp);
  }
}

/** A byte copy, for a journal SQLite cannot read (kept before a restore replaces it). */
export function copyRaw(source: string, dest: string): number {
  const temp = tempBeside(dest);
  try {
    fs.copyFileSync(source, temp, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(temp, 0o600);
    syncFile(temp);
    commit(temp, dest, false);
    // Committed pages still in the write-ahead log belong with it; SQLite reads them by this name.
    if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${dest}-wal`, fs.constants.COPYFILE_EXCL);
    return fs.statSync(dest).size;
  } finally {
    removeQuietly(temp);
  }
}

export interface CheckedCopy {
  /** The checked copy, beside the journal, ready to be renamed over it. */
  temp: string;
  version: number;
  counts: JournalCounts;
}

/**
 * Copies a file to be restored next to the journal and checks the copy, so the user's file is never
 * opened for writing. Throws a RuntimeFailure naming the first check that fails; the copy is then
 * removed.
 */
export function stageRestore(file: string, journal: string, label = JSON.stringify(file)): CheckedCopy {
  const temp = tempBeside(journal);
  const refuse = (reason: string): never => {
    throw new RuntimeFailure(`cannot restore ${label}: ${reason}; the journal was not changed`);
  };
  try {
    if (!hasSqliteHeader(file)) refuse('it is not a perf journal (not an SQLite database)');
    fs.copyFileSync(file, temp, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(temp, 0o600);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${temp}-wal`);
    let db: Db;
    try {
      db = connect(temp, { fileMustExist: true });
    } catch (error) {
      return refuse(`it cannot be opened (${messageOf(error)})`);
    }
    try {
      const problems = integrityProblems(db);
      if (problems.length > 0) refuse(`it is damaged (${problems[0]})`);
      const version = db.pragma('user_version', { simple: true }) as number;
      const applicationId = db.pragma('application_id', { simple: true }) as number;
      const latest = MIGRATIONS.length;
      // Journals before the migration that added the application id have none yet.
      const idRequired = version >= 3;
      if (applicationId !== APPLICATION_ID && (idRequired || applicationId !== 0)) {
        refuse(`it is not a perf journal (application id ${hex(applicationId)}, a journal has ${hex(APPLICATION_ID)})`);
      }
      if (version === 0) refuse('it is not a perf journal (it has no perf-journal schema)');
      if (version > latest)
        refuse(`it is from a newer perf-journal (schema ${version}, this program knows ${latest}): upgrade perf-journal first`);
      const missing = missingColumns(db, version);
      if (missing.length > 0)
        refuse(`it is not a perf journal (missing ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`);
      const counts = countRecords(db);
      // Folds any write-ahead log into the file, so the copy stands alone when it is renamed.
      db.pragma('journal_mode = DELETE');
      db.close();
      // The same test every open makes, so a restored journal is never one perf then refuses.
      try {
        identify(temp);
      } catch (error) {
        if (error instanceof NotAJournal) refuse(`it is not a perf journal (${error.why})`);
        throw error;
      }
      syncFile(temp);
      return { temp, version, counts };
    } finally {
      if (db.open) db.close();
    }
  } catch (error) {
    discard(temp);
    if (error instanceof RuntimeFailure) throw error;
    throw new RuntimeFailure(`cannot restore ${label}: ${messageOf(error)}; the journal was not changed`);
  }
}

/** Drops a staged copy that will not be used. */
export function discard(temp: string): void {
  for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) removeQuietly(f);
}

/**
 * Puts a checked copy in place of the journal. The old journal's write-ahead log is folded in and
 * removed first: a stale `-wal` beside the new file would be replayed into it. Fails, changing
 * nothing, while another process has the journal open.
 */
export function replaceJournal(temp: string, journal: string): void {
  if (fs.existsSync(journal)) retireWal(journal);
  fs.renameSync(temp, journal);
  syncFolder(path.dirname(journal));
}

function retireWal(journal: string): void {
  let db: Db | undefined;
  try {
    db = connect(journal, { fileMustExist: true });
    db.pragma('busy_timeout = 2000');
    // Only the last connection may leave WAL mode; anyone else still reading or writing keeps it.
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new RuntimeFailure('the journal is in use by another perf command; try again when it has finished');
  } catch (error) {
    if (error instanceof RuntimeFailure) throw error;
    if (isBusy(error)) throw new RuntimeFailure('the journal is in use by another perf command; try again when it has finished');
    // A damaged journal may not open at all; it has been kept as a backup, and its log goes too.
  } finally {
    db?.close();
  }
  for (const f of [`${journal}-wal`, `${journal}-shm`]) removeQuietly(f);
}

export interface JournalHealth {
  size: number;
  mode: number;
  /** Empty when the integrity check passes. */
  problems: string[];
  version: number | null;
  applicationId: number | null;
  counts: JournalCounts | null;
}

/** What `perf doctor` reports, read without writing anything to the journal. */
export function inspectJournal(file: string): JournalHealth {
  const stat = fs.statSync(file);
  const health: JournalHealth = {
    size: stat.size,
    mode: stat.mode & 0o777,
    problems: [],
    version: null,
    applicationId: null,
    counts: null,
  };
  if (stat.size === 0) return health;
  if (!hasSqliteHeader(file)) return { ...health, problems: ['not an SQLite database'] };
  let db: Db;
  try {
    db = connect(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { ...health, problems: [`cannot be opened: ${messageOf(error)}`] };
  }
  try {
    health.problems = integrityProblems(db);
    health.version = db.pragma('user_version', { simple: true }) as number;
    health.applicationId = db.pragma('application_id', { simple: true }) as number;
    if (health.problems.length === 0) {
      try {
        health.counts = countRecords(db);
      } catch {
        // Not our tables: the version and application id say why.
      }
    }
    return health;
  } catch (error) {
    return { ...health, problems: health.problems.length ? health.problems : [messageOf(error)] };
  } finally {
    db.close();
  }
}

/** Whether the file at `file` is a whole, readable database (SQLite's quick_check). */
export function isSound(file: string): boolean {
  let db: Db | undefined;
  try {
    db = connect(file, { readonly: true, fileMustExist: true });
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

function integrityProblems(db: Db): string[] {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const messages = rows.map((r) => r.integrity_check);
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
  } catch (error) {
    return [messageOf(error)];
  }
}

function countRecords(db: Db): JournalCounts {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM notes) AS notes, (SELECT count(*) FROM goals) AS goals,
              (SELECT count(*) FROM goal_checkins) AS goalUpdates,
              (SELECT count(*) FROM ratings) AS ratings, (SELECT count(*) FROM feedback) AS feedback,
              (SELECT count(*) FROM development) AS development, (SELECT count(*) FROM checkins) AS oneToOnes,
              (SELECT count(*) FROM competencies) AS competencies`,
    )
    .get() as JournalCounts;
}

/**
 * What the journal at `file` holds, for `perf where`: the counts doctor takes, without its
 * integrity check (which reads every page), or null when the file is not a journal they fit.
 * Nothing is migrated or written, and no -wal or -shm file is left beside it.
 */
export function countJournal(file: string): JournalCounts | null {
  let db: Db | undefined;
  try {
    if (!fs.statSync(file).isFile() || !hasSqliteHeader(file)) return null;
    db = openToLook(file);
    return countRecords(db);
  } catch {
    // Damaged, another program's database or an older schema: perf doctor says which.
    return null;
  } finally {
    db?.close();
  }
}

/** The tables and columns a journal at `version` has, compared with a fresh one made by the same migrations. */
function missingColumns(db: Db, version: number): string[] {
  const expected = openMemoryDatabase(MIGRATIONS.slice(0, version));
  try {
    const have = columnsOf(db);
    const want = [...columnsOf(expected)].filter((c) => !have.has(c));
    const tables = want.filter((c) => c.startsWith('table '));
    return tables.length > 0 ? tables : want.map((c) => `column ${c}`);
  } finally {
    expected.close();
  }
}

function columnsOf(db: Db): Set<string> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'notes_fts_%'")
    .all() as { name: string }[];
  const result = new Set<string>();
  for (const { name } of tables) {
    result.add(`table ${name}`);
    for (const column of db.pragma(`table_info("${name.replaceAll('"', '""')}")`) as { name: string }[])
      result.add(`${name}.${column.name}`);
  }
  return result;
}

function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    return fs.readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === SQLITE_HEADER;
  } finally {
    fs.closeSync(fd);
  }
}

/** A backup written by the online API keeps the journal's WAL flag; a backup should be one file. */
function standalone(file: string): void {
  const db = connect(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  fs.chmodSync(file, 0o600);
  syncFile(file);
}

function commit(temp: string, dest: string, replace: boolean): void {
  if (replace) fs.renameSync(temp, dest);
  // Never replaced, even by a file that appeared while the backup was written (the command checked before).
  else if (!placeNew(temp, dest)) throw new RuntimeFailure(`${dest} appeared while the backup was written; it was not replaced`);
  syncFolder(path.dirname(dest));
}

function tempBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone.
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function hex(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}
