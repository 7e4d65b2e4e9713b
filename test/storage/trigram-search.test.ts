import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { tempDbPath } from '../helpers.js';

const NOW = '2026-01-01T00:00:00.000Z';

function trigram(db: ReturnType<typeof openDatabase>, query: string): number[] {
  return (
    db.prepare('SELECT rowid FROM notes_fts_trigram WHERE notes_fts_trigram MATCH ? ORDER BY rowid').all(query) as { rowid: number }[]
  ).map((row) => row.rowid);
}

describe('migration 9: the trigram index', () => {
  it('indexes the notes a journal already has, and stays in step with edits and deletes', () => {
    const file = tempDbPath();
    const before = openDatabase(file, { create: true, migrations: MIGRATIONS.slice(0, 8) });
    before
      .prepare(`INSERT INTO notes (id, date, text, type, created_at, updated_at) VALUES (1, '2026-02-01', ?, 'note', ?, ?)`)
      .run('今期の売上目標を確認した', NOW, NOW);
    before.close();
    const db = openDatabase(file, { create: false, migrations: MIGRATIONS });
    expect(trigram(db, '"売上目標"')).toEqual([1]);
    db.prepare(`INSERT INTO notes (id, date, text, type, created_at, updated_at) VALUES (2, '2026-02-02', ?, 'note', ?, ?)`).run(
      '新しい売上目標',
      NOW,
      NOW,
    );
    expect(trigram(db, '"売上目標"')).toEqual([1, 2]);
    db.prepare(`UPDATE notes SET text = '提案書を送った' WHERE id = 1`).run();
    expect(trigram(db, '"売上目標"')).toEqual([2]);
    expect(trigram(db, '"提案書"')).toEqual([1]);
    db.prepare('DELETE FROM notes WHERE id = 2').run();
    expect(trigram(db, '"売上目標"')).toEqual([]);
    expect(() => db.prepare("INSERT INTO notes_fts_trigram (notes_fts_trigram, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    db.close();
  });
});
