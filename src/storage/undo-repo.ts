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
      const row = db.prepare(`SELECT ${COLUMNS} FROM changes WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1`).get() as
        | ChangeRow
        | undefined;
      return row && toChange(row);
    },
    undo(id, at) {
      const steps = db.prepare('SELECT sql FROM change_steps WHERE change_id = ? ORDER BY seq DESC').pluck().all(id) as string[];
      db.pragma('defer_foreign_keys = ON');
      const run = createStepRunner(db);
      for (const step of steps) run(step);
      // Deferred checks would only fail at COMMIT, as a bare SQLite error: check them here instead.
      const broken = db.pragma('foreign_key_check') as { table: string }[];
      if (broken.length > 0) throw new Error(`it would leave ${broken.length} broken reference(s) in ${broken[0]?.table}`);
      // There is no redo: the steps are of no more use.
      db.prepare('DELETE FROM change_steps WHERE change_id = ?').run(id);
      db.prepare('UPDATE changes SET undone_at = ? WHERE id = ?').run(at, id);
    },
  };
}

/** How the undo log names a command's change. */
export interface ChangeLabel {
  /** The command's words (`notes edit`). */
  command: string;
  /** The summary unless a service gives one: the command's words and arguments. */
  summary: string;
  now: () => Date;
}

/** The undo log keeps at least this many changes; older ones are pruned as new ones are made. */
export const KEPT_CHANGES = 100;

/**
 * Records one command's writes in the undo log as its change, inside the transactions the store
 * holds (the triggers of migration 5 write the steps while `undo_state` names the change).
 */
export class ChangeRecorder {
  private label: ChangeLabel = { command: 'perf', summary: 'a change', now: () => new Date() };
  private summary: string | undefined;
  // Every write transaction of one command adds to the same change (a rate walk-through, a log
  // that also moves a goal), so that one undo reverses the whole command. Set once committed.
  private committed: number | undefined;

  describe(label: ChangeLabel): void {
    this.label = label;
  }

  summarize(summary: string): void {
    this.summary = summary;
  }

  /** Runs `fn`, recorded as this command's change unless `record` is false. */
  record<T>(db: Db, fn: () => T, record: boolean): { value: T; change: number | undefined } {
    if (!record) return { value: fn(), change: this.committed };
    const change = this.open(db);
    const value = fn();
    return { value, change: this.close(db, change) };
  }

  /** Starts recording this command's change. */
  open(db: Db): number {
    const log = changeLog(db);
    const change =
      this.committed ?? Number(log.open.run(this.label.now().toISOString(), this.label.command, this.label.summary).lastInsertRowid);
    log.current.run(change);
    return change;
  }

  /** Stops recording and names the change, in the same transaction; returns it if it has steps. */
  close(db: Db, change: number): number | undefined {
    const log = changeLog(db);
    log.current.run(null);
    if (!log.hasSteps.get(change)) {
      // A command that wrote nothing (a setting set to what it was) leaves nothing to undo.
      if (this.committed === undefined) log.drop.run(change);
      return this.committed;
    }
    if (this.summary !== undefined) log.summarize.run(this.summary, change);
    const oldest = log.oldestKept.get(KEPT_CHANGES - 1) as { id: number } | undefined;
    if (oldest) {
      log.pruneSteps.run(oldest.id);
      log.prune.run(oldest.id);
    }
    return change;
  }

  /** The transaction that recorded `change` has committed (in a file made from memory, under the same id). */
  committedAs(change: number | undefined): void {
    this.committed = change;
  }
}

/** The statements that keep the undo log, prepared once per connection. */
const changeLogs = new WeakMap<Db, ReturnType<typeof prepareChangeLog>>();

function changeLog(db: Db): ReturnType<typeof prepareChangeLog> {
  let log = changeLogs.get(db);
  if (!log) {
    log = prepareChangeLog(db);
    changeLogs.set(db, log);
  }
  return log;
}

function prepareChangeLog(db: Db) {
  return {
    open: db.prepare('INSERT INTO changes (at, command, summary) VALUES (?, ?, ?)'),
    current: db.prepare('UPDATE undo_state SET current_change = ? WHERE singleton = 1'),
    hasSteps: db.prepare('SELECT 1 FROM change_steps WHERE change_id = ? LIMIT 1').pluck(),
    drop: db.prepare('DELETE FROM changes WHERE id = ?'),
    summarize: db.prepare('UPDATE changes SET summary = ? WHERE id = ?'),
    oldestKept: db.prepare('SELECT id FROM changes ORDER BY id DESC LIMIT 1 OFFSET ?'),
    pruneSteps: db.prepare('DELETE FROM change_steps WHERE change_id < ?'),
    prune: db.prepare('DELETE FROM changes WHERE id < ?'),
  };
}

// What undoing an insert is: the one step shape that comes by the thousand (an import of 20k notes).
const DELETE_BY_ROWID = /^DELETE FROM (\w+) WHERE rowid = (\d{1,15})$/;

/**
 * Runs undo steps. Preparing a statement compiles the table's triggers and foreign-key actions
 * (~140 µs for notes), and each prepared statement holds that program until collected: undoing an
 * import of 20,000 notes took 7.3 s and 440 MB. A row's deletion by rowid therefore runs through
 * one statement per table, given the rowid; every other step is prepared as written.
 */
function createStepRunner(db: Db): (step: string) => void {
  const deletes = new Map<string, { run(rowid: number): unknown }>();
  return (step) => {
    const match = DELETE_BY_ROWID.exec(step);
    if (!match) {
      db.prepare(step).run();
      return;
    }
    const [, table = '', rowid = ''] = match;
    let statement = deletes.get(table);
    if (!statement) {
      statement = db.prepare(`DELETE FROM ${table} WHERE rowid = ?`);
      deletes.set(table, statement);
    }
    statement.run(Number(rowid));
  };
}
