import type { Change } from '../domain/changes.js';
import type { Db } from './db.js';

/** The undo log (migration 5): the changes commands made and the statements that reverse them. */
export interface UndoRepo {
  /** Newest first; all of them when `limit` is null. */
  list(limit: number | null): Change[];
  count(): number;
  /** The change `perf undo` takes: the newest not undone. */
  newestNotUndone(): Change | undefined;
  /**
   * Runs the change's steps newest first and marks it undone. The caller holds the transaction and
   * has recording off. References are checked at the commit: a step may put back a row that an
   * earlier step (in reverse order) refers to.
   */
  undo(id: number, at: string): void;
}

interface ChangeRow {
  id: number;
  at: string;
  command: string;
  summary: string;
  undone_at: string | null;
}

const COLUMNS = 'id, at, command, summary, undone_at';

function toChange(row: ChangeRow): Change {
  return { id: row.id, at: row.at, command: row.command, summary: row.summary, undoneAt: row.undone_at };
}

export function createUndoRepo(db: Db): UndoRepo {
  return {
    list(limit) {
      const rows = db.prepare(`SELECT ${COLUMNS} FROM changes ORDER BY id DESC LIMIT ?`).all(limit ?? -1) as ChangeRow[];
      return rows.map(toChange);
    },
    count() {
      return db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
    },
    newestNotUndone() {
      const row = db.prepare(`SELECT ${COLUMNS} FROM changes WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1`).get() as ChangeRow | undefined;
      return row && toChange(row);
    },
    undo(id, at) {
      const steps = db.prepare('SELECT sql FROM change_steps WHERE change_id = ? ORDER BY seq DESC').pluck().all(id) as string[];
      db.pragma('defer_foreign_keys = ON');
      for (const step of steps) db.prepare(step).run();
      // There is no redo: the steps are of no more use.
      db.prepare('DELETE FROM change_steps WHERE change_id = ?').run(id);
      db.prepare('UPDATE changes SET undone_at = ? WHERE id = ?').run(at, id);
    },
  };
}
