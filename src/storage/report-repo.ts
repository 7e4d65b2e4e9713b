import type { Day } from '../domain/calendar.js';
import type { SummaryDeal } from '../domain/report-data.js';
import type { Db } from './db.js';

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
  const noteDays = db.prepare<[], { date: Day; count: number }>('SELECT date, count(*) AS count FROM notes GROUP BY date ORDER BY date');
  const noteDaysBetween = db.prepare<[Day, Day], { date: Day; count: number }>(
    'SELECT date, count(*) AS count FROM notes WHERE date BETWEEN ? AND ? GROUP BY date ORDER BY date',
  );
  // Closed in the period, or created by its end and still open then: what the sales numbers count.
  const deals = db.prepare<[{ from: Day; to: Day }], DealRow>(
    `SELECT id, name, account, value, stage, status, substr(created_at, 1, 10) AS created_on, closed_on FROM deals
     WHERE (closed_on BETWEEN @from AND @to) OR (substr(created_at, 1, 10) <= @to AND (closed_on IS NULL OR closed_on > @to))
     ORDER BY id`,
  );
  // Each distinct spelling once, with the first note or deal that used it, oldest first.
  const spellings = db.prepare<[], { account: string }>(
    `SELECT account FROM (
       SELECT account, 0 AS source, min(date || ' ' || printf('%012d', id)) AS first FROM notes
       WHERE account IS NOT NULL GROUP BY account
       UNION ALL
       SELECT account, 1 AS source, min(created_at || ' ' || printf('%012d', id)) AS first FROM deals
       WHERE account IS NOT NULL GROUP BY account)
     ORDER BY source, first`,
  );
  return {
    /**
     * Runs `read` in a deferred transaction: its reads share one snapshot of the database and take
     * no write lock, so a note logged meanwhile never shows up in half of a report.
     */
    snapshot<T>(read: () => T): T {
      return db.transaction(read).deferred();
    },
    /** Each day that has notes, oldest first, with how many. */
    noteDays(): { date: Day; count: number }[] {
      return noteDays.all();
    },
    /** The same for the days from `from` to `to` (inclusive): the HTML summary's activity heatmap. */
    noteDaysBetween(from: Day, to: Day): { date: Day; count: number }[] {
      return noteDaysBetween.all(from, to);
    },
    /** Deals closed in the range, or open at its end. */
    summaryDeals(from: Day, to: Day): SummaryDeal[] {
      return deals.all({ from, to }).map((row) => ({
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
    /** Every spelling of an account, notes' first (oldest first), then deals'. */
    accountSpellings(): string[] {
      return spellings.all().map((row) => row.account);
    },
  };
}
