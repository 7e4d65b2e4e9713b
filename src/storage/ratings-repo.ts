import type { Rating, RatingEntry, RatingSource } from '../domain/competencies.js';
import type { Day } from '../domain/calendar.js';
import type { Db } from './db.js';
import { onFirstUse } from './on-first-use.js';

interface RatingRow {
  id: number;
  competency_id: number;
  date: string;
  rating: number;
  source: string;
  rated_by: string | null;
  note: string | null;
  created_at: string;
}

export function rowToRating(row: RatingRow): Rating {
  return {
    id: row.id,
    competencyId: row.competency_id,
    date: row.date,
    rating: row.rating,
    source: row.source as RatingSource,
    ratedBy: row.rated_by,
    note: row.note,
    createdAt: row.created_at,
  };
}

export interface RatingRecord {
  competencyId: number;
  date: Day;
  rating: number;
  source: RatingSource;
  ratedBy: string | null;
  note: string | null;
}

/**
 * The ratings a summary of [@from, @to] reads: those within it, and for each competency the latest
 * self rating and the latest rating by others from before it (the ratings at its start and, when
 * none is within, at its end). Ten years of older ratings stay unread (issue 12); each part walks
 * the (competency_id, date) index.
 */
export const PERIOD_RATINGS_SQL = `SELECT id, competency_id, date, rating, source, rated_by, note, created_at FROM ratings
  WHERE competency_id IN (SELECT id FROM competencies) AND date >= @from AND date <= @to
  UNION ALL
  SELECT id, competency_id, date, rating, source, rated_by, note, created_at FROM ratings WHERE id IN (
    SELECT (SELECT x.id FROM ratings x WHERE x.competency_id = c.id AND (x.source = 'self') = s.self AND x.date < @from
            ORDER BY x.date DESC, x.id DESC LIMIT 1)
    FROM competencies c CROSS JOIN (SELECT 1 AS self UNION ALL SELECT 0 AS self) s)
  ORDER BY date, id`;

/**
 * The ratings `perf competencies` assesses: each competency's newest @window (its trend), with its
 * latest self rating and latest rating by others, oldest first. What assessCompetency makes of
 * them is what it makes of all of them; ten years of older ratings stay unread (~1.2k rows read and
 * sorted, ~3 ms of the command; issue 12).
 */
export const LATEST_RATINGS_SQL = `SELECT id, competency_id, date, rating, source, rated_by, note, created_at FROM ratings WHERE id IN (
    SELECT id FROM (
      SELECT id, row_number() OVER (PARTITION BY competency_id ORDER BY date DESC, id DESC) AS place FROM ratings
    ) WHERE place <= @window
    UNION ALL
    SELECT (SELECT x.id FROM ratings x WHERE x.competency_id = c.id AND (x.source = 'self') = s.self
            ORDER BY x.date DESC, x.id DESC LIMIT 1)
    FROM competencies c CROSS JOIN (SELECT 1 AS self UNION ALL SELECT 0 AS self) s)
  ORDER BY date, id`;

export type RatingsRepo = ReturnType<typeof createRatingsRepo>;

export function createRatingsRepo(db: Db) {
  const columns = 'id, competency_id, date, rating, source, rated_by, note, created_at';
  const insert = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      `INSERT INTO ratings (competency_id, date, rating, source, rated_by, note, created_at)
     VALUES (@competencyId, @date, @rating, @source, @ratedBy, @note, @now)`,
    ),
  );
  const byId = onFirstUse(() => db.prepare<[number], RatingRow>(`SELECT ${columns} FROM ratings WHERE id = ?`));
  const all = onFirstUse(() => db.prepare<[], RatingRow>(`SELECT ${columns} FROM ratings ORDER BY date, id`));
  const forCompetency = onFirstUse(() =>
    db.prepare<[number], RatingRow>(`SELECT ${columns} FROM ratings WHERE competency_id = ? ORDER BY date, id`),
  );
  const highest = onFirstUse(() => db.prepare<[], { top: number | null }>('SELECT max(rating) AS top FROM ratings'));
  // Nulls select everything, so one prepared statement serves both listings.
  const entries = onFirstUse(() =>
    db.prepare<[{ competencyId: number | null }], RatingRow & { competency_slug: string }>(
      `SELECT r.id, r.competency_id, r.date, r.rating, r.source, r.rated_by, r.note, r.created_at, c.slug AS competency_slug
     FROM ratings r JOIN competencies c ON c.id = r.competency_id
     WHERE @competencyId IS NULL OR r.competency_id = @competencyId
     ORDER BY r.date DESC, r.id DESC`,
    ),
  );
  const update = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      'UPDATE ratings SET date = @date, rating = @rating, source = @source, rated_by = @ratedBy, note = @note WHERE id = @id',
    ),
  );
  const latest = onFirstUse(() => db.prepare<[{ window: number }], RatingRow>(LATEST_RATINGS_SQL));
  const remove = onFirstUse(() => db.prepare<[number], void>('DELETE FROM ratings WHERE id = ?'));

  return {
    insert(record: RatingRecord, now: string): number {
      const info = insert().run({ ...record, now }) as unknown as { lastInsertRowid: number | bigint };
      return Number(info.lastInsertRowid);
    },
    get(id: number): Rating | null {
      const row = byId().get(id);
      return row ? rowToRating(row) : null;
    },
    /** Oldest first; every competency, or one. */
    list(competencyId?: number): Rating[] {
      return (competencyId === undefined ? all().all() : forCompetency().all(competencyId)).map(rowToRating);
    },
    /** Oldest first: each competency's newest `window` ratings and latest self and others' ones (LATEST_RATINGS_SQL). */
    latest(window: number): Rating[] {
      return latest().all({ window }).map(rowToRating);
    },
    /** Oldest first: what a summary of the period reads (PERIOD_RATINGS_SQL). */
    forPeriod(from: string, to: string): Rating[] {
      return db.prepare<[{ from: string; to: string }], RatingRow>(PERIOD_RATINGS_SQL).all({ from, to }).map(rowToRating);
    },
    /** Newest first, with the competency's slug; every competency, or one. */
    entries(competencyId?: number): RatingEntry[] {
      return entries()
        .all({ competencyId: competencyId ?? null })
        .map((row) => ({ ...rowToRating(row), competency: row.competency_slug }));
    },
    /** Changes what a rating says; the competency and when it was recorded stay. */
    update(id: number, record: Omit<RatingRecord, 'competencyId'>): void {
      update().run({ ...record, id });
    },
    delete(id: number): void {
      remove().run(id);
    },
    /** The highest rating ever given, or null: the scale cannot shrink below it. */
    highest(): number | null {
      return highest().get()?.top ?? null;
    },
  };
}
