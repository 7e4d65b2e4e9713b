import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../src/storage/db.js';

/**
 * Migrations are frozen text, so the undo triggers are written out in them (scripts/undo-triggers.mjs
 * makes them). A later migration that adds a table or a column must recreate that table's triggers;
 * this test fails when one does not, before `perf undo` silently misses the new data.
 */
const NOT_RECORDED = ['changes', 'change_steps', 'undo_state', 'sqlite_sequence', 'slug_renames'];

describe('the undo triggers at the latest schema', () => {
  const db = openMemoryDatabase();
  // The search indexes (notes_fts and migration 9's notes_fts_trigram, with their shadow tables)
  // are rebuilt from notes by their own triggers, so undoing a note undoes them too.
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[]).filter(
    (name) => !NOT_RECORDED.includes(name) && !name.startsWith('notes_fts'),
  );
  const triggers = new Map(
    (db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string; sql: string }[]).map((t) => [
      t.name,
      t.sql,
    ]),
  );

  it('covers some tables', () => {
    expect(tables).toEqual(expect.arrayContaining(['notes', 'goals', 'goal_checkins', 'note_goals', 'ratings', 'config']));
  });

  it.each(tables)('%s: an insert, an update and a delete are recorded, with every column', (table) => {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
    for (const kind of ['insert', 'update', 'delete']) expect(triggers.has(`undo_${table}_${kind}`), `undo_${table}_${kind}`).toBe(true);
    for (const column of columns) {
      expect(triggers.get(`undo_${table}_update`), `${table}.${column} on update`).toContain(`quote(old.${column})`);
      expect(triggers.get(`undo_${table}_delete`), `${table}.${column} on delete`).toContain(`quote(old.${column})`);
    }
  });
});
