#!/usr/bin/env node
// Prints the undo triggers (see migration 5 in src/storage/migrations.ts) for the journal tables
// of a schema version, to paste into a migration: migrations are frozen text, so the triggers are
// written out there rather than made at run time. A migration that adds a table or a column
// recreates that table's triggers with this output. Usage: node scripts/undo-triggers.mjs 4 [table...]
// (after npm run build).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { MIGRATIONS } = await import(path.join(root, 'dist', 'storage', 'migrations.js'));
const [version, ...only] = process.argv.slice(2);
const db = new Database(':memory:');
for (const migration of MIGRATIONS.slice(0, Number(version))) db.exec(migration.sql);

// The undo log's own tables, SQLite's, the search index's (kept in step by the notes triggers), and
// slug_renames (written once by migration 6, never by a command). test/storage/undo-triggers.test.ts
// keeps the same list.
const skip = (name) =>
  ['changes', 'change_steps', 'undo_state', 'sqlite_sequence', 'slug_renames'].includes(name) || name.startsWith('notes_fts');
const tables = db
  .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name")
  .all()
  .filter((t) => !skip(t.name) && (only.length === 0 || only.includes(t.name)));

const WHEN = 'WHEN (SELECT current_change FROM undo_state) IS NOT NULL';
const step = (sql) => `  INSERT INTO change_steps (change_id, sql) SELECT current_change, ${sql} FROM undo_state;`;
// An update that changes nothing but the time of the change (a setting set to what it was, an
// edit to the same values) is not a change to undo.
const changed = (cols) =>
  cols
    .filter((c) => c !== 'updated_at')
    .map((c) => `old.${c} IS NOT new.${c}`)
    .join(' OR ');
const list = (cols, row, sep) => cols.map((c) => `'${c} = ' || quote(${row}.${c})`).join(` || '${sep}' || `);

for (const { name, sql } of tables) {
  const info = db.prepare(`SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`).all(name);
  const cols = info.map((c) => c.name);
  const withoutRowid = /WITHOUT ROWID\s*;?\s*$/i.test(sql);
  const pk = info
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  // A table whose INTEGER PRIMARY KEY is its rowid keeps it through its columns; another rowid
  // table (config) gets its rowid back explicitly.
  const rowidAlias = pk.length === 1 && /INTEGER PRIMARY KEY/i.test(sql.split('\n').find((l) => l.trim().startsWith(`${pk[0]} `)) ?? '');
  const key = (row) => (withoutRowid ? `' WHERE ' || ${list(pk, row, ' AND ')}` : `' WHERE rowid = ' || ${row}.rowid`);
  const insertCols = !withoutRowid && !rowidAlias ? ['rowid', ...cols] : cols;
  const values = insertCols.map((c) => `quote(old.${c})`).join(` || ', ' || `);
  console.log(`CREATE TRIGGER undo_${name}_insert AFTER INSERT ON ${name} ${WHEN} BEGIN
${step(`'DELETE FROM ${name}' || ${key('new')}`)}
END;
CREATE TRIGGER undo_${name}_update AFTER UPDATE ON ${name} ${WHEN} AND (${changed(cols)}) BEGIN
${step(`'UPDATE ${name} SET ' || ${list(cols, 'old', ', ')} || ${key('new')}`)}
END;
CREATE TRIGGER undo_${name}_delete AFTER DELETE ON ${name} ${WHEN} BEGIN
${step(`'INSERT INTO ${name} (${insertCols.join(', ')}) VALUES (' || ${values} || ')'`)}
END;`);
}
