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
  /** Runs `fn` in one write transaction (BEGIN IMMEDIATE); it commits or rolls back as a whole. */
  transaction<T>(fn: () => T): T;
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
  const runHook = () => {
    const run = hook;
    hook = undefined;
    run?.();
  };
  const commitHere = <T>(fn: () => T): T => {
    const result = db
      .transaction(() => {
        const value = fn();
        runHook();
        return value;
      })
      .immediate();
    commits++;
    return result;
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
    transaction<T>(fn: () => T): T {
      if (!pending) return commitHere(fn);
      if (pending.inMemory) {
        // The work, its checks included, runs in memory first: a refusal creates nothing.
        const value = db
          .transaction(() => {
            const result = fn();
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
          return value;
        }
        // Another process created the journal meanwhile: the work is done again in theirs.
        switchTo(pending.openFile());
        return commitHere(fn);
      }
      // A journal this process could not write when it was opened: the input is checked first, as
      // for any journal, and only then is the file opened to write (or refused, with the reason).
      dryRun(db, fn);
      switchTo(pending.openFile());
      return commitHere(fn);
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
      return {
        commit() {
          if (!open) throw new Error('the transaction is already over');
          runHook();
          db.exec('COMMIT');
          open = false;
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
        rollback() {
          if (open && db.inTransaction) db.exec('ROLLBACK');
          open = false;
          if (staged) {
            staged.discard();
            db = memory;
            repos.clear();
          }
        },
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
