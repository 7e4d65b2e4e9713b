import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnPerf, tempDbPath, tempDir } from '../helpers.js';

// A few runs of the built binary (npm test builds first), as a rep would type them.
describe('the perf binary', () => {
  it('logs a first note on a fresh journal, then lists it', () => {
    const db = path.join(tempDir(), 'data', 'journal.db');
    const logged = spawnPerf(['log', 'First call'], { db });
    expect(logged).toEqual({ code: 0, stdout: 'Logged · #1 · Thu 26 Nov 2026\n', stderr: '' });
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);

    const listed = spawnPerf(['notes'], { db });
    expect(listed).toEqual({ code: 0, stdout: 'Thu 26 Nov\n  #1\n    First call\n', stderr: '' });
  });

  it.each([
    [['--help'], /^Usage: perf \[options\] \[command\]/],
    [['-h'], /^Usage: perf \[options\] \[command\]/],
    [['log', '--help'], /^Usage: perf log \[options\] \[text\.\.\.\][\s\S]*Examples:/],
    [[], /^Journal status/],
  ])('perf %j prints help or the status without creating the journal', (args, usage) => {
    const db = path.join(tempDir(), 'missing-folder', 'journal.db');
    const result = spawnPerf(args, { db });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(usage);
    expect(result.stderr).toBe('');
    expect(fs.existsSync(path.dirname(db))).toBe(false);
  });

  it.each([['--version'], ['-V']])('perf %s prints the version without opening the journal', (flag) => {
    const db = path.join(tempDir(), 'missing-folder', 'journal.db');
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(spawnPerf([flag], { db })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(fs.existsSync(path.dirname(db))).toBe(false);
  });

  it('reads the note from stdin when it is not a terminal', () => {
    const db = tempDbPath();
    const logged = spawnPerf(['log', '--type', 'meeting'], { db, input: 'Pipeline review with Maria #pipeline\n' });
    expect(logged).toEqual({ code: 0, stdout: 'Logged · #1 · Thu 26 Nov 2026 · meeting · #pipeline\n', stderr: '' });
    const [note] = JSON.parse(spawnPerf(['notes', '--json'], { db }).stdout) as { text: string; type: string; tags: string[] }[];
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
