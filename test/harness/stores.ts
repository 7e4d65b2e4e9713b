import Database from 'better-sqlite3';
import { openDatabase, openMemoryDatabase } from '../../src/storage/db.js';
import { createJournalFile, stageJournalFile } from '../../src/storage/journal-file.js';
import { createStore, type Store } from '../../src/storage/store.js';

/** Stores as Context makes them, for the storage tests that drive one directly. */

const INSTANT = '2026-03-02T09:00:00.000Z';

/** A store on a journal file that does not exist yet, as Context.readStore makes it. */
export function pendingStore(file: string): Store {
  return createStore(openMemoryDatabase(), false, {
    inMemory: true,
    file,
    createFile: (memory) => createJournalFile(memory, file, {}),
    stageFile: (memory) => stageJournalFile(memory, file, {}),
    openFile: () => openDatabase(file, { create: false }),
  });
}

/** Writes a plain note straight through the journal repo (no service, no checks). */
export function insertNote(store: Store, text: string, instant = INSTANT): number {
  return store.journal.insertNote({
    id: null,
    date: instant.slice(0, 10),
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

/** The notes' texts in a journal file, read by a connection of its own (what is committed). */
export function textsIn(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT text FROM notes ORDER BY id').all() as { text: string }[]).map((r) => r.text);
  } finally {
    db.close();
  }
}
