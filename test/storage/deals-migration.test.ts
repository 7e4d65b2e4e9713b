import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/storage/migrations.js';
import { run, tempDbPath } from '../helpers.js';

const NOW = '2026-01-01T00:00:00.000Z';

/**
 * A journal from before deals (schema 7): notes with tags, goal links (one with its goal update),
 * a competency link, a deleted note (its id must stay used), and feedback.
 */
function journalAtVersion7(): string {
  const file = tempDbPath();
  const db = openDatabase(file, { create: true, migrations: MIGRATIONS.slice(0, 7) });
  const exec = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  exec(
    `INSERT INTO goals (id, slug, title, target, start_date, created_at, updated_at) VALUES (1, 'q3-arr', 'Q3 ARR', 500000, '2026-01-01', ?, ?)`,
    NOW,
    NOW,
  );
  const note = db.prepare(
    `INSERT INTO notes (id, date, text, type, account, starred, created_at, updated_at) VALUES (?, '2026-02-01', ?, ?, ?, ?, '${NOW}', '${NOW}')`,
  );
  note.run(1, 'Signed Acme after the pricing call #win', 'win', 'Acme', 1);
  note.run(2, 'Called Globex about the renewal', 'call', 'Globex', 0);
  note.run(3, 'Deleted later', 'note', null, 0);
  exec('DELETE FROM notes WHERE id = 3');
  exec(`INSERT INTO note_tags (note_id, tag) VALUES (1, 'win'), (2, 'renewal')`);
  exec('INSERT INTO note_goals (note_id, goal_id) VALUES (1, 1), (2, 1)');
  exec(`INSERT INTO goal_checkins (goal_id, date, kind, amount, note_id, created_at) VALUES (1, '2026-02-01', 'add', 25000, 1, ?)`, NOW);
  exec('INSERT INTO note_competencies (note_id, competency_id) VALUES (1, 6)');
  exec(
    `INSERT INTO feedback (date, from_name, relationship, competency_id, text, created_at) VALUES ('2026-02-02', 'Maria', 'manager', 6, 'Great close', ?)`,
    NOW,
  );
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

describe('migration 8: deals, note types as a setting, feedback flags, reflections', () => {
  it('keeps every note with its id, tags, goals, progress and competencies, and the feedback', async () => {
    const file = journalAtVersion7();
    const listed = await run(['notes', '--json'], { db: file });
    expect(listed.stderr).toBe('');
    expect(rows(file, 'PRAGMA user_version')).toEqual([{ user_version: LATEST_VERSION }]);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        id: 2,
        text: 'Called Globex about the renewal',
        type: 'call',
        account: 'Globex',
        tags: ['renewal'],
        goals: [{ slug: 'q3-arr', progress: null }],
        deal: null,
      }),
      expect.objectContaining({
        id: 1,
        type: 'win',
        starred: true,
        tags: ['win'],
        goals: [{ slug: 'q3-arr', progress: 25000 }],
        competencies: ['closing'],
        deal: null,
      }),
    ]);
    expect(JSON.parse((await run(['feedback', '--json'], { db: file })).stdout)).toEqual([
      expect.objectContaining({ id: 1, from: 'Maria', relationship: 'manager', competency: 'closing', text: 'Great close' }),
    ]);
    expect(rows(file, 'SELECT starred, constructive FROM feedback')).toEqual([{ starred: 0, constructive: 0 }]);
  });

  it('keeps the search index, the id sequence, and links a new note to a new deal', async () => {
    const file = journalAtVersion7();
    const found = await run(['notes', '-q', 'pricing', '--json'], { db: file });
    expect(JSON.parse(found.stdout).map((n: { id: number }) => n.id)).toEqual([1]);
    expect((await run(['deals', 'add', 'Acme expansion', '--value', '20000'], { db: file })).code).toBe(0);
    // Note 3 was deleted before the upgrade: its id is not handed out again.
    const logged = JSON.parse(
      (await run(['log', 'Pricing for the Acme expansion', '--deal', 'acme-expansion', '--json'], { db: file })).stdout,
    );
    expect(logged).toMatchObject({ id: 4, deal: 'acme-expansion' });
    const again = await run(['notes', '-q', 'pricing', '--json'], { db: file });
    expect(JSON.parse(again.stdout).map((n: { id: number }) => n.id)).toEqual([4, 1]);
  });
});
