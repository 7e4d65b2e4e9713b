import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RuntimeFailure } from '../../src/errors.js';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { LATEST_VERSION, MIGRATIONS, SEEDED_COMPETENCIES, type Migration } from '../../src/storage/migrations.js';
import { dumpDb, fileHash, run, tempDbPath, tempDir } from '../helpers.js';
import { thrown } from '../thrown.js';

const TABLES = [
  'change_steps',
  'changes',
  'checkins',
  'competencies',
  'config',
  'deals',
  'development',
  'feedback',
  'goal_checkins',
  'goals',
  'meta',
  'note_competencies',
  'note_goals',
  'note_tags',
  'notes',
  'notes_fts',
  'ratings',
  'reflections',
  'slug_renames',
  'undo_state',
];

function tablesOf(db: Db): string[] {
  return (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'notes_fts_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

function insertNote(db: Db, text: string, account: string | null = null): number {
  const info = db
    .prepare("INSERT INTO notes (date, text, account, created_at, updated_at) VALUES ('2026-11-26', ?, ?, 'x', 'x')")
    .run(text, account);
  return Number(info.lastInsertRowid);
}

function search(db: Db, query: string): number[] {
  return (db.prepare('SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid').all(query) as { rowid: number }[]).map(
    (r) => r.rowid,
  );
}

function modeOf(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

/** Everything in the journal's folder: a refused file must not grow a -wal, -journal or backup. */
function folderOf(file: string): string[] {
  return fs.readdirSync(path.dirname(file)).sort();
}

/** A journal at the latest version with a note and a setting, made by the real migrations. */
function journalAtLatest(migrations: readonly Migration[] = MIGRATIONS): string {
  const file = tempDbPath();
  const db = openDatabase(file, { create: true, migrations });
  insertNote(db, 'Called Acme about the renewal', 'Acme');
  db.prepare("INSERT INTO config (key, value) VALUES ('name', 'Jane Doe')").run();
  db.close();
  return file;
}

const V = LATEST_VERSION;
const NEXT_MIGRATION: Migration = {
  version: V + 1,
  description: 'a test migration',
  sql: "CREATE TABLE extra (x INTEGER); INSERT INTO extra (x) VALUES (42); ALTER TABLE notes ADD COLUMN mood TEXT DEFAULT 'ok';",
};

describe('a blank database', () => {
  it('is brought to the latest schema', () => {
    const file = tempDbPath();
    const db = openDatabase(file, { create: true });
    try {
      expect(LATEST_VERSION).toBe(MIGRATIONS.length);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(tablesOf(db)).toEqual(TABLES);
      const competencies = db.prepare('SELECT slug, name, position FROM competencies ORDER BY position').all();
      expect(competencies).toHaveLength(12);
      expect(competencies).toEqual(SEEDED_COMPETENCIES.map(([slug, name], i) => ({ slug, name, position: i + 1 })));
      expect(SEEDED_COMPETENCIES.map(([slug]) => slug)).toEqual([
        'prospecting',
        'discovery',
        'presentation',
        'objection-handling',
        'negotiation',
        'closing',
        'pipeline-management',
        'product-knowledge',
        'account-management',
        'communication',
        'time-management',
        'collaboration',
      ]);
      expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('is created with its folder, mode 0600, in WAL mode with synchronous FULL', () => {
    const file = path.join(tempDir(), 'deeper', 'still', 'journal.db');
    const db = openDatabase(file, { create: true });
    try {
      expect(fs.existsSync(path.dirname(file))).toBe(true);
      expect(modeOf(file)).toBe(0o600);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
    // Nothing to back up in a new journal.
    expect(folderOf(file)).toEqual(['journal.db']);
  });

  it('is not created when the command only reads', () => {
    const file = tempDbPath();
    expect(() => openDatabase(file, { create: false })).toThrow(RuntimeFailure);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('keeps its settings and notes when opened again', () => {
    const file = journalAtLatest();
    const before = dumpDb(file);
    openDatabase(file, { create: false }).close();
    expect(folderOf(file)).toEqual(['journal.db']);
    expect(dumpDb(file)).toEqual(before);
  });
});

describe('the full-text index', () => {
  it('follows notes through insert, edit and delete', () => {
    const db = openDatabase(tempDbPath(), { create: true });
    try {
      const acme = insertNote(db, 'Called Acme about the renewal', 'Acme Corp');
      const globex = insertNote(db, 'Demo for Globex went well');
      expect(search(db, 'renewal')).toEqual([acme]);
      expect(search(db, 'corp')).toEqual([acme]);
      expect(search(db, 'globex')).toEqual([globex]);

      db.prepare('UPDATE notes SET text = ? WHERE id = ?').run('Signed Acme: three-year contract', acme);
      expect(search(db, 'renewal')).toEqual([]);
      expect(search(db, 'contract')).toEqual([acme]);
      expect(search(db, 'corp')).toEqual([acme]);

      db.prepare('UPDATE notes SET account = ? WHERE id = ?').run('Initech', acme);
      expect(search(db, 'corp')).toEqual([]);
      expect(search(db, 'initech')).toEqual([acme]);

      // Changing other columns leaves the index as it was.
      db.prepare("UPDATE notes SET type = 'win', starred = 1 WHERE id = ?").run(acme);
      expect(search(db, 'contract')).toEqual([acme]);

      db.prepare('DELETE FROM notes WHERE id = ?').run(acme);
      expect(search(db, 'contract')).toEqual([]);
      expect(search(db, 'initech')).toEqual([]);
      expect(search(db, 'globex')).toEqual([globex]);

      // The index agrees with its content table row for row.
      expect(() => db.prepare("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    } finally {
      db.close();
    }
  });
});

describe('migrating an older journal', () => {
  it('backs the file up to <file>.bak-v<version> first', () => {
    const file = journalAtLatest();
    const before = dumpDb(file);
    const db = openDatabase(file, { create: false, migrations: [...MIGRATIONS, NEXT_MIGRATION] });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(V + 1);
      expect(db.prepare('SELECT x FROM extra').all()).toEqual([{ x: 42 }]);
      expect(db.prepare('SELECT text, mood FROM notes').all()).toEqual([{ text: 'Called Acme about the renewal', mood: 'ok' }]);
    } finally {
      db.close();
    }

    const backup = `${file}.bak-v${V}`;
    expect(folderOf(file)).toContain(`journal.db.bak-v${V}`);
    expect(modeOf(backup)).toBe(0o600);
    const copy = new Database(backup, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
    expect(dumpDb(backup)).toEqual(before);
  });

  it('never overwrites an earlier backup', () => {
    const file = journalAtLatest();
    fs.writeFileSync(`${file}.bak-v${V}`, 'an earlier backup');
    openDatabase(file, { create: false, migrations: [...MIGRATIONS, NEXT_MIGRATION] }).close();
    expect(fs.readFileSync(`${file}.bak-v${V}`, 'utf8')).toBe('an earlier backup');
    expect(folderOf(file)).toContain(`journal.db.bak-v${V}.2`);
  });

  it('leaves the journal at its old version with its data when a migration fails midway', () => {
    const file = journalAtLatest();
    const before = dumpDb(file);
    const broken: Migration = {
      version: V + 1,
      description: 'fails after its first statement',
      sql: 'CREATE TABLE extra (x INTEGER); INSERT INTO extra (x) VALUES (1); INSERT INTO no_such_table VALUES (1);',
    };
    expect(() => openDatabase(file, { create: false, migrations: [...MIGRATIONS, broken] })).toThrow(/no_such_table/);

    expect(dumpDb(file)).toEqual(before);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(V);
      expect(tablesOf(db)).not.toContain('extra');
    } finally {
      db.close();
    }
    // The program still opens it, as the journal it was.
    const again = openDatabase(file, { create: false });
    expect(again.prepare('SELECT text FROM notes').all()).toEqual([{ text: 'Called Acme about the renewal' }]);
    again.close();
  });
});

describe('a journal from a newer program', () => {
  function newerJournal(): string {
    const file = journalAtLatest();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    return file;
  }

  it('is refused with a RuntimeFailure and left byte-identical', () => {
    const file = newerJournal();
    const hash = fileHash(file);
    expect(() => openDatabase(file, { create: true })).toThrow(RuntimeFailure);
    expect(() => openDatabase(file, { create: false })).toThrow(
      new RegExp(`newer perf-journal \\(schema 99, this program knows ${LATEST_VERSION}\\)`),
    );
    expect(fileHash(file)).toBe(hash);
    expect(folderOf(file)).toEqual(['journal.db']);
  });

  it.each([[['notes']], [['log', 'Called Acme']], [['config', 'set', 'name', 'Jane']], [['notes', 'rm', '1', '--yes']]])(
    'perf %j exits 1 with one line and changes nothing',
    async (args) => {
      const file = newerJournal();
      const hash = fileHash(file);
      const result = await run(args, { db: file });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        new RegExp(
          `^perf: the journal .* is from a newer perf-journal \\(schema 99, this program knows ${LATEST_VERSION}\\): upgrade perf-journal; the file was not changed\\n$`,
        ),
      );
      expect(fileHash(file)).toBe(hash);
      expect(folderOf(file)).toEqual(['journal.db']);
    },
  );
});

describe('a file that is not a journal', () => {
  const validHeader = (() => {
    const file = journalAtLatest();
    return fs.readFileSync(file).subarray(0, 100);
  })();

  const GARBAGE: [string, Buffer][] = [
    ['random bytes', crypto.randomBytes(8192)],
    ['a text file', Buffer.from('Called Acme about the renewal\nDemo for Globex\n')],
    ['a one-byte file', Buffer.from('\n')],
    ['a truncated SQLite header', Buffer.from('SQLite for')],
    ['a whole SQLite header cut before its end', validHeader.subarray(0, 15)],
    ['an SQLite header followed by junk', Buffer.concat([Buffer.from('SQLite format 3\0'), crypto.randomBytes(4080)])],
    ['a journal cut off in its first page', validHeader],
  ];

  it.each(GARBAGE)('%s is refused by openDatabase and never written', (_, content) => {
    const file = tempDbPath();
    fs.writeFileSync(file, content);
    expect(() => openDatabase(file, { create: true })).toThrow(RuntimeFailure);
    expect(fs.readFileSync(file).equals(content)).toBe(true);
    expect(folderOf(file)).toEqual(['journal.db']);
  });

  it.each(GARBAGE.flatMap(([what, content]) => [[what, content, ['notes']] as const, [what, content, ['log', 'Called Acme']] as const]))(
    '%s: perf %j exits 1 with one line, file byte-identical',
    async (_, content, args) => {
      const file = tempDbPath();
      fs.writeFileSync(file, content);
      const hash = fileHash(file);
      const result = await run([...args], { db: file });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^perf: .*(is not a perf journal|damaged or not a database).*it was not changed\n$/);
      expect(fileHash(file)).toBe(hash);
      expect(folderOf(file)).toEqual(['journal.db']);
    },
  );
});

describe("another program's SQLite database", () => {
  function foreignDatabase(): string {
    const file = tempDbPath();
    const db = new Database(file);
    db.exec("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES ('Maria');");
    db.close();
    return file;
  }

  it('is refused, not migrated, and never written', () => {
    const file = foreignDatabase();
    const hash = fileHash(file);
    const refusal = thrown(() => openDatabase(file, { create: false }));
    expect(refusal).toBeInstanceOf(RuntimeFailure);
    expect((refusal as Error).message).toBe(`${file} is not a perf journal (an SQLite database of another program); it was not changed`);
    expect(fileHash(file)).toBe(hash);
    expect(folderOf(file)).toEqual(['journal.db']);
  });

  it.each([[['notes']], [['log', 'Called Acme']], [['config', 'get', 'name']]])('perf %j exits 1 and leaves it alone', async (args) => {
    const file = foreignDatabase();
    const hash = fileHash(file);
    const result = await run(args, { db: file });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `perf: ${file} is not a perf journal (an SQLite database of another program); it was not changed\n`,
    });
    expect(fileHash(file)).toBe(hash);
    expect(folderOf(file)).toEqual(['journal.db']);
  });
});

describe('a zero-length file', () => {
  it('is treated as a new journal', async () => {
    const file = tempDbPath();
    fs.writeFileSync(file, '');
    expect((await run(['notes'], { db: file })).code).toBe(0);
    const logged = await run(['log', 'Called Acme'], { db: file });
    expect(logged.code).toBe(0);
    const listed = await run(['notes', '--json'], { db: file });
    expect(JSON.parse(listed.stdout).map((n: { text: string }) => n.text)).toEqual(['Called Acme']);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    } finally {
      db.close();
    }
    expect(folderOf(file).filter((f) => f.includes('.bak'))).toEqual([]);
  });
});
