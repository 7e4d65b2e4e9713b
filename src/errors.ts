/**
 * The program's failures, each carrying the exit code from CLI.md. Code anywhere may throw these;
 * only `cli.ts` turns them into output and an exit code.
 */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  cancelled: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class PerfError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad usage or invalid input, an unknown id or reference included: exit 2. */
export class UsageError extends PerfError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** The store or the file system failed us: exit 1. */
export class RuntimeFailure extends PerfError {
  constructor(message: string) {
    super(message, ExitCode.failure);
  }
}

/** The user cancelled at a prompt: exit 130, nothing written. */
export class CancelledError extends PerfError {
  constructor(message = 'cancelled, nothing was written') {
    super(message, ExitCode.cancelled);
  }
}

/** Quote a user's value for an error message. */
export function quote(value: unknown): string {
  return JSON.stringify(String(value));
}

/**
 * The one line for an error SQLite itself raised. A busy journal says what holds it: waiting has
 * already failed (see DEFAULT_BUSY_TIMEOUT_MS), so the user needs to know it is not damage.
 */
export function storageFailureMessage(error: Error & { code: string }, journal?: string): string {
  if (error.code.startsWith('SQLITE_BUSY')) {
    return `the journal${journal ? ` ${journal}` : ''} is busy: another perf command (or program) is writing to it; try again when it has finished`;
  }
  return `the journal could not be read or written (${error.code}: ${error.message})`;
}

export function isSqliteError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && error.name === 'SqliteError' && typeof (error as { code?: unknown }).code === 'string';
}

/** An error's message, for a line that says what went wrong. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The one line a failure gets on stderr (after "perf: "), whatever threw it. */
export function failureLine(error: unknown, journal: string | undefined): string {
  if (error instanceof PerfError) return error.message;
  if (isSqliteError(error)) return storageFailureMessage(error, journal);
  return `unexpected error: ${messageOf(error)}`;
}
