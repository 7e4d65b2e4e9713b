import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colourRun, plainRun, stripSgr } from '../../harness/colour.js';
import { newJournal } from '../../harness/journals.js';
import { run, tempDbPath } from '../../helpers.js';

async function journal() {
  const db = newJournal();
  for (const args of [
    ['Called Acme #renewal', '-a', 'Acme', '-d', '2026-11-02'],
    ['Acme again #renewal #pricing', '-a', 'ACME', '-d', '2026-11-20'],
    ['Met Globex #pricing', '-a', 'Globex', '-d', '2026-10-01'],
    ['First Acme call', '-a', 'acme corp', '-d', '2026-01-05'],
    ['Old acme note', '-a', 'acme', '-d', '2025-06-01'],
    ['No account, one tag #renewal', '-d', '2026-11-25'],
  ]) {
    const result = await run(['log', ...args], { db });
    expect(result.code).toBe(0);
  }
  return db;
}

describe('perf tags and perf accounts (issue 13 item 2)', () => {
  it('perf tags --json: every tag with its count and last use, most used first', async () => {
    const result = await run(['tags', '--json'], { db: await journal() });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([
      { name: 'renewal', count: 3, last: '2026-11-25' },
      { name: 'pricing', count: 2, last: '2026-11-20' },
    ]);
  });

  it('perf accounts --json: any case is one account, in the spelling first used', async () => {
    const result = await run(['accounts', '--json'], { db: await journal() });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([
      { name: 'acme', count: 3, last: '2026-11-20' },
      { name: 'acme corp', count: 1, last: '2026-01-05' },
      { name: 'Globex', count: 1, last: '2026-10-01' },
    ]);
  });

  it('the views are the same with colour on and off, and name the counts and days', async () => {
    const db = await journal();
    for (const command of ['tags', 'accounts']) {
      const plain = await plainRun([command], { db });
      const colour = await colourRun([command], { db });
      expect(colour.stdout).not.toBe(plain.stdout);
      expect(stripSgr(colour.stdout)).toBe(plain.stdout);
    }
    const tags = (await plainRun(['tags'], { db })).stdout;
    expect(tags).toMatch(/#renewal\s+3\s+25 Nov 2026 \(yesterday\)/);
    const accounts = (await plainRun(['accounts'], { db })).stdout;
    expect(accounts).toMatch(/acme\s+3\s+20 Nov 2026 \(6 days ago\)/);
  });

  it('on a missing journal: the empty state, nothing created', async () => {
    const db = tempDbPath();
    expect((await run(['tags'], { db })).stdout).toMatch(/^No tags yet/);
    expect((await run(['accounts'], { db })).stdout).toMatch(/^No accounts yet/);
    expect(JSON.parse((await run(['accounts', '--json'], { db })).stdout)).toEqual([]);
    expect(fs.existsSync(db)).toBe(false);
  });
});
