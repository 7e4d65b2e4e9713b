import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { main } from '../../src/cli.js';
import type { OutStream } from '../../src/context.js';
import { BIN, NOW, type RunResult } from '../helpers.js';

/** An error as Node's fs and streams make them: `code` set, message starting with it. */
export function errnoError(code: string, message = 'i/o error'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}, write`), { code, syscall: 'write' });
}

/**
 * A stdout that takes `accept` characters and then fails as a full disk does: like a Node stream,
 * through the write callback (asynchronously) by default, or by throwing with `throws`.
 */
export function failingStdout(code: string, options: { accept?: number; throws?: boolean } = {}): OutStream & { written: string } {
  const stream = {
    written: '',
    write(chunk: string, callback?: (error?: Error | null) => void): boolean {
      const room = (options.accept ?? 0) - stream.written.length;
      if (chunk.length <= room) {
        stream.written += chunk;
        if (callback) queueMicrotask(() => callback(null));
        return true;
      }
      stream.written += chunk.slice(0, Math.max(0, room));
      if (options.throws) throw errnoError(code);
      if (callback) setImmediate(() => callback(errnoError(code)));
      return false;
    },
  };
  return stream;
}

/** `main(args)` in-process with the given stdout (the rest as helpers.ts run()). */
export async function runWithStdout(args: string[], stdout: OutStream, options: { db: string; now?: string }): Promise<RunResult> {
  let stderr = '';
  const code = await main(args, {
    io: {
      stdout,
      stderr: { write: (s: string) => (stderr += s) },
      stdin: { isTTY: false, async *[Symbol.asyncIterator]() {} },
      env: { NO_COLOR: '1', PERF_DB: options.db },
    },
    now: () => new Date(options.now ?? NOW),
  });
  return { code, stdout: '', stderr };
}

function childEnv(db: string, env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', PERF_NOW: NOW, PERF_DB: db, ...env };
  delete merged.FORCE_COLOR;
  return merged as NodeJS.ProcessEnv;
}

/** The built binary with its stdout on `file` (e.g. /dev/full), as `perf … > file` in a shell. */
export function spawnPerfToFile(
  args: string[],
  file: string,
  options: { db: string; env?: Record<string, string | undefined> },
): RunResult {
  const fd = fs.openSync(file, 'w');
  try {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      stdio: ['ignore', fd, 'pipe'],
      env: childEnv(options.db, options.env),
      encoding: 'utf8',
    });
    return { code: result.status ?? -1, stdout: '', stderr: result.stderr };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `sh -c 'ulimit -f <kilobytes>; perf … >> file'`: a file size limit, as a full quota gives. The
 * limit holds for every file the process writes, the journal's too, so it stays well above the
 * journal's size and `file` is filled to `room` bytes short of it before perf appends.
 */
export function spawnPerfWithFileLimit(
  args: string[],
  file: string,
  options: { db: string; kilobytes: number; room: number },
): RunResult & { signal: string | null } {
  fs.writeFileSync(file, Buffer.alloc(options.kilobytes * 1024 - options.room, 0x20));
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('/bin/sh', ['-c', `ulimit -f ${options.kilobytes} && exec ${quoted} >> '${file}'`], {
    env: childEnv(options.db),
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, signal: result.signal, stdout: '', stderr: result.stderr };
}

/** The built binary piped into a reader that stops after the first chunk, as `perf notes | head -1`. */
export function spawnPerfIntoClosingReader(args: string[], options: { db: string }): Promise<RunResult & { signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv(options.db) });
    let stderr = '';
    let first = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout: first, stderr }));
  });
}
