import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/storage/migrations.js';
import { dumpDb, run, tempDbPath } from '../helpers.js';

const NOW = '2026-01-01T00:00:00.000Z';

/** A version-1 journal holding a row in every table, linked the way the program links them. */
function journalAtVersion1(): string {
  const file = tempDbPath();
  const db = openDatabase(file, { create: true, migrations: MIGRATIONS.slice(0, 1) });
  const exec = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  exec(
    `INSERT INTO goals (id, slug, title, is_org, start_date, created_at, updated_at) VALUES (1, 'grow-emea', 'Grow EMEA', 1, '2026-01-01', ?, ?)`,
    NOW,
    NOW,
  );
  exec(
    `INSERT INTO goals (id, slug, title, unit, target, start_date, due_date, aligns_to_id, created_at, updated_at)
     VALUES (2, 'new-arr', 'New ARR', 'USD', 500000, '2026-01-01', '2026-12-31', 1, ?, ?)`,
    NOW,
    NOW,
  );
  for (const [id, text] of [
    [1, 'Signed Acme #win'],
    [2, 'Called Globex'],
    [3, 'Demo for Initech'],
  ] as const) {
    exec(
      `INSERT INTO notes (id, date, text, type, account, goal_id, created_at, updated_at) VALUES (?, '2026-02-0' || ?, ?, 'win', 'Acme', 2, ?, ?)`,
      id,
      id,
      text,
      NOW,
      NOW,
    );
    exec(`INSERT INTO note_tags (note_id, tag) VALUES (?, 'q1')`, id);
    exec(`INSERT INTO note_competencies (note_id, competency_id) VALUES (?, 6)`, id);
    exec(
      `INSERT INTO goal_checkins (goal_id, date, kind, amount, note_id, created_at) VALUES (2, '2026-02-0' || ?, 'add', 1000, ?, ?)`,
      id,
      id,
      NOW,
    );
  }
  exec(`INSERT INTO ratings (competency_id, date, rating, source, created_at) VALUES (6, '2026-02-01', 3, 'self', ?)`, NOW);
  exec(
    `INSERT INTO feedback (date, from_name, relationship, competency_id, text, created_at) VALUES ('2026-02-02', 'Maria', 'manager', 6, 'Great close', ?)`,
    NOW,
  );
  exec(
    `INSERT INTO development (title, competency_id, due_date, status, created_at, updated_at) VALUES ('Negotiation course', 5, '2026-06-30', 'planned', ?, ?)`,
    NOW,
    NOW,
  );
  exec(`INSERT INTO checkins (date, note, created_at) VALUES ('2026-02-03', 'Q1 review', ?)`, NOW);
  exec(`INSERT INTO config (key, value) VALUES ('name', 'Jane Doe')`);
  db.close();
  return file;
}

/**
 * Every row, without the schema version, to compare before and after a migration. sqlite_sequence
 * is left out: migration 2 starts it (AUTOINCREMENT), so it is new rather than changed.
 */
function rowsOf(file: string): unknown {
  const dump = JSON.parse(dumpDb(file) ?? 'null') as { dump: Record<string, unknown> };
  delete dump.dump.sqlite_sequence;
  return dump.dump;
}

function search(db: Db, words: string): number[] {
  return (db.prepare('SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid').all(words) as { rowid: number }[]).map(
    (r) => r.rowid,
  );
}

describe('migration 2: ids are never reused', () => {
  it('keeps every row, id and link of a version-1 journal, after backing it up', () => {
    const file = journalAtVersion1();
    const before = rowsOf(file);
    const db = openDatabase(file, { create: false });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(search(db, 'globex')).toEqual([2]);
    } finally {
      db.close();
    }
    // Every row as it was; development rows gain the new start_note column, empty.
    const expected = before as Record<string, Record<string, unknown>[]>;
    expected.development = (expected.development ?? []).map((row) => ({ ...row, start_note: null }));
    // Migration 4: the tables import writes gain source_key, NULL for what was typed into the journal.
    for (const table of ['goals', 'notes', 'goal_checkins', 'ratings', 'feedback', 'development', 'checkins']) {
      expected[table] = (expected[table] ?? []).map((row) => ({ ...row, source_key: null }));
    }
    // And the journal gets an identity of its own, random.
    const after = rowsOf(file) as Record<string, { journal_id: string }[]>;
    expect(after.meta).toEqual([{ singleton: 1, journal_id: expect.stringMatching(/^[0-9a-f]{32}$/) }]);
    expected.meta = after.meta ?? [];
    // Migration 5: an undo log, empty (migrating is not a change to undo).
    expected.changes = [];
    expected.change_steps = [];
    expected.undo_state = [{ singleton: 1, current_change: null }];
    // Migration 6: nothing clashed with a command word, so nothing was renamed.
    expected.slug_renames = [];
    // Migration 7: a note's goal is a link in note_goals, no longer notes.goal_id.
    expected.note_goals = [1, 2, 3].map((id) => ({ note_id: id, goal_id: 2 }));
    expected.notes = (expected.notes ?? []).map(({ goal_id, ...row }) => row);
    // Migration 8: deals and reflections, none yet; no note names a deal; no feedback is flagged.
    expected.deals = [];
    expected.reflections = [];
    expected.notes = expected.notes.map((row) => ({ ...row, deal_id: null }));
    expected.feedback = (expected.feedback ?? []).map((row) => ({ ...row, starred: 0, constructive: 0 }));
    // Migration 9: the trigram index of the notes (its shadow tables), checked by search elsewhere.
    for (const [name, rows] of Object.entries(after)) if (name.startsWith('notes_fts_trigram_')) expected[name] = rows;
    expect(Object.keys(after).filter((name) => name.startsWith('notes_fts_trigram_'))).toHaveLength(4);
    expect(after).toEqual(expected);
    expect(fs.existsSync(`${file}.bak-v1`)).toBe(true);
    const backup = new Database(`${file}.bak-v1`, { readonly: true });
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
    } finally {
      backup.close();
    }
  });

  it('still cascades a deleted note to its tags, competency links and goal check-in', () => {
    const file = journalAtVersion1();
    const db = openDatabase(file, { create: false });
    try {
      db.prepare('DELETE FROM notes WHERE id = 3').run();
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE note_id = 3`).get() as { n: number }).n;
      expect([count('note_tags'), count('note_competencies'), count('goal_checkins')]).toEqual([0, 0, 0]);
      expect(search(db, 'initech')).toEqual([]);
      expect(search(db, 'acme')).toEqual([1, 2]);
    } finally {
      db.close();
    }
  });

  it('gives a new note a fresh id after the newest one was deleted', async () => {
    const file = journalAtVersion1();
    expect((await run(['notes', 'rm', '3', '--yes'], { db: file })).code).toBe(0);
    const logged = await run(['log', 'Called Umbrella', '--json'], { db: file });
    expect(JSON.parse(logged.stdout).id).toBe(4);
    expect((await run(['notes', 'rm', '4', '--yes'], { db: file })).code).toBe(0);
    expect(JSON.parse((await run(['log', 'Called Hooli', '--json'], { db: file })).stdout).id).toBe(5);
  });

  it.each([
    ['goals', `INSERT INTO goals (slug, title, start_date, created_at, updated_at) VALUES ('x', 'X', '2026-01-01', '${NOW}', '${NOW}')`],
    [
      'feedback',
      `INSERT INTO feedback (date, from_name, relationship, text, created_at) VALUES ('2026-01-01', 'A', 'peer', 'x', '${NOW}')`,
    ],
    ['development', `INSERT INTO development (title, created_at, updated_at) VALUES ('x', '${NOW}', '${NOW}')`],
    ['competencies', `INSERT INTO competencies (slug, name, created_at, updated_at) VALUES ('x', 'X', '${NOW}', '${NOW}')`],
  ])('%s: the id of a deleted newest row is not handed out again', (table, insert) => {
    const db = openDatabase(tempDbPath(), { create: true });
    try {
      const first = Number(db.prepare(insert).run().lastInsertRowid);
      db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(first);
      expect(Number(db.prepare(insert.replace("'x'", "'y'")).run().lastInsertRowid)).toBe(first + 1);
    } finally {
      db.close();
    }
  });
});
