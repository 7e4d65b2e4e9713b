import { createOneToOnesRepo, type OneToOnesRepo } from './one-to-ones-repo.js';
import { createCompetenciesRepo, type CompetenciesRepo } from './competencies-repo.js';
import { createConfigRepo, type ConfigRepo } from './config-repo.js';
import type { Db } from './db.js';
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
  /** False for the in-memory stand-in that read-only commands get when no journal exists yet. */
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

export interface OpenTransaction {
  commit(): void;
  /** Undoes everything since `begin`; does nothing once committed or rolled back. */
  rollback(): void;
}

export function createStore(db: Db, persistent: boolean): Store {
  const repos = new Map<string, unknown>();
  let commits = 0;
  let pending: (() => void) | undefined;
  const repo = <T>(name: string, make: (db: Db) => T): T => {
    if (!repos.has(name)) repos.set(name, make(db));
    return repos.get(name) as T;
  };
  return {
    persistent,
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
      const result = db
        .transaction(() => {
          const value = fn();
          const hook = pending;
          pending = undefined;
          hook?.();
          return value;
        })
        .immediate();
      commits++;
      return result;
    },
    beforeFirstCommit(hook: () => void) {
      pending = hook;
    },
    get commits() {
      return commits;
    },
    begin(): OpenTransaction {
      db.exec('BEGIN IMMEDIATE');
      let open = true;
      return {
        commit() {
          if (!open) throw new Error('the transaction is already over');
          const hook = pending;
          pending = undefined;
          hook?.();
          db.exec('COMMIT');
          open = false;
          commits++;
        },
        rollback() {
          if (open && db.inTransaction) db.exec('ROLLBACK');
          open = false;
        },
      };
    },
    close() {
      if (db.open) db.close();
    },
  };
}
