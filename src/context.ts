import fs from 'node:fs';
import path from 'node:path';
import type { JournalSource } from './domain/backups.js';
import { dayOf, type Day } from './domain/calendar.js';
import { UsageError, messageOf } from './errors.js';
import type { Reading } from './domain/locale.js';
import type { Db } from './storage/db.js';
import type { Store } from './storage/store.js';
import { terminalSafe } from './terminal/inert.js';
import type { Theme } from './terminal/theme.js';
import type { Prompter } from './terminal/prompts.js';
import type { InStream, OutStream } from './terminal/streams.js';

export type { InStream, OutStream } from './terminal/streams.js';

/** Everything the program touches outside itself; tests pass their own. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: Record<string, string | undefined>;
}

export interface Deps {
  io: Io;
  /** The clock; defaults to `PERF_NOW` (an ISO instant, for tests and demos) or the real time. */
  now?: () => Date;
  /** A scripted prompter for tests; the default loads @inquirer/prompts on first use. */
  prompter?: Prompter;
}

export interface GlobalOptions {
  db?: string;
  color?: boolean;
}

/**
 * The composition root: paths, database, clock, output and prompts for one run of the program.
 * Nothing is opened or loaded until a command asks for it, so `--help` and `perf log` stay fast.
 */
export class Context {
  readonly io: Io;
  readonly env: Record<string, string | undefined>;
  private readonly clock: () => Date;
  private readonly injectedPrompter: Prompter | undefined;
  private globals: GlobalOptions = {};
  private openStore: Store | undefined;
  /** The journal's path once a command has opened it, for error messages. */
  journalFile: string | undefined;
  private loadedTheme: Theme | undefined;
  private loadedReading: Reading | undefined;
  private outputStopped = false;
  private outputError: Error | undefined;
  private savedWhat: string | undefined;
  private dailyBackupChecked = false;
  private command = { command: 'perf', summary: 'perf' };

  constructor(deps: Deps) {
    this.io = deps.io;
    this.env = deps.io.env;
    this.clock = deps.now ?? clockFromEnv(deps.io.env);
    this.injectedPrompter = deps.prompter;
  }

  setGlobals(globals: GlobalOptions): void {
    this.globals = globals;
  }

  /**
   * The command being run, which names its change in the undo log: `perf history` shows it and
   * `perf undo` says what it undid. A service may give a better summary (store.summarize).
   */
  setCommand(command: string, args: readonly string[]): void {
    this.command = { command, summary: summarizeCommand(command, args) };
  }

  now(): Date {
    return this.clock();
  }

  today(): Day {
    return dayOf(this.clock());
  }

  get color(): boolean {
    if (this.globals.color === false) return false;
    if (this.env.NO_COLOR !== undefined && this.env.NO_COLOR !== '') return false;
    if (this.env.FORCE_COLOR !== undefined && this.env.FORCE_COLOR !== '0') return true;
    return this.io.stdout.isTTY === true;
  }

  /** Columns for human output: the terminal's width, else 80. */
  get width(): number {
    const columns = this.io.stdout.isTTY ? this.io.stdout.columns : undefined;
    return Math.max(40, Math.min(columns ?? 80, 120));
  }

  get interactive(): boolean {
    return this.io.stdin.isTTY === true && this.io.stdout.isTTY === true;
  }

  /**
   * `--db`, else `PERF_DB`, else the platform data folder. A blank value, an empty HOME or a
   * relative XDG_DATA_HOME would quietly mean another journal (or one under the current folder),
   * so they are refused.
   */
  async dbPath(): Promise<string> {
    if (this.globals.db !== undefined) {
      if (!this.globals.db.trim()) throw new UsageError("--db is empty: give the journal's path, e.g. --db ~/journal.db");
      return path.resolve(this.globals.db);
    }
    const fromEnv = this.env.PERF_DB;
    if (fromEnv !== undefined && fromEnv !== '') {
      if (!fromEnv.trim()) throw new UsageError('PERF_DB is blank: set it to the journal’s path, or unset it to use the default journal');
      return path.resolve(fromEnv);
    }
    const { default: envPaths } = await import('env-paths');
    const data = envPaths('perf-journal', { suffix: '' }).data;
    if (!path.isAbsolute(data)) throw defaultPathFailure(this.env);
    return path.join(data, 'journal.db');
  }

  /** Which setting names the journal, so `perf where` can point at a typo in the right place. */
  dbSource(): JournalSource {
    if (this.globals.db !== undefined) return '--db';
    return this.env.PERF_DB !== undefined && this.env.PERF_DB !== '' ? 'PERF_DB' : 'default';
  }

  /** How long a write waits for another writer; `PERF_BUSY_TIMEOUT_MS` shortens it in tests. */
  private get busyTimeoutMs(): number | undefined {
    const raw = this.env.PERF_BUSY_TIMEOUT_MS;
    const ms = raw === undefined ? NaN : Number(raw);
    return Number.isInteger(ms) && ms >= 0 ? ms : undefined;
  }

  /**
   * The journal for a command that writes. A missing file is created by the first commit, not
   * here (see readStore). The first write of a day backs up the journal as it was (see
   * armDailyBackup).
   */
  async store(): Promise<Store> {
    const store = await this.readStore();
    if (!this.dailyBackupChecked) {
      this.dailyBackupChecked = true;
      // A journal made by this very command has nothing in it to back up.
      if (store.persistent) await this.armDailyBackup(store, this.journalFile as string);
      if (store.persistent) await this.armGoalRolls(store);
    }
    return store;
  }

  /**
   * Goals added with `--every` roll over inside the first command that writes after their period
   * ends, as a change of their own (see Store.beforeNextWrite), said once on stderr. Whether one is
   * due is one query; what rolls them loads only then.
   */
  private async armGoalRolls(store: Store): Promise<void> {
    const today = this.today();
    if (store.reports.rollsDue(today) === 0) return;
    const [{ rollDueGoals }, { describeRoll }] = await Promise.all([
      import('./services/goal-roll.js'),
      import('./commands/goals/roll-view.js'),
    ]);
    store.beforeNextWrite({
      label: { command: 'perf goals roll (automatic)', summary: 'goals rolled over', now: () => this.now() },
      work: (summarize) => {
        const rolled = rollDueGoals(store, today, this.now());
        summarize(`rolled over ${rolled.map((r) => r.from.slug).join(', ')}`);
        return rolled.map(describeRoll).join('\n');
      },
      committed: (said) => {
        if (said) this.io.stderr.write(`${terminalSafe(said, false)}\n`);
      },
    });
  }

  /**
   * `perf log` runs often and its start-up is budgeted: whether a backup is due is one stat of
   * today's backup file; only when it is missing is anything else loaded. The backup itself is
   * made just before the first commit, of the journal as last committed, so a command refused
   * on its input (which rolls back) makes none. A backup that cannot be written never stops the
   * write it precedes: it costs one warning line.
   */
  private async armDailyBackup(store: Store, file: string): Promise<void> {
    const { autoBackupFile } = await import('./domain/backups.js');
    if (fs.existsSync(autoBackupFile(file, this.today()))) return;
    const { planDailyBackup } = await import('./services/backups.js');
    // The setting in force before this command counts (one that turns backups on or off included).
    const backUp = planDailyBackup(store, file, this.now());
    if (!backUp) return;
    store.beforeFirstCommit(() => {
      try {
        backUp();
      } catch (error) {
        const reason = messageOf(error).replace(/\s+/g, ' ');
        this.io.stderr.write(
          `perf: warning: today's automatic backup could not be written (${reason}); carrying on without it (to turn automatic backups off: perf config set backup.auto false)\n`,
        );
      }
    });
  }

  /**
   * The journal, opened once for the whole command. A missing file is not created here: the
   * store runs on a fresh journal in memory (the empty state for commands that read), and its
   * first commit writes that out as the file, so a command refused on its input creates nothing;
   * ids found in memory (the seeded competencies) are the ones the file gets. A journal this
   * process cannot write is read without leaving files beside it, and refused (with the reason)
   * only when a command's checked work comes to write it.
   */
  async readStore(): Promise<Store> {
    if (this.openStore) return this.openStore;
    const file = await this.dbPath();
    this.journalFile = file;
    const [{ openDatabase, openMemoryDatabase, databaseExists, isWritable }, { createStore }] = await Promise.all([
      import('./storage/db.js'),
      import('./storage/store.js'),
    ]);
    const busyTimeoutMs = this.busyTimeoutMs;
    const openFile = () => openDatabase(file, { create: false, busyTimeoutMs });
    // On stderr, so --json output stays one document: a mistyped --db or PERF_DB shows at once
    // rather than as notes that seem lost.
    const created = () => this.io.stderr.write(`Created a new journal at ${file}\n`);
    if (databaseExists(file)) {
      // An upgrade that renamed slugs says so on stderr, so scripts that named them learn why they fail.
      const onNotice = (line: string) => this.io.stderr.write(`perf: ${line}\n`);
      const db = openDatabase(file, { create: false, readOnly: true, busyTimeoutMs, onNotice });
      // Only a journal that does not exist yet is ever created; this one is only reopened to write.
      const notCreated = (): never => {
        throw new Error(`the journal ${file} exists: it is opened, not created`);
      };
      this.openStore = createStore(
        db,
        true,
        isWritable(db) ? undefined : { inMemory: false, file, openFile, createFile: notCreated, stageFile: notCreated, created },
      );
    } else {
      // What makes the file is loaded only for a journal that does not exist yet.
      const { createJournalFile, stageJournalFile } = await import('./storage/journal-file.js');
      this.openStore = createStore(openMemoryDatabase(), false, {
        inMemory: true,
        file,
        openFile,
        createFile: (memory: Db) => createJournalFile(memory, file, { busyTimeoutMs }),
        stageFile: (memory: Db) => stageJournalFile(memory, file, { busyTimeoutMs }),
        created,
      });
    }
    this.openStore.describeChanges({ ...this.command, now: () => this.now() });
    return this.openStore;
  }

  /**
   * How typed amounts and numeric dates read: the journal's numbers.decimal and dates.order, else
   * the locale's. Asked only when an amount or a date other than today is typed.
   */
  async reading(): Promise<Reading> {
    if (!this.loadedReading) {
      const [store, { readingFrom }] = await Promise.all([this.readStore(), import('./domain/locale.js')]);
      this.loadedReading = readingFrom(store.config.all(), this.env);
    }
    return this.loadedReading;
  }

  async theme(): Promise<Theme> {
    if (!this.loadedTheme) {
      const { createTheme } = await import('./terminal/theme.js');
      this.loadedTheme = await createTheme(this.color);
    }
    return this.loadedTheme;
  }

  async prompter(): Promise<Prompter> {
    if (this.injectedPrompter) return this.injectedPrompter;
    const { createInquirerPrompter } = await import('./terminal/prompts.js');
    return createInquirerPrompter();
  }

  /**
   * Human output. Views make stored text inert themselves (so that widths are right); this is the
   * guard for any they missed: no control character but newline, tab and colour codes gets through.
   */
  print(text = ''): void {
    const safe = terminalSafe(text, this.color);
    this.write(safe.endsWith('\n') ? safe : `${safe}\n`);
  }

  printJson(value: unknown): void {
    this.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /**
   * Everything for stdout goes through here. The first failure stops the output (the rest would
   * be a cut document) and is kept for cli.ts, which waits for the output to settle and turns it
   * into one line and exit 1. A reader that went away (`perf notes | head`) is not a failure.
   * Bytes are UTF-8 text already made safe for a terminal (the export's chunks).
   */
  write(chunk: string | Uint8Array): void {
    if (this.outputStopped) return;
    try {
      this.io.stdout.write(chunk, (error) => {
        if (error) this.outputFailed(error);
      });
    } catch (error) {
      this.outputFailed(error as Error);
    }
  }

  /** Waits until stdout has taken everything or failed; returns the failure, if any. */
  async settleOutput(): Promise<Error | undefined> {
    if (!this.outputStopped) {
      try {
        await this.io.stdout.flush?.();
      } catch (error) {
        this.outputFailed(error as Error);
      }
      // Streams report a failed write on a later tick; let those reports arrive.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return this.outputError;
  }

  private outputFailed(error: Error): void {
    if (this.outputStopped) return;
    this.outputStopped = true;
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') this.outputError = error;
  }

  /** Names what a command saved (`note #12`), for the message when its output then fails. */
  saved(what: string): void {
    this.savedWhat = what;
  }

  /** What this run wrote to the journal: the name a command gave, or null if nothing was committed. */
  get savedDescription(): string | null {
    if (this.savedWhat !== undefined) return this.savedWhat;
    return (this.openStore?.commits ?? 0) > 0 ? 'your change' : null;
  }

  close(): void {
    this.openStore?.close();
    this.openStore = undefined;
  }
}

/** Why env-paths gave a relative folder: a relative XDG_DATA_HOME, or no home folder at all. */
function defaultPathFailure(env: Record<string, string | undefined>): UsageError {
  const xdg = env.XDG_DATA_HOME;
  if (process.platform === 'linux' && xdg && !path.isAbsolute(xdg)) {
    return new UsageError(
      `XDG_DATA_HOME is not an absolute path (${JSON.stringify(xdg)}): make it absolute, or give the journal with --db or PERF_DB`,
    );
  }
  return new UsageError('HOME is empty, so there is no default journal: set HOME, or give one with --db or PERF_DB');
}

/** `notes rm 12`, `log "Called Acme about the…"`: the command's words, short enough for a line. */
export function summarizeCommand(command: string, args: readonly string[]): string {
  // Quoted as typed (not JSON-escaped): the views show control characters inertly, as everywhere.
  const words = [command, ...args.map((arg) => (arg === '' || /[\s"']/.test(arg) ? `"${arg}"` : arg))].join(' ');
  return words.length > SUMMARY_LENGTH ? `${words.slice(0, SUMMARY_LENGTH - 1).trimEnd()}…` : words;
}

const SUMMARY_LENGTH = 60;

function clockFromEnv(env: Record<string, string | undefined>): () => Date {
  const fixed = env.PERF_NOW;
  if (fixed) {
    const instant = new Date(fixed);
    if (!Number.isNaN(instant.getTime())) return () => new Date(instant);
  }
  return () => new Date();
}
