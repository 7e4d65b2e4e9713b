import { beforeAll, describe, expect, it } from 'vitest';
import { buildRealisticYear } from '../fixtures/realistic-year.js';
import { run, tempDbPath } from '../helpers.js';
import { failingStdout, runWithStdout } from '../harness/out-streams.js';

/** Exactly one line on stderr, `perf: ` first: what every failure must look like. */
function expectOneLine(stderr: string, message: RegExp): void {
  expect(stderr).toMatch(message);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
}

let year: string;
beforeAll(() => {
  year = buildRealisticYear(tempDbPath());
});

describe('stdout that fails (issue 8, defect 2)', () => {
  // A file on stdout is written with write(2) straight to fd 1 (src/stdout.ts), so a full disk
  // throws from write(); test/e2e/spawn.test.ts runs the real binary into /dev/full.
  it.each([['export'], ['export', '--format', 'json'], ['summary'], ['checkin'], ['notes']])(
    'perf %s > a full disk: exit 1, one line',
    async (...args) => {
      const result = await runWithStdout(args, failingStdout('ENOSPC', { throws: true }), { db: year });
      expectOneLine(result.stderr, /^perf: the output could not be written: ENOSPC/);
      expect(result.code).toBe(1);
    },
  );

  it.each([
    ['through the write callback', false],
    ['by throwing', true],
  ])('an in-process stdout that fails %s: exit 1, one line', async (_how, throws) => {
    const stdout = failingStdout('ENOSPC', { accept: 100, throws });
    const result = await runWithStdout(['export'], stdout, { db: year });
    expectOneLine(result.stderr, /^perf: the output could not be written: ENOSPC/);
    expect(result.code).toBe(1);
  });
});

describe('a write that succeeded, then output that failed (issue 8, defect 8)', () => {
  it('another writing command says a change was saved', async () => {
    const db = tempDbPath();
    expect((await run(['log', 'first'], { db })).code).toBe(0);
    const result = await runWithStdout(['goals', 'add', 'Close 10 deals', '--target', '10'], failingStdout('EIO'), { db });
    expectOneLine(result.stderr, /^perf: saved .*, but the output could not be written: EIO\n$/);
    expect(result.code).toBe(1);
  });

  it('a refused command keeps its own message and exit code', async () => {
    const db = tempDbPath();
    const result = await runWithStdout(['log', 'x', '--type', 'nope'], failingStdout('ENOSPC'), { db });
    expectOneLine(result.stderr, /^perf: .*nope/);
    expect(result.code).toBe(2);
  });
});
