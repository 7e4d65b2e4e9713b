import type { DumpNote } from '../domain/journal-dump.js';
import type { Db } from './db.js';

/**
 * Every note for the export, in id order, a chunk at a time: each chunk is one read of the notes
 * by rowid and one of each link table by its primary key (note_id first), joined here. Stepping
 * through 26k notes with three correlated JSON subqueries each was ~60% of `perf export` (issue 12);
 * chunks keep the memory bounded as before (better-sqlite3 runs no other statement while one is
 * being iterated, so the links cannot be read beside an open iteration of the notes).
 */
export const EXPORT_NOTES_SQL = {
  notes: `SELECT n.id, n.date, n.text, n.type, n.account, n.starred, n.deal_id AS dealId,
      n.created_at AS createdAt, n.updated_at AS updatedAt, n.source_key AS sourceKey
    FROM notes n WHERE n.id > @after ORDER BY n.id LIMIT @limit`,
  goals: 'SELECT note_id AS noteId, goal_id AS value FROM note_goals WHERE note_id BETWEEN @first AND @last ORDER BY note_id, goal_id',
  tags: 'SELECT note_id AS noteId, tag AS value FROM note_tags WHERE note_id BETWEEN @first AND @last ORDER BY note_id, tag',
  competencies: `SELECT note_id AS noteId, competency_id AS value FROM note_competencies
    WHERE note_id BETWEEN @first AND @last ORDER BY note_id, competency_id`,
};

const CHUNK = 2000;

interface ExportNoteRow {
  id: number;
  date: string;
  text: string;
  type: DumpNote['type'];
  account: string | null;
  starred: number;
  dealId: number | null;
  createdAt: string;
  updatedAt: string;
  sourceKey: string | null;
}

type Link<T> = { noteId: number; value: T };

export function createExportNotes(db: Db) {
  let statements: ReturnType<typeof prepare> | null = null;
  const prepare = () => ({
    notes: db.prepare<[{ after: number; limit: number }], ExportNoteRow>(EXPORT_NOTES_SQL.notes),
    goals: db.prepare<[{ first: number; last: number }], Link<number>>(EXPORT_NOTES_SQL.goals),
    tags: db.prepare<[{ first: number; last: number }], Link<string>>(EXPORT_NOTES_SQL.tags),
    competencies: db.prepare<[{ first: number; last: number }], Link<number>>(EXPORT_NOTES_SQL.competencies),
  });
  /** Visits every note, in id order, with its goal ids, tags and competency ids (each sorted). */
  return function eachNote(visit: (note: DumpNote) => void): void {
    statements ??= prepare();
    let after = 0;
    for (;;) {
      const rows = statements.notes.all({ after, limit: CHUNK });
      const firstRow = rows[0];
      const lastRow = rows.at(-1);
      if (!firstRow || !lastRow) return;
      const range = { first: firstRow.id, last: lastRow.id };
      const goals = byNote(statements.goals.all(range));
      const tags = byNote(statements.tags.all(range));
      const competencies = byNote(statements.competencies.all(range));
      for (const row of rows) {
        // The keys in the order the export has always written them.
        visit({
          id: row.id,
          date: row.date,
          text: row.text,
          type: row.type,
          account: row.account,
          starred: row.starred === 1,
          dealId: row.dealId,
          goalIds: goals.get(row.id) ?? [],
          tags: tags.get(row.id) ?? [],
          competencyIds: competencies.get(row.id) ?? [],
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
          sourceKey: row.sourceKey,
        });
      }
      if (rows.length < CHUNK) return;
      after = lastRow.id;
    }
  };
}

function byNote<T>(rows: readonly Link<T>[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const { noteId, value } of rows) {
    const list = map.get(noteId);
    if (list) list.push(value);
    else map.set(noteId, [value]);
  }
  return map;
}
