import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import { createStore, type Store } from '../../src/storage/store.js';
import { tempDir } from '../helpers.js';
import { insertNote, pendingStore } from '../harness/stores.js';

const instant = '2026-03-02T09:00:00.000Z';
const label = { command: 'log', summary: 'log "first"', now: () => new Date(instant) };

function fileStore(): Store {
  const store = createStore(openDatabase(path.join(tempDir(), 'journal.db'), { create: true }), true);
  store.describeChanges(label);
  return store;
}

/** A store on a journal file that does not exist yet, as Context.readStore makes it. */
function newFileStore(): Store {
  const store = pendingStore(path.join(tempDir(), 'journal.db'));
  store.describeChanges(label);
  return store;
}

describe("the store records a command's writes as one change", () => {
  it.each([
    ['an existing journal', fileStore],
    ['a journal its first commit creates', newFileStore],
  ])('every write transaction of one command adds to the same change (%s)', (_, make) => {
    const store = make();
    store.transaction(() => insertNote(store, 'first'));
    store.transaction(() => insertNote(store, 'second'));
    const changes = store.changes.list(null);
    expect(changes.map((c) => [c.command, c.summary])).toEqual([['log', 'log "first"']]);
    store.transaction(() => store.changes.undo((changes[0] as { id: number }).id, instant), { record: false });
    expect(store.notes.list().length).toBe(0);
    store.close();
  });

  it('a transaction that writes nothing leaves no change; a summary given names the change', () => {
    const store = fileStore();
    store.transaction(() => undefined);
    expect(store.changes.count()).toBe(0);
    store.summarize('log #1 "first"');
    store.transaction(() => insertNote(store, 'first'));
    expect(store.changes.list(null).map((c) => c.summary)).toEqual(['log #1 "first"']);
    store.close();
  });
});

describe('undoing many inserts', () => {
  it('deletes the rows through one prepared statement per table, not one per row', () => {
    const db = openDatabase(path.join(tempDir(), 'journal.db'), { create: true });
    const store = createStore(db, true);
    store.describeChanges(label);
    store.transaction(() => {
      for (let i = 0; i < 60; i++) insertNote(store, `note ${i}`);
    });
    const [change] = store.changes.list(1);
    const prepare = vi.spyOn(db, 'prepare');
    store.transaction(() => store.changes.undo((change as { id: number }).id, instant), { record: false });
    const deletes = prepare.mock.calls.map(([sql]) => String(sql)).filter((sql) => sql.startsWith('DELETE FROM notes'));
    expect(deletes).toEqual(['DELETE FROM notes WHERE rowid = ?']);
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
    prepare.mockRestore();
    store.close();
  });
});
