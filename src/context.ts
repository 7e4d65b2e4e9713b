import path from 'node:path';
import { dayOf, type Day } from './domain/calendar.js';
import { UsageError } from './errors.js';
import type { Store } from './storage/store.js';
import type { Theme } from './ui/theme.js';
import type { Prompter } from './ui/prompts.js';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface InStream extends AsyncIterable<string | Buffer> {
  isTTY?: boolean;
}

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
  private storeWritable = false;
  /** The journal's path once a command has opened it, for error messages. */
  journalFile: string | undefined;
  private loadedTheme: Theme | undefined;

  constructor(deps: Deps) {
    this.io = deps.io;
    this.env = deps.io.env;
    this.clock = deps.now ?? clockFromEnv(deps.io.env);
    this.injectedPrompter = deps.prompter;
  }

  setGlobals(globals: GlobalOptions): void {
    this.globals = globals;
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

  /** How long a write waits for another writer; `PERF_BUSY_TIMEOUT_MS` shortens it in tests. */
  private get busyTimeoutMs(): number | undefined {
    const raw = this.env.PERF_BUSY_TIMEOUT_MS;
    const ms = raw === undefined ? NaN : Number(raw);
    return Number.isInteger(ms) && ms >= 0 ? ms : undefined;
  }

  /** The journal for a command that writes: created on first use with its folder. */
  async store(): Promise<Store> {
    if (this.openStore && this.storeWritable) return this.openStore;
    this.openStore?.close();
    this.openStore = undefined;
    const file = await this.dbPath();
    this.journalFile = file;
    const [{ openDatabase }, { createStore }] = await Promise.all([
      import('./storage/db.js'),
      import('./storage/store.js'),
    ]);
    this.openStore = createStore(openDatabase(file, { create: true, busyTimeoutMs: this.busyTimeoutMs }), true);
    this.storeWritable = true;
    return this.openStore;
  }

  /**
   * The journal for a command that only reads. A missing file is not created: the command gets
   * an empty in-memory journal and prints the empty state. Commands also validate against it
   * before their first write; ids found there (the seeded competencies) are the ones a new file
   * gets, because both are made by the same migrations. A journal this process cannot write is
   * read without leaving files beside it; `store()` then reopens it to write.
   */
  async readStore(): Promise<Store> {
    if (this.openStore) return this.openStore;
    const file = await this.dbPath();
    this.journalFile = file;
    const [{ openDatabase, openMemoryDatabase, databaseExists, isWritable }, { createStore }] = await Promise.all([
      import('./storage/db.js'),
      import('./storage/store.js'),
    ]);
    if (databaseExists(file)) {
      const db = openDatabase(file, { create: false, readOnly: true, busyTimeoutMs: this.busyTimeoutMs });
      this.openStore = createStore(db, true);
      this.storeWritable = isWritable(db);
    } else {
      this.openStore = createStore(openMemoryDatabase(), false);
      this.storeWritable = false;
    }
    return this.openStore;
  }

  async theme(): Promise<Theme> {
    if (!this.loadedTheme) {
      const { createTheme } = await import('./ui/theme.js');
      this.loadedTheme = await createTheme(this.color);
    }
    return this.loadedTheme;
  }

  async prompter(): Promise<Prompter> {
    if (this.injectedPrompter) return this.injectedPrompter;
    const { createInquirerPrompter } = await import('./ui/prompts.js');
    return createInquirerPrompter();
  }

  print(text = ''): void {
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  printJson(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
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
    return new UsageError(`XDG_DATA_HOME is not an absolute path (${JSON.stringify(xdg)}): make it absolute, or give the journal with --db or PERF_DB`);
  }
  return new UsageError('HOME is empty, so there is no default journal: set HOME, or give one with --db or PERF_DB');
}

function clockFromEnv(env: Record<string, string | undefined>): () => Date {
  const fixed = env.PERF_NOW;
  if (fixed) {
    const instant = new Date(fixed);
    if (!Number.isNaN(instant.getTime())) return () => new Date(instant);
  }
  return () => new Date();
}
