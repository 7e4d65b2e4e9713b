import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { run, tempDbPath } from '../helpers.js';

const NOW = '2026-01-01T00:00:00.000Z';

/**
 * A journal from before notes could move several goals (schema 6): note 1 linked to a goal with
 * progress, note 2 linked without, note 3 unlinked, and note 4 deleted (its id must stay used).
 */
function journalAtVersion6(): string {
  const file = tempDbPath();
  const db = openDatabase(file, { create: true, migrations: MIGRATIONS.slice(0, 6) });
  const exec = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  exec(
    `INSERT INTO goals (id, slug, title, target, start_date, created_at, updated_at) VALUES (1, 'q3-arr', 'Q3 ARR', 500000, '2026-01-01', ?, ?)`,
    NOW,
    NOW,
  );
  exec(
    `INSERT INTO goals (id, slug, title, start_date, created_at, updated_at) VALUES (2, 'refs', 'References', '2026-01-01', ?, ?)`,
    NOW,
    NOW,
  );
  const note = db.prepare(
    `INSERT INTO notes (id, date, text, goal_id, created_at, updated_at) VALUES (?, '2026-02-01', ?, ?, '${NOW}', '${NOW}')`,
  );
  note.run(1, 'Signed Acme', 1);
  note.run(2, 'Acme will be a reference', 2);
  note.run(3, 'Called Globex', null);
  note.run(4, 'Deleted later', null);
  exec('DELETE FROM notes WHERE id = 4');
  exec(`INSERT INTO goal_checkins (goal_id, date, kind, amount, note_id, created_at) VALUES (1, '2026-02-01', 'add', 25000, 1, ?)`, NOW);
  exec(`INSERT INTO goal_checkins (goal_id, date, kind, amount, created_at) VALUES (1, '2026-02-02', 'add', 1000, ?)`, NOW);
  db.close();
  return file;
}

function rows(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('migration 7: a note links to any number of goals', () => {
  it('turns each note goal into a link, keeps the updates, and drops notes.goal_id', async () => {
    const file = journalAtVersion6();
    const shown = await run(['notes', 'show', '1', '--json'], { db: file });
    expect(shown.stderr).toBe('');
    expect(JSON.parse(shown.stdout)).toMatchObject({ goals: [{ slug: 'q3-arr', progress: 25000 }], goal: 'q3-arr', progress: 25000 });
    expect(rows(file, 'SELECT note_id, goal_id FROM note_goals ORDER BY note_id')).toEqual([
      { note_id: 1, goal_id: 1 },
      { note_id: 2, goal_id: 2 },
    ]);
    expect(rows(file, 'SELECT id, goal_id, note_id, amount FROM goal_checkins ORDER BY id')).toEqual([
      { id: 1, goal_id: 1, note_id: 1, amount: 25000 },
      { id: 2, goal_id: 1, note_id: null, amount: 1000 },
    ]);
    expect(rows(file, "SELECT name FROM pragma_table_info('notes') WHERE name = 'goal_id'")).toEqual([]);
  });

  it('keeps search, the id sequence and the undo triggers of the rebuilt notes table', async () => {
    const file = journalAtVersion6();
    const found = await run(['notes', '-q', 'globex', '--json'], { db: file });
    expect(JSON.parse(found.stdout).map((n: { id: number }) => n.id)).toEqual([3]);
    // Note 4 was deleted before the upgrade: its id is not handed out again.
    expect(JSON.parse((await run(['log', 'Called Hooli', '--json'], { db: file })).stdout).id).toBe(5);
    await run(['notes', 'edit', '1', 'Signed Acme, 3 years'], { db: file });
    expect((await run(['undo', '--yes'], { db: file })).code).toBe(0);
    expect(JSON.parse((await run(['notes', 'show', '1', '--json'], { db: file })).stdout).text).toBe('Signed Acme');
    const triggers = rows(
      file,
      "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN ('notes', 'note_goals', 'goal_checkins') ORDER BY name",
    );
    expect(triggers.map((t) => (t as { name: string }).name)).toEqual([
      'notes_fts_delete',
      'notes_fts_insert',
      'notes_fts_trigram_delete',
      'notes_fts_trigram_insert',
      'notes_fts_trigram_update',
      'notes_fts_update',
      'undo_goal_checkins_delete',
      'undo_goal_checkins_insert',
      'undo_goal_checkins_update',
      'undo_note_goals_delete',
      'undo_note_goals_insert',
      'undo_note_goals_update',
      'undo_notes_delete',
      'undo_notes_insert',
      'undo_notes_update',
    ]);
  });
});
