import { createOneToOnesRepo, type OneToOnesRepo } from './one-to-ones-repo.js';
import { createCompetenciesRepo, type CompetenciesRepo } from './competencies-repo.js';
import { createConfigRepo, type ConfigRepo } from './config-repo.js';
import type { Db } from './db.js';
import type { StagedJournal } from './journal-file.js';
import { RuntimeFailure } from '../errors.js';
import { createDevelopmentRepo, type DevelopmentRepo } from './development-repo.js';
import { createFeedbackRepo, type FeedbackRepo } from './feedback-repo.js';
import { createGoalsRepo, type GoalsRepo } from './goals-repo.js';
import { createJournalRepo, type JournalRepo } from './journal-repo.js';
import { createNotesRepo, type NotesRepo } from './notes-repo.js';
import { createRatingsRepo, type RatingsRepo } from './ratings-repo.js';
import { createReportRepo, type ReportRepo } from './report-repo.js';
import { createUndoRepo, type UndoRepo } from './undo-repo.js';

/**
 * The journal: one connection and a repository per table. Repositories prepare their statements
 * on first use, so a command pays only for the tables it touches.
 */
export interface Store {
  /** False while the store runs on a journal in memory because no file exists yet. */
  readonly persistent: boolean;
  readonly notes: NotesRepo;
  readonly config: ConfigRepo;
  readonly goals: GoalsRepo;
  readonly competencies: CompetenciesRepo;
  readonly ratings: RatingsRepo;
  readonly feedback: FeedbackRepo;
  readonly development: DevelopmentRepo;
  /** One-to-ones with the manager. */
  readonly oneToOnes: OneToOnesRepo;
  /** The reads behind summary, checkin and status. */
  readonly reports: ReportRepo;
  /** Every table at once, for export and import. */
  readonly journal: JournalRepo;
  /** The undo log. */
  readonly changes: UndoRepo;
  /**
   * Runs `fn` in one write transaction (BEGIN IMMEDIATE); it commits or rolls back as a whole.
   * What it writes is recorded in the undo log as this command's change (see describeChanges);
   * `record: false` is for `perf undo` alone, which is not itself undone.
   */
  transaction<T>(fn: () => T, options?: { record?: boolean }): T;
  /** Names the change this command's writes make in the undo log; the context calls it first. */
  describeChanges(label: ChangeLabel): void;
  /**
   * What this command's change did, in a few words (`log #42 "Called Acme…"`), given by a service
   * or handler before its transaction commits when it can say better than the command's words.
   */
  summarize(summary: string): void;
  /**
   * Runs `hook` inside the first write transaction, after its work and just before it commits, so
   * it sees the journal as last committed from another connection, and never runs for a
   * transaction that fails.
   */
  beforeFirstCommit(hook: () => void): void;
  /**
   * Opens a write transaction (BEGIN IMMEDIATE) that stays open across awaits, for work fed by a
   * stream, which `transaction` cannot hold (it must return synchronously). Nothing is visible to
   * other connections, or kept after a crash or a kill, until `commit`.
   */
  begin(): OpenTransaction;
  /** Write transactions committed through this store, so a failure after one can say so. */
  readonly commits: number;
  close(): void;
}

/**
 * How a store that cannot write its journal yet comes to: the journal file does not exist (the
 * store runs on a fresh journal in memory, made by the same migrations, so ids match), or this
 * process could not write it when it was opened. A command's input is checked once, by the
 * service inside its transaction; only a transaction whose work succeeds reaches the file, so a
 * refused command never creates the journal, nor touches one it may not write.
 */
export interface PendingJournal {
  /** True when `db` is a fresh journal in memory that the first commit writes out as the file. */
  readonly inMemory: boolean;
  /**
   * Writes the committed in-memory journal out as the new file and returns a connection to it;
   * null when another process created the file meanwhile.
   */
  createFile(memory: Db): Db | null;
  /** Starts the new file beside the journal from the fresh journal in `memory`, for streamed work. */
  stageFile(memory: Db): StagedJournal;
  /** Opens the existing file to write, refusing (with the reason) one that cannot be written. */
  openFile(): Db;
  /** Names the file, for the message when an import cannot be redone on a file made meanwhile. */
  readonly file: string;
  /** Runs once, after the commit that created the file (not when another process made it meanwhile). */
  created?(): void;
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

export interface OpenTransaction {
  commit(): void;
  /** Undoes everything since `begin`; does nothing once committed or rolled back. */
  rollback(): void;
}

export function createStore(initial: Db, persistent: boolean, pendingJournal?: PendingJournal): Store {
  const repos = new Map<string, unknown>();
  let db = initial;
  let pending = pendingJournal;
  let commits = 0;
  let hook: (() => void) | undefined;
  const repo = <T>(name: string, make: (db: Db) => T): T => {
    if (!repos.has(name)) repos.set(name, make(db));
    return repos.get(name) as T;
  };
  // Later reads and writes of the command go to the file; statements are prepared again there.
  const switchTo = (next: Db) => {
    if (db.open) db.close();
    db = next;
    repos.clear();
    pending = undefined;
    persistent = true;
  };
  let label: ChangeLabel = { command: 'perf', summary: 'a change', now: () => new Date() };
  let summary: string | undefined;
  // Every write transaction of one command adds to the same change (a rate walk-through, a log
  // that also moves a goal), so that one undo reverses the whole command. Set once committed.
  let changeId: number | undefined;
  /** Starts recording this command's change (the triggers of migration 5 write its steps). */
  const openChange = (): number => {
    const log = changeLog(db);
    const change = changeId ?? Number(log.open.run(label.now().toISOString(), label.command, label.summary).lastInsertRowid);
    log.current.run(change);
    return change;
  };
  /** Stops recording and names the change, in the same transaction; returns it if it has steps. */
  const closeChange = (change: number): number | undefined => {
    const log = changeLog(db);
    log.current.run(null);
    if (!log.hasSteps.get(change)) {
      // A command that wrote nothing (a setting set to what it was) leaves nothing to undo.
      if (changeId === undefined) log.drop.run(change);
      return changeId;
    }
    if (summary !== undefined) log.summarize.run(summary, change);
    const oldest = log.oldestKept.get(KEPT_CHANGES - 1) as { id: number } | undefined;
    if (oldest) {
      log.pruneSteps.run(oldest.id);
      log.prune.run(oldest.id);
    }
    return change;
  };
  const recorded = <T>(fn: () => T, record: boolean): { value: T; change: number | undefined } => {
    if (!record) return { value: fn(), change: changeId };
    const change = openChange();
    const value = fn();
    return { value, change: closeChange(change) };
  };
  const runHook = () => {
    const run = hook;
    hook = undefined;
    run?.();
  };
  const commitHere = <T>(fn: () => T, record: boolean): T => {
    const result = db
      .transaction(() => {
        const done = recorded(fn, record);
        runHook();
        return done;
      })
      .immediate();
    commits++;
    changeId = result.change;
    return result.value;
  };
  /** Writes the committed in-memory journal to its file; a failure leaves no file and no store. */
  const createFile = (): Db | null => {
    try {
      return (pending as PendingJournal).createFile(db);
    } catch (error) {
      db.close();
      throw error;
    }
  };
  return {
    get persistent() {
      return persistent;
    },
    get notes() {
      return repo('notes', createNotesRepo);
    },
    get config() {
      return repo('config', createConfigRepo);
    },
    get goals() {
      return repo('goals', createGoalsRepo);
    },
    get competencies() {
      return repo('competencies', createCompetenciesRepo);
    },
    get ratings() {
      return repo('ratings', createRatingsRepo);
    },
    get feedback() {
      return repo('feedback', createFeedbackRepo);
    },
    get development() {
      return repo('development', createDevelopmentRepo);
    },
    get oneToOnes() {
      return repo('oneToOnes', createOneToOnesRepo);
    },
    get reports() {
      return repo('reports', createReportRepo);
    },
    get journal() {
      return repo('journal', createJournalRepo);
    },
    get changes() {
      return repo('changes', createUndoRepo);
    },
    transaction<T>(fn: () => T, options: { record?: boolean } = {}): T {
      const record = options.record !== false;
      if (!pending) return commitHere(fn, record);
      if (pending.inMemory) {
        // The work, its checks included, runs in memory first: a refusal creates nothing.
        const done = db
          .transaction(() => {
            const result = recorded(fn, record);
            runHook();
            return result;
          })
          .immediate();
        const creating = pending;
        const file = createFile();
        if (file) {
          switchTo(file);
          commits++;
          creating.created?.();
          // The file is the committed memory journal: the change is there under the same id.
          changeId = done.change;
          return done.value;
        }
        // Another process created the journal meanwhile: the work is done again in theirs.
        switchTo(pending.openFile());
        return commitHere(fn, record);
      }
      // A journal this process could not write when it was opened: the input is checked first, as
      // for any journal, and only then is the file opened to write (or refused, with the reason).
      dryRun(db, fn);
      switchTo(pending.openFile());
      return commitHere(fn, record);
    },
    describeChanges(next: ChangeLabel) {
      label = next;
    },
    summarize(text: string) {
      summary = text;
    },
    beforeFirstCommit(run: () => void) {
      hook = run;
    },
    get commits() {
      return commits;
    },
    begin(): OpenTransaction {
      if (pending && !pending.inMemory) switchTo(pending.openFile());
      const creating = pending;
      // Streamed work into a missing journal is written in a file of its own beside the journal,
      // not in memory, so an import's memory stays flat; the file takes the journal's name at commit.
      const staged = creating ? creating.stageFile(db) : undefined;
      const memory = db;
      if (staged) {
        db = staged.db;
        repos.clear();
      }
      db.exec('BEGIN IMMEDIATE');
      let open = true;
      const rollback = () => {
        if (open && db.inTransaction) db.exec('ROLLBACK');
        open = false;
        if (staged) {
          staged.discard();
          db = memory;
          repos.clear();
        }
      };
      // The streamed work (one import) is one change, recorded from here to the commit.
      let change: number;
      try {
        change = openChange();
      } catch (error) {
        rollback();
        throw error;
      }
      return {
        commit() {
          if (!open) throw new Error('the transaction is already over');
          const done = closeChange(change);
          runHook();
          db.exec('COMMIT');
          open = false;
          changeId = done;
          if (creating && staged) {
            const file = staged.place();
            // Work fed by a stream cannot be done again: the rep runs the command again.
            if (!file) throw new RuntimeFailure(`another perf created the journal ${creating.file} meanwhile; nothing was written: run the command again`);
            db = memory;
            switchTo(file);
          }
          commits++;
          if (staged) creating?.created?.();
        },
        rollback,
      };
    },
    close() {
      if (db.open) db.close();
    },
  };
}

/**
 * Runs `fn` in a transaction that is always rolled back, for its checks alone. Its writes may fail
 * on a read-only connection: the work got past its checks, which is all this asks.
 */
function dryRun(db: Db, fn: () => unknown): void {
  const done = new Error('dry run over');
  try {
    // A deferred BEGIN, which a read-only connection accepts.
    db.transaction(() => {
      fn();
      throw done;
    })();
  } catch (error) {
    if (error !== done && !String((error as { code?: unknown }).code).startsWith('SQLITE_READONLY')) throw error;
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
