import { CommanderError } from 'commander';
import { Context, type Deps } from './context.js';
import { ExitCode, PerfError, UsageError, failureLine, isSqliteError } from './errors.js';
import { buildProgram } from './program.js';
import { createProcessStdout } from './stdout.js';
import { terminalSafe } from './terminal/inert.js';

/**
 * Runs the program once and returns its exit code. This is the only place where failures become
 * output on stderr and exit codes; nothing below it calls `process.exit`.
 */
export async function main(argv: readonly string[], deps: Deps = processDeps()): Promise<number> {
  const ctx = new Context(deps);
  let code: number;
  try {
    // Shell completion's hidden command: the words typed are data, not options to parse.
    if (argv[0] === '__complete') {
      const { runComplete } = await import('./commands/completion/answer.js');
      await runComplete(ctx, argv.slice(1));
      await ctx.settleOutput();
      return ExitCode.ok;
    }
    const args = withDefaultCommand(hoistGlobalOptions(argv));
    const program = await buildProgram(ctx, args);
    await program.parseAsync(args, { from: 'user' });
    code = ExitCode.ok;
  } catch (error) {
    code = report(error, ctx);
  }
  // The exit code waits for stdout: a document cut by a full disk must not end in exit 0.
  const outputError = await ctx.settleOutput();
  const saved = ctx.savedDescription;
  ctx.close();
  // A command that already failed has said so in its one line.
  if (outputError === undefined || code !== ExitCode.ok) return code;
  const reason = (outputError as NodeJS.ErrnoException).code ?? outputError.message;
  const what = saved === null ? 'the output' : `saved ${saved}, but the output`;
  ctx.io.stderr.write(`perf: ${what} could not be written: ${reason}\n`);
  return ExitCode.failure;
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
  ctx.io.stderr.write(`perf: ${terminalSafe(failureLine(error, ctx.journalFile), false)}\n`);
  if (error instanceof PerfError) return error.exitCode;
  if (!isSqliteError(error) && ctx.env.PERF_DEBUG && error instanceof Error && error.stack) ctx.io.stderr.write(`${error.stack}\n`);
  return ExitCode.failure;
}

function processDeps(): Deps {
  return {
    io: {
      stdout: createProcessStdout(),
      // Made on first use, like stdin: Node builds a stream for it (its modules cost a few ms),
      // and most runs write nothing there.
      get stderr() {
        return process.stderr;
      },
      // Touching process.stdin sets up a stream (a few ms); most commands never read it.
      get stdin() {
        return process.stdin;
      },
      env: process.env,
    },
  };
}
