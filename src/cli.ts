import { CommanderError } from 'commander';
import { Context, type Deps } from './context.js';
import { ExitCode, PerfError, UsageError, isSqliteError, storageFailureMessage } from './errors.js';
import { buildProgram } from './program.js';

/**
 * Runs the program once and returns its exit code. This is the only place where failures become
 * output on stderr and exit codes; nothing below it calls `process.exit`.
 */
export async function main(argv: readonly string[], deps: Deps = processDeps()): Promise<number> {
  const ctx = new Context(deps);
  try {
    await buildProgram(ctx).parseAsync(withDefaultCommand(hoistGlobalOptions(argv)), { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    return report(error, ctx);
  } finally {
    ctx.close();
  }
}

/**
 * The global options may be written anywhere (`perf notes --db x`), but commands parse their
 * options positionally (see program.ts), so they are moved in front of the command.
 */
export function hoistGlobalOptions(argv: readonly string[]): string[] {
  const globals: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--db') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError("option '--db <path>' argument missing");
      globals.push(arg, value);
    } else if (arg.startsWith('--db=') || arg === '--no-color') globals.push(arg);
    else rest.push(arg);
  }
  return [...globals, ...rest];
}

/** `perf` on its own (global options aside) runs the default command. */
export const DEFAULT_COMMAND = 'status';

function withDefaultCommand(argv: readonly string[]): string[] {
  const valued = new Set(['--db']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (valued.has(arg)) i++;
    else if (!arg.startsWith('-') || arg === '-') return [...argv];
    else if (['-h', '--help', '-V', '--version'].includes(arg)) return [...argv];
  }
  return [...argv, DEFAULT_COMMAND];
}

function report(error: unknown, ctx: Context): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (see program.ts); help and --version exit 0.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof PerfError) {
    ctx.io.stderr.write(`perf: ${error.message}\n`);
    return error.exitCode;
  }
  if (isSqliteError(error)) {
    ctx.io.stderr.write(`perf: ${storageFailureMessage(error, ctx.journalFile)}\n`);
    return ExitCode.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.io.stderr.write(`perf: unexpected error: ${message}\n`);
  if (ctx.env.PERF_DEBUG && error instanceof Error && error.stack) ctx.io.stderr.write(`${error.stack}\n`);
  return ExitCode.failure;
}

function processDeps(): Deps {
  // `perf notes | head` closes the pipe early: the rest of the output has nowhere to go, and
  // that is not a failure. Any other stream error still surfaces.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    io: {
      stdout: process.stdout,
      stderr: process.stderr,
      // Touching process.stdin sets up a stream (a few ms); most commands never read it.
      get stdin() {
        return process.stdin;
      },
      env: process.env,
    },
  };
}
