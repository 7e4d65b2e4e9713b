import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildRealisticYear } from '../fixtures/realistic-year.js';
import { BIN, NOW, expectRefused, run, tempDbPath, tempDir } from '../helpers.js';
import { errnoError } from '../harness/out-streams.js';

let year: string;
beforeAll(() => {
  year = buildRealisticYear(tempDbPath());
});
afterEach(() => {
  vi.restoreAllMocks();
});

const mode = (file: string) => fs.statSync(file).mode & 0o777;
const leftovers = (folder: string) => fs.readdirSync(folder).filter((name) => name.endsWith('.tmp'));

describe('-o FILE (issue 8, defect 3)', () => {
  it('a new file is created readable by its owner alone', async () => {
    const out = path.join(tempDir(), 'review.md');
    expect((await run(['summary', '-o', out], { db: year })).code).toBe(0);
    expect(mode(out)).toBe(0o600);
  });

  it('--force replaces the file whole and keeps it private', async () => {
    const folder = tempDir();
    const out = path.join(folder, 'journal.csv');
    fs.writeFileSync(out, 'old\n', { mode: 0o644 });
    fs.chmodSync(out, 0o644);
    const inode = fs.statSync(out).ino;
    expect((await run(['export', '--format', 'csv', '-o', out, '--force'], { db: year })).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).not.toBe('old\n');
    expect(mode(out)).toBe(0o600);
    // A new file renamed into place, not the old one rewritten.
    expect(fs.statSync(out).ino).not.toBe(inode);
    expect(leftovers(folder)).toEqual([]);
  });

  it.each([
    ['no space left', 'ENOSPC'],
    ['a file size limit', 'EFBIG'],
  ])('a write that fails (%s) leaves the previous file intact: exit 1, one line', async (_what, code) => {
    const folder = tempDir();
    const out = path.join(folder, 'review.md');
    fs.writeFileSync(out, 'the good review\n', { mode: 0o600 });
    const real = fs.writeSync;
    let calls = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      // The first bytes go in, then the disk is full: a cut document if written in place.
      if (typeof args[0] === 'number' && args[0] > 2 && ++calls > 1) throw errnoError(code);
      const [fd, buffer, offset] = args as unknown as [number, Buffer, number];
      return typeof buffer === 'string' || args[0] <= 2
        ? real(...args)
        : real(fd, buffer, offset ?? 0, Math.min(100, buffer.length - (offset ?? 0)));
    }) as typeof fs.writeSync);
    // Written in place, a full disk leaves the start of the document where the old one was.
    const realWriteFile = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, data: string, options?: fs.WriteFileOptions) => {
      realWriteFile(file, data.slice(0, 10), options);
      throw errnoError(code);
    }) as typeof fs.writeFileSync);
    const result = await run(['summary', '-o', out, '--force'], { db: year });
    expect(result.stderr).toMatch(new RegExp(`^perf: cannot write "${out}": ${code}; the existing file was left as it was\\n$`));
    expect(result.code).toBe(1);
    vi.restoreAllMocks();
    expect(fs.readFileSync(out, 'utf8')).toBe('the good review\n');
    expect(leftovers(folder)).toEqual([]);
  });

  it('a symbolic link at the target is refused, and what it points to is untouched', async () => {
    const folder = tempDir();
    const victim = path.join(folder, 'victim.txt');
    fs.writeFileSync(victim, 'precious\n');
    const link = path.join(folder, 'review.md');
    fs.symlinkSync(victim, link);
    await expectRefused(['summary', '-o', link, '--force'], year, /^perf: cannot write ".*review\.md": it is a symbolic link/);
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a dangling symbolic link is refused too (it would create a file elsewhere)', async () => {
    const folder = tempDir();
    const link = path.join(folder, 'review.md');
    fs.symlinkSync(path.join(folder, 'elsewhere.md'), link);
    await expectRefused(['summary', '-o', link], year, /^perf: cannot write ".*review\.md": it is a symbolic link/);
    expect(fs.existsSync(path.join(folder, 'elsewhere.md'))).toBe(false);
  });

  it.each([
    ['a device', () => '/dev/null'],
    [
      'a FIFO',
      () => {
        const fifo = path.join(tempDir(), 'pipe');
        spawnSync('mkfifo', [fifo]);
        return fifo;
      },
    ],
  ])('%s is refused at once with one line, exit 2 (it used to hang)', (_what, make) => {
    const target = make();
    const result = spawnSync(process.execPath, [BIN, 'summary', '-o', target, '--force'], {
      env: { ...process.env, NO_COLOR: '1', PERF_NOW: NOW, PERF_DB: year },
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(result.signal).toBeNull();
    expect(result.stderr).toMatch(/^perf: cannot write ".*": it is not a regular file/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.status).toBe(2);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only folder: exit 1, one line, nothing left behind', async () => {
    const folder = tempDir();
    const out = path.join(folder, 'review.md');
    fs.chmodSync(folder, 0o555);
    try {
      const result = await run(['summary', '-o', out], { db: year });
      expect(result.stderr).toMatch(/^perf: cannot write ".*review\.md": EACCES\n$/);
      expect(result.code).toBe(1);
      expect(fs.readdirSync(folder)).toEqual([]);
    } finally {
      fs.chmodSync(folder, 0o755);
    }
  });

  it.runIf(process.getuid?.() === 0)("run as root in another user's folder, the file is theirs (defect 13)", async () => {
    const folder = tempDir();
    fs.chownSync(folder, 4321, 4321);
    const out = path.join(folder, 'review.md');
    expect((await run(['summary', '-o', out], { db: year })).code).toBe(0);
    expect([fs.statSync(out).uid, fs.statSync(out).gid]).toEqual([4321, 4321]);
  });

  it('a folder where no file can be made: exit 1, one line', async () => {
    const result = await run(['summary', '-o', '/proc/review.md'], { db: year });
    expect(result.stderr).toMatch(/^perf: cannot write "\/proc\/review\.md": E[A-Z]+\n$/);
    expect(result.code).toBe(1);
  });
});
