import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRealisticYear } from '../fixtures/realistic-year.js';
import { dumpDb, run, tempDbPath, tempDir } from '../helpers.js';
import { failingStdout, runWithStdout, spawnPerfIntoClosingReader, spawnPerfToFile, spawnPerfWithFileLimit } from '../harness/out-streams.js';

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
  it.each([['export'], ['export', '--format', 'json'], ['summary'], ['checkin'], ['notes']])('perf %s > /dev/full: exit 1, one line', (...args) => {
    const result = spawnPerfToFile(args, '/dev/full', { db: year });
    expectOneLine(result.stderr, /^perf: the output could not be written: ENOSPC/);
    expect(result.code).toBe(1);
  });

  it('ulimit -f cuts the output: exit 1, one line, never 0', () => {
    const out = path.join(tempDir(), 'export.json');
    const result = spawnPerfWithFileLimit(['export', '--format', 'json'], out, { db: year, kilobytes: 8192, room: 1000 });
    expect(result.signal).toBeNull();
    expectOneLine(result.stderr, /^perf: the output could not be written: EFBIG/);
    expect(result.code).toBe(1);
  });

  it.each([
    ['through the write callback', false],
    ['by throwing', true],
  ])('an in-process stdout that fails %s: exit 1, one line', async (_how, throws) => {
    const stdout = failingStdout('ENOSPC', { accept: 100, throws });
    const result = await runWithStdout(['export'], stdout, { db: year });
    expectOneLine(result.stderr, /^perf: the output could not be written: ENOSPC/);
    expect(result.code).toBe(1);
  });

  it('a reader that closes the pipe early (perf notes | head -1) is not a failure', async () => {
    const result = await spawnPerfIntoClosingReader(['export', '--format', 'json'], { db: year });
    expect(result.stdout).not.toBe('');
    expect(result.stderr).toBe('');
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
  });
});

describe('a write that succeeded, then output that failed (issue 8, defect 8)', () => {
  it('perf log "x" > /dev/full says the note was saved, in one line, exit 1', () => {
    const db = tempDbPath();
    const result = spawnPerfToFile(['log', 'Called Acme'], '/dev/full', { db });
    expectOneLine(result.stderr, /^perf: saved note #1, but the output could not be written: ENOSPC\n$/);
    expect(result.code).toBe(1);
    expect(dumpDb(db)).toContain('Called Acme');
  });

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

