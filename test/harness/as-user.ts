import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, NOW, type RunResult } from '../helpers.js';

/**
 * File permissions only bind a user who is not root, and tests often run as root (containers).
 * Then the binary is started as `nobody`, and the files it must own are handed to it; otherwise
 * it runs as the current user.
 */
const ROOT_USER = process.getuid?.() === 0;
const NOBODY = 65534;

export const runsAsRoot = ROOT_USER;

/** The uid the binary runs as in `spawnAsUser`. */
export const userId = ROOT_USER ? NOBODY : (process.getuid?.() ?? 0);

/** Hands `paths` to the user the binary runs as, and lets that user reach the run's temp folder. */
export function giveToUser(...paths: string[]): void {
  if (!ROOT_USER) return;
  const tmp = process.env.PERF_TEST_TMP;
  if (tmp) fs.chmodSync(tmp, 0o711);
  for (const p of paths) fs.chownSync(p, NOBODY, NOBODY);
}

function environment(options: { db?: string; env?: Record<string, string | undefined> }): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', PERF_NOW: NOW, ...options.env };
  delete env.FORCE_COLOR;
  if (options.db) env.PERF_DB = options.db;
  return env as NodeJS.ProcessEnv;
}

/** Runs the built binary as the (non-root) test user. */
export function spawnAsUser(
  args: string[],
  options: { db?: string; input?: string; env?: Record<string, string | undefined>; cwd?: string } = {},
): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    env: environment(options),
    cwd: options.cwd ?? path.dirname(BIN),
    encoding: 'utf8',
    ...(ROOT_USER ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the built binary without waiting for it (the caller kills it or waits for 'close'). */
export function startPerf(
  args: string[],
  options: { db?: string; env?: Record<string, string | undefined>; cwd?: string } = {},
): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env: environment(options), cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
}
