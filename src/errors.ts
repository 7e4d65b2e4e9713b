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
