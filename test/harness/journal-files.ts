import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';

/** Overwrites pages in the middle of an SQLite file, as a bad disk block would; page 1 is kept so it still opens. */
export function damage(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    const garbage = Buffer.alloc(4096 * 4, 0xa5);
    fs.writeSync(fd, garbage, 0, Math.min(garbage.length, size - 4096), 4096);
  } finally {
    fs.closeSync(fd);
  }
}

/** An SQLite file of another program, with a `user_version` that a journal could have. */
export function foreignDatabase(file: string, userVersion = 3): void {
  const db = new Database(file);
  db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)');
  db.pragma(`user_version = ${userVersion}`);
  db.close();
}

/** A journal as a newer perf-journal would leave it. */
export function newerJournal(file: string): void {
  openDatabase(file, { create: true }).close();
  const db = new Database(file);
  db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  db.close();
}

/** A journal at an older schema, as an older perf-journal made it. */
export function olderJournal(file: string, version: number, note: string): void {
  const db = openDatabase(file, { create: true, migrations: MIGRATIONS.slice(0, version) });
  db.prepare(
    "INSERT INTO notes (date, text, created_at, updated_at) VALUES ('2026-01-05', ?, '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z')",
  ).run(note);
  db.pragma('journal_mode = DELETE');
  db.close();
}

export function filesIn(folder: string): string[] {
  try {
    return fs.readdirSync(folder).sort();
  } catch {
    return [];
  }
}

export function modeOf(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

export function backupsOf(db: string): string {
  return path.join(path.dirname(db), 'backups');
}
