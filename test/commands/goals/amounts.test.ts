import { describe, expect, it } from 'vitest';
import { expectRefused, run, stderrAfterCreating } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';

async function ok(db: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await run(args, { db, env });
  expect(stderrAfterCreating(result.stderr, db)).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const seed = journalFixture(async (db) => {
  await ok(db, ['goals', 'add', 'Close new ARR', '--target', '500k', '--slug', 'arr', '--start', '2026-10-01']);
});

async function value(db: string): Promise<number> {
  const goal = JSON.parse(await ok(db, ['goals', 'show', 'arr', '--json'])) as { current: number; target: number };
  return goal.current;
}

describe('amounts typed in every locale', () => {
  it('reads 34k and 1.2m', async () => {
    const db = await seed();
    expect(JSON.parse(await ok(db, ['goals', 'show', 'arr', '--json'])).target).toBe(500000);
    await ok(db, ['goals', 'update', 'arr', '34k']);
    expect(await value(db)).toBe(34000);
    await ok(db, ['goals', 'update', 'arr', '+1.2m', '--yes']);
    expect(await value(db)).toBe(1234000);
  });

  it('reads €34.000 as 34000 when numbers.decimal is a comma', async () => {
    const db = await seed();
    await ok(db, ['config', 'set', 'numbers.decimal', ',']);
    await ok(db, ['goals', 'update', 'arr', '€34.000']);
    expect(await value(db)).toBe(34000);
    await ok(db, ['log', 'Signed Acme', '--goal', 'arr', '-p', '1.000,50', '--yes']);
    expect(await value(db)).toBe(35000.5);
  });

  it('takes the decimal mark from the locale when it is not set', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'arr', '34.000'], { LANG: 'de_DE.UTF-8' });
    expect(await value(db)).toBe(34000);
    await ok(db, ['goals', 'update', 'arr', '34.000'], { LANG: 'en_US.UTF-8' });
    expect(await value(db)).toBe(34);
    await ok(db, ['goals', 'update', 'arr', '34.000'], { LANG: 'de_DE.UTF-8', LC_ALL: 'C' });
    expect(await value(db)).toBe(34);
  });

  it('refuses a number with the wrong marks for the setting, and writes nothing', async () => {
    const db = await seed();
    await expectRefused(
      ['goals', 'update', 'arr', '34.000,50'],
      db,
      /^perf: invalid value "34\.000,50": use a number to set the goal \(120, 34k, €34,000\) or a change \(\+15, -5\); decimals take a point: perf config set numbers\.decimal\n$/,
    );
    await ok(db, ['config', 'set', 'numbers.decimal', ',']);
    await expectRefused(['log', 'x', '--goal', 'arr', '-p', '3,40,0'], db, /^perf: invalid --progress "3,40,0": .*decimals take a comma/);
    await expectRefused(['goals', 'edit', 'arr', '--target', '1,234.5'], db, /^perf: invalid --target "1,234\.5": /);
    // Under the comma, €34,000 is 34 euros: the example is one the comma reads as meant.
    await expectRefused(
      ['goals', 'update', 'arr', '3,40,0'],
      db,
      /^perf: invalid value "3,40,0": use a number to set the goal \(120, 34k, €34\.000\) or a change \(\+15, -5\); decimals take a comma/,
    );
  });
});
