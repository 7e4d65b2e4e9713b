import type { Day } from '../domain/calendar.js';
import type { Db } from './db.js';

export type CsvImportRepo = ReturnType<typeof createCsvImportRepo>;

/** The writes of a CSV import: notes with their source key and tags, deals matched by CRM id or source key. */
export function createCsvImportRepo(db: Db) {
  const noteKey = db.prepare<[string], { id: number }>('SELECT id FROM notes WHERE source_key = ?');
  const insertNote = db.prepare<[Record<string, unknown>], void>(
    `INSERT INTO notes (date, text, type, account, starred, created_at, updated_at, source_key)
     VALUES (@date, @text, @type, @account, 0, @now, @now, @sourceKey)`,
  );
  const insertTag = db.prepare<[number, string], void>('INSERT OR IGNORE INTO note_tags (note_id, tag) VALUES (?, ?)');
  const dealBy = db.prepare<
    [string | null, string],
    { id: number; stage: string | null; value: number; status: string; expectedClose: Day | null; closedOn: Day | null }
  >(
    `SELECT id, stage, value, status, expected_close AS expectedClose, closed_on AS closedOn
     FROM deals WHERE external_id = ? OR source_key = ? ORDER BY external_id IS NULL LIMIT 1`,
  );
  const slugs = db.prepare<[], { slug: string }>('SELECT slug FROM deals');
  const insertDeal = db.prepare<[Record<string, unknown>], void>(
    `INSERT INTO deals (slug, name, account, value, stage, status, expected_close, closed_on, external_id, created_at, updated_at, source_key)
     VALUES (@slug, @name, @account, @value, @stage, @status, @expectedClose, @closedOn, @externalId, @now, @now, @sourceKey)`,
  );
  const updateDeal = db.prepare<[Record<string, unknown>], void>(
    `UPDATE deals SET stage = @stage, value = @value, status = @status, expected_close = @expectedClose, closed_on = @closedOn,
       updated_at = @now WHERE id = @id`,
  );
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
    findDeal(externalId: string | null, sourceKey: string) {
      return dealBy.get(externalId, sourceKey) ?? null;
    },
    dealSlugs(): Set<string> {
      return new Set(slugs.all().map((row) => row.slug));
    },
    insertDeal(deal: Record<string, unknown>, now: string): void {
      insertDeal.run({ ...deal, now });
    },
    updateDeal(id: number, deal: Record<string, unknown>, now: string): void {
      updateDeal.run({ ...deal, id, now });
    },
  };
}
