import type { Day } from '../domain/calendar.js';
import type { Db } from './db.js';

export type CsvImportRepo = ReturnType<typeof createCsvImportRepo>;

/** The note writes of a CSV import: notes with their source key and tags (deals go through the deals repo). */
export function createCsvImportRepo(db: Db) {
  const noteKey = db.prepare<[string], { id: number }>('SELECT id FROM notes WHERE source_key = ?');
  const insertNote = db.prepare<[Record<string, unknown>], void>(
    `INSERT INTO notes (date, text, type, account, starred, created_at, updated_at, source_key)
     VALUES (@date, @text, @type, @account, 0, @now, @now, @sourceKey)`,
  );
  const insertTag = db.prepare<[number, string], void>('INSERT OR IGNORE INTO note_tags (note_id, tag) VALUES (?, ?)');
  return {
    hasNote(sourceKey: string): boolean {
      return noteKey.get(sourceKey) !== undefined;
    },
    insertNote(
      note: { date: Day; text: string; type: string; account: string | null; sourceKey: string; tags: string[] },
      now: string,
    ): number {
      const info = insertNote.run({ ...note, now }) as unknown as { lastInsertRowid: number | bigint };
      const id = Number(info.lastInsertRowid);
      for (const tag of note.tags) insertTag.run(id, tag);
      return id;
    },
  };
}
