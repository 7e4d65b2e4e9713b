import type { OneToOnesRepo } from './one-to-ones-repo.js';
import type { CsvImportRepo } from './csv-import-repo.js';
import type { CompetenciesRepo } from './competencies-repo.js';
import type { ConfigRepo } from './config-repo.js';
import type { Db } from './db.js';
import type { DealsRepo } from './deals-repo.js';
import type { StagedJournal } from './journal-file.js';
import { RuntimeFailure } from '../errors.js';
import type { DevelopmentRepo } from './development-repo.js';
import type { FeedbackRepo } from './feedback-repo.js';
import type { GoalsRepo } from './goals-repo.js';
import type { JournalRepo } from './journal-repo.js';
import { JournalRepos } from './journal-repos.js';
import type { NotesRepo } from './notes-repo.js';
import type { RatingsRepo } from './ratings-repo.js';
import type { ReflectionsRepo } from './reflections-repo.js';
import type { ReportRepo } from './report-repo.js';
import { ChangeRecorder, type ChangeLabel, type UndoRepo } from './undo-repo.js';

export type { ChangeLabel } from './undo-repo.js';

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
  readonly deals: DealsRepo;
  /** One-to-ones with the manager. */
  readonly oneToOnes: OneToOnesRepo;
  /** Self-assessments (`perf reflect`). */
  readonly reflections: ReflectionsRepo;
  /** The reads behind summary, checkin and status. */
  readonly reports: ReportRepo;
  /** The writes of `perf import --format csv`. */
  readonly csvImport: CsvImportRepo;
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
   * Runs `lead.work` inside the next write transaction, before the command's own work, recorded in
   * the undo log as a change of its own (goals that roll over by themselves: undone on their own),
   * and calls `lead.committed` with what it returned once that transaction has committed. A command
   * refused on its input rolls both back, so it writes nothing.
   */
  beforeNextWrite(lead: LeadingChange): void;
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

export interface LeadingChange {
  label: ChangeLabel;
  /** Returns what to say once committed; `summarize` names the change in the undo log. */
  work: (summarize: (summary: string) => void) => string | null;
  committed: (said: string | null) => void;
}

export interface OpenTransaction {
  commit(): void;
  /** Undoes everything since `begin`; does nothing once committed or rolled back. */
  rollback(): void;
}

export function createStore(initial: Db, persistent: boolean, pendingJournal?: PendingJournal): Store {
  return new JournalStore(initial, persistent, pendingJournal);
}

class JournalStore extends JournalRepos implements Store {
  private readonly changeRecorder = new ChangeRecorder();
  private hook: (() => void) | undefined;
  private lead: LeadingChange | undefined;
  private leadDone: (() => void) | undefined;
  private committed = 0;

  constructor(
    db: Db,
    private isPersistent: boolean,
    private pending: PendingJournal | undefined,
  ) {
    super(db);
  }

  get persistent(): boolean {
    return this.isPersistent;
  }

  get commits(): number {
    return this.committed;
  }

  transaction<T>(fn: () => T, options: { record?: boolean } = {}): T {
    const record = options.record !== false;
    if (!this.pending) return this.commitHere(fn, record);
    if (this.pending.inMemory) return this.commitToNewFile(this.pending, fn, record);
    // A journal this process could not write when it was opened: the input is checked first, as
    // for any journal, and only then is the file opened to write (or refused, with the reason).
    dryRun(this.db, fn);
    this.switchTo(this.pending.openFile());
    return this.commitHere(fn, record);
  }

  describeChanges(label: ChangeLabel): void {
    this.changeRecorder.describe(label);
  }

  summarize(summary: string): void {
    this.changeRecorder.summarize(summary);
  }

  beforeFirstCommit(hook: () => void): void {
    this.hook = hook;
  }

  beforeNextWrite(lead: LeadingChange): void {
    this.lead = lead;
  }

  /** The leading change, in the open transaction, as its own change in the undo log. */
  private runLead(): void {
    const lead = this.lead;
    if (!lead) return;
    this.lead = undefined;
    const recorder = new ChangeRecorder();
    recorder.describe(lead.label);
    const { value } = recorder.record(this.db, () => lead.work((summary) => recorder.summarize(summary)), true);
    this.leadDone = () => lead.committed(value);
  }

  /** Says what the leading change did, once its transaction has committed (or forgets it on a rollback). */
  private afterCommit(committed: boolean): void {
    const done = this.leadDone;
    this.leadDone = undefined;
    if (committed) done?.();
  }

  begin(): OpenTransaction {
    if (this.pending && !this.pending.inMemory) this.switchTo(this.pending.openFile());
    const creating = this.pending;
    // Streamed work into a missing journal is written in a file of its own beside the journal,
    // not in memory, so an import's memory stays flat; the file takes the journal's name at commit.
    const staged = creating ? creating.stageFile(this.db) : undefined;
    const memory = this.db;
    if (staged) this.use(staged.db);
    this.db.exec('BEGIN IMMEDIATE');
    let open = true;
    const rollback = () => {
      if (open && this.db.inTransaction) this.db.exec('ROLLBACK');
      open = false;
      if (staged) {
        staged.discard();
        this.use(memory);
      }
    };
    // The streamed work (one import) is one change, recorded from here to the commit.
    let change: number;
    try {
      change = this.changeRecorder.open(this.db);
    } catch (error) {
      rollback();
      throw error;
    }
    const commit = () => {
      if (!open) throw new Error('the transaction is already over');
      const done = this.changeRecorder.close(this.db, change);
      this.runHook();
      this.db.exec('COMMIT');
      open = false;
      this.changeRecorder.committedAs(done);
      if (creating && staged) this.placeStaged(creating, staged, memory);
      this.committed++;
      if (staged) creating?.created?.();
    };
    return { commit, rollback };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs `fn` in one write transaction on the current connection, with its hook, and counts it. */
  private commitHere<T>(fn: () => T, record: boolean): T {
    const result = this.write(fn, record);
    this.committed++;
    this.changeRecorder.committedAs(result.change);
    return result.value;
  }

  /** The work, its checks included, runs in memory first: a refusal creates nothing. */
  private commitToNewFile<T>(creating: PendingJournal, fn: () => T, record: boolean): T {
    const done = this.write(fn, record);
    const file = this.createFile(creating);
    if (file) {
      this.switchTo(file);
      this.committed++;
      creating.created?.();
      // The file is the committed memory journal: the change is there under the same id.
      this.changeRecorder.committedAs(done.change);
      return done.value;
    }
    // Another process created the journal meanwhile: the work is done again in theirs.
    this.switchTo(creating.openFile());
    return this.commitHere(fn, record);
  }

  private write<T>(fn: () => T, record: boolean): { value: T; change: number | undefined } {
    const lead = this.lead;
    try {
      const result = this.db
        .transaction(() => {
          if (record) this.runLead();
          const done = this.changeRecorder.record(this.db, fn, record);
          this.runHook();
          return done;
        })
        .immediate();
      this.afterCommit(true);
      return result;
    } catch (error) {
      // Refused work takes the leading change with it; it runs again with the next write.
      this.leadDone = undefined;
      this.lead ??= lead;
      throw error;
    }
  }

  private runHook(): void {
    const run = this.hook;
    this.hook = undefined;
    run?.();
  }

  /** Writes the committed in-memory journal to its file; a failure leaves no file and no store. */
  private createFile(creating: PendingJournal): Db | null {
    try {
      return creating.createFile(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  /** Gives the staged file of streamed work the journal's name, once its work has committed. */
  private placeStaged(creating: PendingJournal, staged: StagedJournal, memory: Db): void {
    const file = staged.place();
    // Work fed by a stream cannot be done again: the rep runs the command again.
    if (!file)
      throw new RuntimeFailure(`another perf created the journal ${creating.file} meanwhile; nothing was written: run the command again`);
    this.db = memory;
    this.switchTo(file);
  }

  /** Later reads and writes of the command go to the file; statements are prepared again there. */
  private switchTo(next: Db): void {
    if (this.db.open) this.db.close();
    this.use(next);
    this.pending = undefined;
    this.isPersistent = true;
  }
}

/**
 * Runs `fn` in a transaction that is always rolled back, for its checks alone. On a read-only
 * connection its first write fails and ends the run there: checks made before that write are
 * answered as input errors; checks a service makes after its first write (a note's goal progress,
 * say) then come out as the file's "cannot write" instead.
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
