import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { NEXT_ACCOUNT_SQL, NEXT_SPELLING_SQL, createNoteSpellings } from '../../src/storage/report-repo.js';
import { tempDbPath } from '../helpers.js';

const NOW = '2026-01-01T00:00:00.000Z';

function addNotes(db: ReturnType<typeof openDatabase>, accounts: readonly (string | null)[]): void {
  const insert = db.prepare(
    `INSERT INTO notes (date, text, type, account, created_at, updated_at) VALUES ('2026-02-01', 'x', 'note', ?, ?, ?)`,
  );
  for (const account of accounts) insert.run(account, NOW, NOW);
}

const distinct = (db: ReturnType<typeof openDatabase>) =>
  (db.prepare('SELECT DISTINCT account FROM notes WHERE account IS NOT NULL').pluck().all() as string[]).sort();

describe('migration 11: the spellings of the accounts', () => {
  it('indexes the accounts a journal already has; stepping through it finds every spelling once, as SELECT DISTINCT does', () => {
    const file = tempDbPath();
    const before = openDatabase(file, { create: true, migrations: MIGRATIONS.slice(0, 10) });
    const spellings = ['Acme', 'ACME', 'acme', 'Äcme', 'äcme', 'Globex', 'globex ', 'Initech GmbH', '株式会社アクメ', 'Zed', 'a', 'A'];
    // Each many times, interleaved, with notes without an account between them.
    addNotes(
      before,
      Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? null : (spellings[i % spellings.length] ?? null))),
    );
    before.close();
    const db = openDatabase(file, { create: false, migrations: MIGRATIONS });
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'notes_account_spelling'").pluck().get()).toMatch(
      /ON notes\(account COLLATE NOCASE, account\)/,
    );
    const read = createNoteSpellings(db);
    expect([...read()].sort()).toEqual(distinct(db));
    expect(read()).toHaveLength(spellings.length);
    // It stays in step with new notes, edits and deletes.
    addNotes(db, ['acmE', 'Wonka']);
    db.prepare("UPDATE notes SET account = 'Hooli' WHERE account = 'Zed'").run();
    db.prepare("DELETE FROM notes WHERE account = 'a'").run();
    expect([...read()].sort()).toEqual(distinct(db));
    db.close();
  });

  it('steps by index searches, never reading every note', () => {
    const journal = openDatabase(tempDbPath(), { create: true, migrations: MIGRATIONS });
    const plan = (sql: string, params: object) =>
      (journal.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail);
    expect(plan(NEXT_ACCOUNT_SQL, { after: '' })).toEqual([
      expect.stringMatching(/^SEARCH notes USING COVERING INDEX notes_account(_spelling)? \(account>\?\)$/),
    ]);
    // The spellings of one account: migration 11's index, both of its columns.
    expect(plan(NEXT_SPELLING_SQL, { key: 'acme', after: '' })).toEqual([
      'SEARCH notes USING COVERING INDEX notes_account_spelling (account=? AND account>?)',
    ]);
    journal.close();
  });
});
