import { describe, expect, it } from 'vitest';
import { expectRefused, run, stderrAfterCreating } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';
import { colourRun, plainRun, stripSgr } from '../../harness/colour.js';

// Feedback #1 starred praise, #2 constructive criticism, #3 neither.
const journal = journalFixture(async (db) => {
  for (const args of [
    ['feedback', 'add', 'Best renewal call yet', '--from', 'Bob', '--relationship', 'customer', '-d', '2026-09-10', '--star'],
    [
      'feedback',
      'add',
      'Rushed the close',
      '--from',
      'Maria',
      '--relationship',
      'manager',
      '-c',
      'obj',
      '--constructive',
      '-d',
      '2026-10-01',
    ],
    ['feedback', 'add', 'Thanks for the deck', '--from', 'Ana', '--relationship', 'peer', '-d', '2026-11-01'],
  ]) {
    expect(stderrAfterCreating((await run(args, { db })).stderr, db)).toBe('');
  }
});

async function listed(db: string): Promise<{ id: number; starred: boolean; constructive: boolean }[]> {
  return JSON.parse((await run(['feedback', '--json'], { db })).stdout);
}

describe('perf feedback --star / --constructive', () => {
  it('stores the flags and shows them in JSON', async () => {
    const db = await journal();
    const flags = (await listed(db)).map(({ id, starred, constructive }) => ({ id, starred, constructive }));
    expect(flags).toEqual([
      { id: 3, starred: false, constructive: false },
      { id: 2, starred: false, constructive: true },
      { id: 1, starred: true, constructive: false },
    ]);
  });

  it('sets and clears them with feedback edit', async () => {
    const db = await journal();
    let result = await run(['feedback', 'edit', '3', '--star', '--constructive', '--json'], { db });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 3, starred: true, constructive: true, text: 'Thanks for the deck' });
    result = await run(['feedback', 'edit', '1', '--no-star', '--json'], { db });
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 1, starred: false, constructive: false });
    result = await run(['feedback', 'edit', '2', '--no-constructive', '--json'], { db });
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 2, starred: false, constructive: false });
  });

  it('marks them in the listing, the same with colour on and off', async () => {
    const db = await journal();
    const plain = await plainRun(['feedback'], { db });
    const colour = await colourRun(['feedback'], { db });
    expect(plain.stdout).toMatch(/Bob, customer.*★ starred/);
    expect(plain.stdout).toMatch(/Maria, manager.*constructive/);
    expect(plain.stdout).not.toMatch(/Ana, peer.*(starred|constructive)/);
    expect(colour.stdout).not.toBe(plain.stdout);
    expect(stripSgr(colour.stdout)).toBe(plain.stdout);
    expect((await run(['feedback', 'show', '2'], { db })).stdout).toMatch(/Marked\s+constructive/);
  });

  it('refuses --star on an unknown id, writing nothing', async () => {
    const db = await journal();
    await expectRefused(['feedback', 'edit', '9', '--star'], db, /no feedback with id 9/);
  });
});
