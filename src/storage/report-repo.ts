import type { Day } from '../domain/calendar.js';
import type { Db } from './db.js';

export type ReportRepo = ReturnType<typeof createReportRepo>;

/**
 * What the reports and the export need beyond the tables' own repos: one consistent read of
 * several of them, and the notes counted per day (for `perf status`, without loading every note).
 */
export function createReportRepo(db: Db) {
  const noteDays = db.prepare<[], { date: Day; count: number }>('SELECT date, count(*) AS count FROM notes GROUP BY date ORDER BY date');
  const rollsDue = db.prepare<[Day], number>(
    "SELECT count(*) FROM goals WHERE every IS NOT NULL AND status = 'active' AND due_date IS NOT NULL AND due_date < ?",
  );
  rollsDue.pluck();
  return {
    /** How many goals that roll over by themselves (`--every`) have ended: one cheap query for every writing command. */
    rollsDue(today: Day): number {
      return rollsDue.get(today) as number;
    },
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
  };
}
