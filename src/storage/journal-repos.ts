import { createCompetenciesRepo, type CompetenciesRepo } from './competencies-repo.js';
import { createConfigRepo, type ConfigRepo } from './config-repo.js';
import { createCsvImportRepo, type CsvImportRepo } from './csv-import-repo.js';
import type { Db } from './db.js';
import { createDealsRepo, type DealsRepo } from './deals-repo.js';
import { createDevelopmentRepo, type DevelopmentRepo } from './development-repo.js';
import { createFeedbackRepo, type FeedbackRepo } from './feedback-repo.js';
import { createGoalsRepo, type GoalsRepo } from './goals-repo.js';
import { createJournalRepo, type JournalRepo } from './journal-repo.js';
import { createNotesRepo, type NotesRepo } from './notes-repo.js';
import { createOneToOnesRepo, type OneToOnesRepo } from './one-to-ones-repo.js';
import { createRatingsRepo, type RatingsRepo } from './ratings-repo.js';
import { createReflectionsRepo, type ReflectionsRepo } from './reflections-repo.js';
import { createReportRepo, type ReportRepo } from './report-repo.js';
import { createUndoRepo, type UndoRepo } from './undo-repo.js';

/**
 * A repository per table on one connection, each made on first use, so a command prepares the
 * statements of the tables it touches only. The store (store.ts) adds the transactions.
 */
export class JournalRepos {
  private readonly repos = new Map<string, unknown>();

  constructor(protected db: Db) {}

  get notes(): NotesRepo {
    return this.repo('notes', createNotesRepo);
  }

  get config(): ConfigRepo {
    return this.repo('config', createConfigRepo);
  }

  get goals(): GoalsRepo {
    return this.repo('goals', createGoalsRepo);
  }

  get competencies(): CompetenciesRepo {
    return this.repo('competencies', createCompetenciesRepo);
  }

  get ratings(): RatingsRepo {
    return this.repo('ratings', createRatingsRepo);
  }

  get feedback(): FeedbackRepo {
    return this.repo('feedback', createFeedbackRepo);
  }

  get development(): DevelopmentRepo {
    return this.repo('development', createDevelopmentRepo);
  }

  get deals(): DealsRepo {
    return this.repo('deals', createDealsRepo);
  }

  get csvImport(): CsvImportRepo {
    return this.repo('csvImport', createCsvImportRepo);
  }

  get oneToOnes(): OneToOnesRepo {
    return this.repo('oneToOnes', createOneToOnesRepo);
  }

  get reflections(): ReflectionsRepo {
    return this.repo('reflections', createReflectionsRepo);
  }

  get reports(): ReportRepo {
    return this.repo('reports', createReportRepo);
  }

  get journal(): JournalRepo {
    return this.repo('journal', createJournalRepo);
  }

  get changes(): UndoRepo {
    return this.repo('changes', createUndoRepo);
  }

  /** A repository on the current connection, made on first use. */
  protected repo<T>(name: string, make: (db: Db) => T): T {
    if (!this.repos.has(name)) this.repos.set(name, make(this.db));
    return this.repos.get(name) as T;
  }

  /** Moves to another connection: repositories are made again there, on first use. */
  protected use(next: Db): void {
    this.db = next;
    this.repos.clear();
  }
}
