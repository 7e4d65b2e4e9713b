import { accountKey } from '../domain/account-names.js';
import type { Day } from '../domain/calendar.js';
import type { ReplayedUpdate } from '../domain/goals.js';
import type { SummaryDeal } from '../domain/report-data.js';
import type { Db } from './db.js';
import { onFirstUse } from './on-first-use.js';
import { createPeriodDigest } from './period-digest.js';
import { createPeriodNotes } from './period-notes.js';

/** The first note with exactly this spelling (the NOCASE index finds the account's notes). */
export const NOTE_FIRST_USE_SQL = `SELECT min(date || ' ' || printf('%012d', id)) FROM notes
  WHERE account = @account COLLATE NOCASE AND account = @account`;
export const DEAL_FIRST_USE_SQL = `SELECT min(created_at || ' ' || printf('%012d', id)) FROM deals
  WHERE account = @account COLLATE NOCASE AND account = @account`;

/**
 * The days with notes walk the date index, one row per day without counting its notes: a third of
 * the cost of counting them on ten years of notes (issue 12); the total is its own count. Each day
 * comes as an integer, which SQLite works out for less than it costs to make a string per day and
 * parse it again in JavaScript (~1 ms for ten years); GROUP BY keeps the index's order.
 */
export const NOTE_DAY_NUMBERS_SQL = 'SELECT CAST(julianday(date) + 0.5 AS INTEGER) FROM notes WHERE date <= ? GROUP BY date ORDER BY date';

export type ReportRepo = ReturnType<typeof createReportRepo>;

interface DealRow {
  id: number;
  name: string;
  account: string | null;
  value: number;
  stage: string | null;
  status: SummaryDeal['status'];
  created_on: string;
  closed_on: string | null;
}

/**
 * What the reports and the export need beyond the tables' own repos: one consistent read of
 * several of them, and the notes counted per day (for `perf status`, without loading every note).
 */
export function createReportRepo(db: Db) {
  // Each report runs a few of these: they are prepared on first use (on-first-use.ts).
  const noteDays = onFirstUse(() => db.prepare<[Day], number>(NOTE_DAY_NUMBERS_SQL).pluck());
  const noteCount = onFirstUse(() => db.prepare<[], number>('SELECT count(*) FROM notes').pluck());
  const noteDaysBetween = onFirstUse(() =>
    db.prepare<[Day, Day], { date: Day; count: number }>(
      'SELECT date, count(*) AS count FROM notes WHERE date BETWEEN ? AND ? GROUP BY date ORDER BY date',
    ),
  );
  // Closed in the period, or created by its end and still open then: what the sales numbers count.
  const deals = onFirstUse(() =>
    db.prepare<[{ from: Day; to: Day }], DealRow>(
      `SELECT id, name, account, value, stage, status, substr(created_at, 1, 10) AS created_on, closed_on FROM deals
     WHERE (closed_on BETWEEN @from AND @to) OR (substr(created_at, 1, 10) <= @to AND (closed_on IS NULL OR closed_on > @to))
     ORDER BY id`,
    ),
  );
  const rollsDue = db.prepare<[Day], number>(
    "SELECT count(*) FROM goals WHERE every IS NOT NULL AND status = 'active' AND due_date IS NOT NULL AND due_date < ?",
  );
  rollsDue.pluck();
  const { notesBetween, notesWithIds } = createPeriodNotes(db);
  const updates = createReplayedUpdates(db);
  return {
    notesBetween,
    updatesOfGoals: updates,
    /** A period's notes counted, with the few each list of a cut summary shows (period-digest.ts). */
    noteDigest: createPeriodDigest(db, notesWithIds),
    /** How many goals that roll over by themselves (`--every`) have ended: one cheap query for every writing command. */
    rollsDue(today: Day): number {
      return rollsDue.get(today) as number;
    },
    snapshot: createSnapshot(db),
    /** Each day up to `to` that has notes, oldest first, as its Julian day number (`julianDayNumber`). */
    noteDayNumbers(to: Day): number[] {
      return noteDays().all(to);
    },
    /** How many notes the journal has, future-dated ones included. */
    noteCount(): number {
      return noteCount().get() as number;
    },
    /** The same for the days from `from` to `to` (inclusive): the HTML summary's activity heatmap. */
    noteDaysBetween(from: Day, to: Day): { date: Day; count: number }[] {
      return noteDaysBetween().all(from, to);
    },
    /** Deals closed in the range, or open at its end. */
    summaryDeals(from: Day, to: Day): SummaryDeal[] {
      return deals()
        .all({ from, to })
        .map((row) => ({
          id: row.id,
          name: row.name,
          account: row.account,
          value: row.value,
          stage: row.stage,
          status: row.status,
          createdOn: row.created_on,
          closedOn: row.closed_on,
        }));
    },
    accountSpellings: createAccountSpellings(db),
  };
}

/**
 * Runs `read` in a deferred transaction: its reads share one snapshot of the database and take no
 * write lock, so a note logged meanwhile never shows up in half of a report.
 */
function createSnapshot(db: Db): <T>(read: () => T) => T {
  const begin = onFirstUse(() => db.prepare('BEGIN DEFERRED'));
  const commit = onFirstUse(() => db.prepare('COMMIT'));
  const rollback = onFirstUse(() => db.prepare('ROLLBACK'));
  return <T>(read: () => T): T => {
    // Within a transaction already (a report read inside another), the reads share its snapshot.
    if (db.inTransaction) return read();
    // BEGIN and COMMIT of its own: better-sqlite3's transaction() prepares nine statements for its
    // kinds and savepoints on first use (~0.2 ms of every report; issue 12).
    begin().run();
    try {
      const result = read();
      // As transaction() does: reads awaited later would fall outside the snapshot.
      if (result instanceof Promise) throw new TypeError('a snapshot reads synchronously: its function returned a promise');
      commit().run();
      return result;
    } finally {
      if (db.inTransaction) rollback().run();
    }
  };
}

/**
 * The updates of these goals (by id) as a report replays them, by goal, oldest first: their day,
 * kind and amount, not their notes, which no report of them shows. The goals repo's per-goal read
 * joins the notes: two fifths of the summary's reading of a year's updates.
 */
function createReplayedUpdates(db: Db): (goalIds: readonly number[]) => ReplayedUpdate[] {
  // Rows as arrays (raw), of what replaying reads: a year of ten goals' updates is ~1k rows.
  type Row = [id: number, goalId: number, date: Day, kind: 'set' | 'add', amount: number];
  const statement = onFirstUse(() =>
    db
      .prepare<[string], Row>(
        `SELECT id, goal_id, date, kind, amount FROM goal_checkins
       WHERE goal_id IN (SELECT value FROM json_each(?)) ORDER BY goal_id, date, id`,
      )
      .raw(),
  );
  return (goalIds) => {
    if (goalIds.length === 0) return [];
    return statement()
      .all(JSON.stringify(goalIds))
      .map(([id, goalId, date, kind, amount]) => ({ id, goalId, date, kind, amount }));
  };
}

/**
 * The notes' accounts, each spelling once, stepping through the spellings index (migration 11): the
 * first account past a case-blind key, then each spelling of that key. A few index searches per
 * account, however many notes; `SELECT DISTINCT account` read all 26k (issue 12).
 */
export const NEXT_ACCOUNT_SQL = `SELECT account FROM notes WHERE account COLLATE NOCASE > @after
  ORDER BY account COLLATE NOCASE LIMIT 1`;
export const NEXT_SPELLING_SQL = `SELECT account FROM notes WHERE account = @key COLLATE NOCASE AND account > @after
  ORDER BY account LIMIT 1`;

export function createNoteSpellings(db: Db): () => string[] {
  const nextAccount = onFirstUse(() => db.prepare<[{ after: string }], string>(NEXT_ACCOUNT_SQL).pluck());
  const nextSpelling = onFirstUse(() => db.prepare<[{ key: string; after: string }], string>(NEXT_SPELLING_SQL).pluck());
  return () => {
    const spellings: string[] = [];
    // Past '': an empty account (none is stored by perf, an old import might hold one) names nothing a report shows.
    for (let key = nextAccount().get({ after: '' }); key !== undefined; key = nextAccount().get({ after: key })) {
      for (
        let spelling = nextSpelling().get({ key, after: '' });
        spelling !== undefined;
        spelling = nextSpelling().get({ key, after: spelling })
      )
        spellings.push(spelling);
    }
    return spellings;
  };
}

/** Each account's first spelling (notes' first, oldest first, then deals'): one per account whatever its case. */
function createAccountSpellings(db: Db): () => string[] {
  // Each spelling once, from the account indexes; the first use is looked up only for an account
  // spelt more than one way: grouping all 26k notes by account was most of the summary's reading (issue 12).
  const noteSpellings = createNoteSpellings(db);
  const dealSpellings = onFirstUse(() => db.prepare<[], string>('SELECT DISTINCT account FROM deals WHERE account IS NOT NULL').pluck());
  const firstNoteUse = onFirstUse(() => db.prepare<[{ account: string }], string | null>(NOTE_FIRST_USE_SQL).pluck());
  const firstDealUse = onFirstUse(() => db.prepare<[{ account: string }], string | null>(DEAL_FIRST_USE_SQL).pluck());
  // A spelling's place in "the order first used": notes' first, oldest first, then deals'.
  const firstUse = (account: string): string => {
    const note = firstNoteUse().get({ account });
    return note !== null && note !== undefined ? `0 ${note}` : `1 ${firstDealUse().get({ account }) ?? ''}`;
  };
  return (): string[] => {
    const byKey = new Map<string, string[]>();
    for (const spelling of [...noteSpellings(), ...dealSpellings().all()]) {
      const key = accountKey(spelling);
      const group = byKey.get(key);
      if (!group) byKey.set(key, [spelling]);
      else if (!group.includes(spelling)) group.push(spelling);
    }
    return [...byKey.values()].map((group) => {
      if (group.length === 1) return group[0] as string;
      const ordered = group.map((spelling) => ({ spelling, first: firstUse(spelling) }));
      ordered.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
      return (ordered[0] as { spelling: string }).spelling;
    });
  };
}
