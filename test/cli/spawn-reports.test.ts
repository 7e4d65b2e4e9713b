import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnPerf, tempDbPath, tempDir } from '../helpers.js';

// The built program, run as a user runs it (npm test builds first).
describe('the real binary', () => {
  it('`perf` alone shows the status without creating the journal', () => {
    const db = tempDbPath();
    const result = spawnPerf([], { db });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Journal status · Thu 26 Nov 2026\n/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('logs, summarises to a file, exports and restores elsewhere', () => {
    const db = tempDbPath();
    expect(spawnPerf(['log', 'Signed Globex, "3-year" deal 🎉', '--type', 'win', '--star', '-a', 'Globex'], { db }).code).toBe(0);
    const dir = tempDir();
    const review = path.join(dir, 'review.md');
    expect(spawnPerf(['summary', '--format', 'md', '-o', review], { db }).stdout).toBe(`Wrote the summary to ${review}.\n`);
    expect(fs.readFileSync(review, 'utf8')).toContain('Signed Globex, "3-year" deal 🎉');
    const refused = spawnPerf(['summary', '--format', 'md', '-o', review], { db });
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);

    const backup = path.join(dir, 'backup.json');
    expect(spawnPerf(['export', '-o', backup], { db }).code).toBe(0);
    const other = tempDbPath();
    expect(spawnPerf(['import', backup], { db: other }).stdout.replace(/\n\s*/g, ' ')).toMatch(/^Restored .* 1 note/);
    const strip = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '');
    expect(strip(spawnPerf(['export'], { db: other }).stdout)).toBe(strip(fs.readFileSync(backup, 'utf8')));
  });
});
