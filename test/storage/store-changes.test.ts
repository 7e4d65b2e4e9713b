import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, openMemoryDatabase } from '../../src/storage/db.js';
import { createJournalFile, stageJournalFile } from '../../src/storage/journal-file.js';
import { createStore, type Store } from '../../src/storage/store.js';
import { tempDir } from '../helpers.js';

const instant = '2026-03-02T09:00:00.000Z';
const label = { command: 'log', summary: 'log "first"', now: () => new Date(instant) };

function insertNote(store: Store, text: string): number {
  return store.journal.insertNote({
    id: null,
    date: '2026-03-02',
    text,
    type: 'note',
    account: null,
    starred: false,
    goalIds: [],
    tags: [],
    competencyIds: [],
    createdAt: instant,
    updatedAt: instant,
    sourceKey: null,
  });
}

function fileStore(): Store {
  const store = createStore(openDatabase(path.join(tempDir(), 'journal.db'), { create: true }), true);
  store.describeChanges(label);
  return store;
}

/** A store on a journal file that does not exist yet, as Context.readStore makes it. */
function pendingStore(): Store {
  const file = path.join(tempDir(), 'journal.db');
  const store = createStore(openMemoryDatabase(), false, {
    inMemory: true,
    file,
    createFile: (memory) => createJournalFile(memory, file, {}),
    stageFile: (memory) => stageJournalFile(memory, file, {}),
    openFile: () => openDatabase(file, { create: false }),
  });
  store.describeChanges(label);
  return store;
}

describe("the store records a command's writes as one change", () => {
  it.each([
    ['an existing journal', fileStore],
    ['a journal its first commit creates', pendingStore],
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
