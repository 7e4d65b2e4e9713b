import type { Day } from '../domain/calendar.js';
import type { Note } from '../domain/notes.js';
import { byDate, type AccountUse, type NotePick, type PeriodNoteDigest, type SummaryCaps } from '../domain/summary-notes.js';
import type { Db } from './db.js';
import { onFirstUse } from './on-first-use.js';

/**
 * A period's notes as the cut summary reads them (domain/summary-notes.ts): counted by aggregate
 * queries over the date index, and only the notes each list shows read whole. A year is ~2.6k
 * notes; loading them all with their text and links was most of `perf summary`'s time (issue 12).
 * Every list picks starred notes first, then the most recent; the window functions number the
 * notes of each goal and competency in that order and count them.
 */
export const PERIOD_DIGEST_SQL = {
  days: 'SELECT date, count(*) AS count FROM notes WHERE date BETWEEN @from AND @to GROUP BY date ORDER BY date',
  types: 'SELECT type, count(*) AS count FROM notes WHERE date BETWEEN @from AND @to GROUP BY type',
  accounts: `SELECT account, count(*) AS notes, max(date) AS lastDate, min(date || ' ' || printf('%012d', id)) AS first FROM notes
    WHERE date BETWEEN @from AND @to AND account IS NOT NULL AND account <> '' GROUP BY account`,
  // The counts' names are not the columns' own: ORDER BY would take `starred` for the count.
  highlights: `SELECT id, count(*) OVER () AS total, sum(type = 'win') OVER () AS wins, sum(starred) OVER () AS starred_count FROM notes
    WHERE date BETWEEN @from AND @to AND (starred = 1 OR type = 'win') ORDER BY starred DESC, date DESC, id DESC LIMIT @cap`,
  learning: `SELECT id, count(*) OVER () AS total FROM notes
    WHERE date BETWEEN @from AND @to AND type = 'learning' ORDER BY starred DESC, date DESC, id DESC LIMIT @cap`,
  goals: `SELECT goal_id AS key, id, total FROM (
      SELECT l.goal_id, n.id, count(*) OVER (PARTITION BY l.goal_id) AS total,
        row_number() OVER (PARTITION BY l.goal_id ORDER BY n.starred DESC, n.date DESC, n.id DESC) AS rank
      FROM notes n JOIN note_goals l ON l.note_id = n.id WHERE n.date BETWEEN @from AND @to)
    WHERE rank <= @cap`,
  competencies: `SELECT slug AS key, id, total FROM (
      SELECT k.slug, n.id, count(*) OVER (PARTITION BY k.id) AS total,
        row_number() OVER (PARTITION BY k.id ORDER BY n.starred DESC, n.date DESC, n.id DESC) AS rank
      FROM notes n JOIN note_competencies nc ON nc.note_id = n.id JOIN competencies k ON k.id = nc.competency_id
      WHERE n.date BETWEEN @from AND @to)
    WHERE rank <= @cap`,
};

type Range = { from: Day; to: Day };
type Capped = Range & { cap: number };
type Ranked<K> = { key: K; id: number; total: number };

export function createPeriodDigest(db: Db, notesWithIds: (ids: readonly number[]) => Note[]) {
  // Prepared on first use: only the summary reads them.
  const prepared = onFirstUse(() => ({
    days: db.prepare<[Range], { date: Day; count: number }>(PERIOD_DIGEST_SQL.days),
    types: db.prepare<[Range], { type: string; count: number }>(PERIOD_DIGEST_SQL.types),
    accounts: db.prepare<[Range], AccountUse>(PERIOD_DIGEST_SQL.accounts),
    highlights: db.prepare<[Capped], { id: number; total: number; wins: number; starred_count: number }>(PERIOD_DIGEST_SQL.highlights),
    learning: db.prepare<[Capped], { id: number; total: number }>(PERIOD_DIGEST_SQL.learning),
    goals: db.prepare<[Capped], Ranked<number>>(PERIOD_DIGEST_SQL.goals),
    competencies: db.prepare<[Capped], Ranked<string>>(PERIOD_DIGEST_SQL.competencies),
  }));
  /** The notes from `from` to `to` counted, and each list's most telling notes up to its cap. */
  return function noteDigest(from: Day, to: Day, caps: SummaryCaps): PeriodNoteDigest {
    const statements = prepared();
    const range = { from, to };
    const highlights = statements.highlights.all({ ...range, cap: caps.highlights });
    const learning = statements.learning.all({ ...range, cap: caps.learning });
    const goals = statements.goals.all({ ...range, cap: caps.goal });
    const competencies = statements.competencies.all({ ...range, cap: Math.max(caps.evidence, caps.growth) });
    const ids = new Set([...highlights, ...learning, ...goals, ...competencies].map((row) => row.id));
    const notes = new Map(notesWithIds([...ids]).map((note) => [note.id, note]));
    const pick = (rows: readonly { id: number; total: number }[]): NotePick => ({
      notes: rows.map((row) => notes.get(row.id) as Note).sort(byDate),
      total: rows[0]?.total ?? 0,
    });
    return {
      days: statements.days.all(range),
      byType: statements.types.all(range),
      accounts: statements.accounts.all(range),
      highlights: { ...pick(highlights), wins: highlights[0]?.wins ?? 0, starred: highlights[0]?.starred_count ?? 0 },
      learning: pick(learning),
      goals: perKey(goals, pick),
      competencies: perKey(competencies, pick),
      caps,
    };
  };
}

function perKey<K>(rows: readonly Ranked<K>[], pick: (rows: readonly Ranked<K>[]) => NotePick): Map<K, NotePick> {
  const byKey = new Map<K, Ranked<K>[]>();
  for (const row of rows) {
    const list = byKey.get(row.key);
    if (list) list.push(row);
    else byKey.set(row.key, [row]);
  }
  return new Map([...byKey].map(([key, list]) => [key, pick(list)]));
}
