/** Bringing a journal to the latest schema: each migration in its own transaction, after a backup copy. */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { RuntimeFailure, messageOf, quote } from '../errors.js';
import { placeNew, syncFolder } from '../durable.js';
import { RESERVED_SLUGS_VERSION, type Migration } from './migrations.js';

type Db = Database.Database;

/**
 * The slugs the upgrade from `from` renamed because they were subcommand words, in one line.
 * Said by the upgrade itself, so once: a journal that cannot be written is upgraded in memory
 * each time, and says it each time, which is true.
 */
export function noticeRenames(db: Db, from: number, to: number, onNotice: ((line: string) => void) | undefined): void {
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

export function migrate(db: Db, file: string, from: number, migrations: readonly Migration[]): void {
  if (from > 0) backup(db, file, from);
  applyMigrations(db, from, migrations);
}

export function applyMigrations(db: Db, from: number, migrations: readonly Migration[]): void {
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
