import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDbPath, tempDir } from '../../helpers.js';

// A rep's round trip through the reports and the backup file; test/e2e/spawn.test.ts runs the built binary.
describe('the reports, end to end', () => {
  it('`perf` alone shows the status without creating the journal', async () => {
    const db = tempDbPath();
    const result = await run([], { db });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Journal status · Thu 26 Nov 2026\n/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('logs, summarises to a file, exports and restores elsewhere', async () => {
    const db = tempDbPath();
    expect((await run(['log', 'Signed Globex, "3-year" deal 🎉', '--type', 'win', '--star', '-a', 'Globex'], { db })).code).toBe(0);
    const dir = tempDir();
    const review = path.join(dir, 'review.md');
    expect((await run(['summary', '--format', 'md', '-o', review], { db })).stdout).toBe(`Wrote the summary to ${review}.\n`);
    expect(fs.readFileSync(review, 'utf8')).toContain('Signed Globex, "3-year" deal 🎉');
    const refused = await run(['summary', '--format', 'md', '-o', review], { db });
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);

    const backup = path.join(dir, 'backup.json');
    expect((await run(['export', '-o', backup], { db })).code).toBe(0);
    const other = tempDbPath();
    expect((await run(['import', backup], { db: other })).stdout.replace(/\n\s*/g, ' ')).toMatch(/^Restored .* 1 note/);
    const strip = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '');
    expect(strip((await run(['export'], { db: other })).stdout)).toBe(strip(fs.readFileSync(backup, 'utf8')));
  });
});
