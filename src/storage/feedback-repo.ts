import type { Day } from '../domain/calendar.js';
import type { Feedback, Relationship } from '../domain/feedback.js';
import type { Db } from './db.js';

interface FeedbackRow {
  id: number;
  date: string;
  from_name: string;
  relationship: string;
  competency_id: number | null;
  competency_slug: string | null;
  text: string;
  starred: number;
  constructive: number;
  created_at: string;
}

export function rowToFeedback(row: FeedbackRow): Feedback {
  return {
    id: row.id,
    date: row.date,
    from: row.from_name,
    relationship: row.relationship as Relationship,
    competencyId: row.competency_id,
    competency: row.competency_slug,
    text: row.text,
    starred: row.starred === 1,
    constructive: row.constructive === 1,
    createdAt: row.created_at,
  };
}

const SELECT_FEEDBACK = `
SELECT f.id, f.date, f.from_name, f.relationship, f.competency_id, c.slug AS competency_slug, f.text, f.starred, f.constructive, f.created_at
FROM feedback f LEFT JOIN competencies c ON c.id = f.competency_id`;

export interface FeedbackRecord {
  date: Day;
  from: string;
  relationship: Relationship;
  competencyId: number | null;
  text: string;
  starred?: boolean;
  constructive?: boolean;
}

export interface FeedbackFilter {
  from?: Day | null;
  to?: Day | null;
  relationship?: Relationship;
  competencyId?: number;
}

export type FeedbackRepo = ReturnType<typeof createFeedbackRepo>;

export function createFeedbackRepo(db: Db) {
  const insert = db.prepare<[Record<string, unknown>], void>(
    `INSERT INTO feedback (date, from_name, relationship, competency_id, text, starred, constructive, created_at)
     VALUES (@date, @from, @relationship, @competencyId, @text, @starred, @constructive, @now)`,
  );
  const byId = db.prepare<[number], FeedbackRow>(`${SELECT_FEEDBACK} WHERE f.id = ?`);
  // Nulls select everything, so one prepared statement serves every filter.
  const list = db.prepare<[Record<string, unknown>], FeedbackRow>(
    `${SELECT_FEEDBACK}
     WHERE (@from IS NULL OR f.date >= @from) AND (@to IS NULL OR f.date <= @to)
       AND (@relationship IS NULL OR f.relationship = @relationship)
       AND (@competencyId IS NULL OR f.competency_id = @competencyId)
     ORDER BY f.date DESC, f.id DESC`,
  );
  const update = db.prepare<[Record<string, unknown>], void>(
    `UPDATE feedback SET date = @date, from_name = @from, relationship = @relationship, competency_id = @competencyId, text = @text,
       starred = @starred, constructive = @constructive
     WHERE id = @id`,
  );
  const remove = db.prepare<[number], void>('DELETE FROM feedback WHERE id = ?');

  return {
    insert(record: FeedbackRecord, now: string): number {
      const info = insert.run({ ...record, ...flags(record), now }) as unknown as { lastInsertRowid: number | bigint };
      return Number(info.lastInsertRowid);
    },
    get(id: number): Feedback | null {
      const row = byId.get(id);
      return row ? rowToFeedback(row) : null;
    },
    /** Changes what was said, by whom, when and about what; when it was recorded stays. */
    update(id: number, record: FeedbackRecord): void {
      update.run({ ...record, ...flags(record), id });
    },
    delete(id: number): void {
      remove.run(id);
    },
    /** Newest first. */
    list(filter: FeedbackFilter = {}): Feedback[] {
      return list
        .all({
          from: filter.from ?? null,
          to: filter.to ?? null,
          relationship: filter.relationship ?? null,
          competencyId: filter.competencyId ?? null,
        })
        .map(rowToFeedback);
    },
  };
}

/** The flags as SQLite stores them; left out, a flag is off. */
function flags(record: FeedbackRecord) {
  return { starred: record.starred ? 1 : 0, constructive: record.constructive ? 1 : 0 };
}
