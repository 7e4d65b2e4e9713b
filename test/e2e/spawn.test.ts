import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRealisticYear } from '../fixtures/realistic-year.js';
import { dumpDb, ROOT, run, spawnPerf, tempDbPath, tempDir, createdLine, stderrAfterCreating } from '../helpers.js';
import { spawnPerfIntoClosingReader, spawnPerfToFile, spawnPerfWithFileLimit } from '../harness/out-streams.js';

/**
 * The built binary (npm test builds first), as a rep would run it: what only a real process
 * shows. Exit codes, real stdin and stdout, the process's time zone, and stdout that is a full
 * disk, a file past `ulimit -f` or a pipe closed early. Each spawn costs ~100 ms, so everything
 * else runs in-process through run() (test/helpers.ts); add here only what needs a process.
 */
describe('the perf binary', () => {
  it('logs a first note on a fresh journal, then lists it', () => {
    const db = path.join(tempDir(), 'data', 'journal.db');
    const logged = spawnPerf(['log', 'First call'], { db });
    expect(logged).toEqual({ code: 0, stdout: 'Logged · #1 · Thu 26 Nov 2026\n', stderr: createdLine(db) });
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);

    const listed = spawnPerf(['notes'], { db });
    expect(listed).toEqual({ code: 0, stdout: 'Thu 26 Nov\n  #1\n    First call\n', stderr: '' });
  });

  it.each([
    [['--help'], /^Usage: perf \[options\] \[command\]/],
    [[], /^Journal status/],
  ])('perf %j prints help or the status without creating the journal', (args, usage) => {
    const db = path.join(tempDir(), 'missing-folder', 'journal.db');
    const result = spawnPerf(args, { db });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(usage);
    expect(result.stderr).toBe('');
    expect(fs.existsSync(path.dirname(db))).toBe(false);
  });

  it('perf --version prints the version without opening the journal', () => {
    const db = path.join(tempDir(), 'missing-folder', 'journal.db');
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(spawnPerf(['--version'], { db })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(fs.existsSync(path.dirname(db))).toBe(false);
  });

  it('reads the note from stdin when it is not a terminal', async () => {
    const db = tempDbPath();
    const logged = spawnPerf(['log', '--type', 'meeting'], { db, input: 'Pipeline review with Maria #pipeline\n' });
    expect(logged).toEqual({ code: 0, stdout: 'Logged · #1 · Thu 26 Nov 2026 · meeting · #pipeline\n', stderr: createdLine(db) });
    const [note] = JSON.parse((await run(['notes', '--json'], { db })).stdout) as { text: string; type: string; tags: string[] }[];
    expect(note).toMatchObject({ text: 'Pipeline review with Maria #pipeline', type: 'meeting', tags: ['pipeline'] });
  });

  it('suggests the closest command for a typo', () => {
    const db = tempDbPath();
    expect(spawnPerf(['lgo', 'First call'], { db })).toEqual({
      code: 2,
      stdout: '',
      stderr: "perf: unknown command 'lgo' (Did you mean log?)\n",
    });
    expect(fs.existsSync(db)).toBe(false);
  });
});

describe('perf log -d "1 day ago" right after a DST change, in the process\'s own zone', () => {
  // 00:30 on Monday 9 March in Los Angeles, the night after clocks went forward.
  it.each([
    ['America/Los_Angeles', '2026-03-09T07:30:00Z', '2026-03-08'],
    ['Europe/Paris', '2026-03-29T22:30:00Z', '2026-03-29'],
    ['America/Los_Angeles', '2026-11-02T08:30:00Z', '2026-11-01'],
  ])('in %s at %s it is %s', (zone, now, yesterday) => {
    const db = tempDbPath();
    const result = spawnPerf(['log', 'x', '-d', '1 day ago', '--json'], { db, env: { TZ: zone, PERF_NOW: now } });
    expect(result.stderr).toBe(createdLine(db));
    expect(JSON.parse(result.stdout).date).toBe(yesterday);
  });
});

/** Exactly one line on stderr, `perf: ` first: what every failure must look like. */
function expectOneLine(stderr: string, message: RegExp): void {
  expect(stderr).toMatch(message);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('stdout that fails in a real process (issue 8, defects 2 and 8)', () => {
  let year: string;
  beforeAll(() => {
    year = buildRealisticYear(tempDbPath());
  });

  it('perf export > /dev/full: exit 1, one line', () => {
    const result = spawnPerfToFile(['export'], '/dev/full', { db: year });
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

  it('a reader that closes the pipe early (perf notes | head -1) is not a failure', async () => {
    const result = await spawnPerfIntoClosingReader(['export', '--format', 'json'], { db: year });
    expect(result.stdout).not.toBe('');
    expect(result.stderr).toBe('');
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
  });

  // Which descriptors are written directly is test/program/stdout.test.ts; this is the whole run.
  it('perf export > /dev/null (written without a stream, issue 12): exit 0, nothing on stderr', () => {
    const result = spawnPerfToFile(['export'], '/dev/null', { db: year });
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  it('perf log "x" > /dev/full says the note was saved, in one line, exit 1', () => {
    const db = tempDbPath();
    const result = spawnPerfToFile(['log', 'Called Acme'], '/dev/full', { db });
    expectOneLine(stderrAfterCreating(result.stderr, db), /^perf: saved note #1, but the output could not be written: ENOSPC\n$/);
    expect(result.code).toBe(1);
    expect(dumpDb(db)).toContain('Called Acme');
  });
});
