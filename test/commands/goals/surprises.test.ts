import { describe, expect, it } from 'vitest';
import { createScriptedPrompter } from '../../../src/terminal/prompts.js';
import { dumpDb, run, stderrAfterCreating, type RunResult } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';

async function ok(db: string, args: string[]): Promise<RunResult> {
  const result = await run(args, { db });
  expect(stderrAfterCreating(result.stderr, db)).toBe('');
  expect(result.code).toBe(0);
  return result;
}

async function current(db: string, slug: string): Promise<unknown> {
  return (JSON.parse((await ok(db, ['goals', 'show', slug, '--json'])).stdout) as { current: unknown }).current;
}

const span = ['--start', '2026-10-07', '--due', '2027-01-15'];

/** q3-arr: 300,000, at 100,000 (update #1), then +50,000 (update #2); churn 5 → 2; meddpicc without a target. */
const seed = journalFixture(async (db) => {
  await ok(db, ['goals', 'add', 'Close $300,000 new ARR', '--target', '300000', '--unit', 'USD', ...span, '--slug', 'q3-arr']);
  await ok(db, ['goals', 'add', 'Cut churn to 2%', '--baseline', '5', '--target', '2', '--unit', '%', ...span, '--slug', 'churn']);
  await ok(db, ['goals', 'add', 'Get MEDDPICC certified', '--slug', 'meddpicc', '--start', '2026-10-07']);
  await ok(db, ['goals', 'update', 'q3-arr', '100000', '-d', '2026-10-31']);
  await ok(db, ['goals', 'update', 'q3-arr', '+50000', '-d', '2026-11-10']);
});

const SIX_X =
  'q3-arr at $1,810,000 is 6x the target ($300,000), and the change (+$1,660,000) is 17x the largest earlier change (+$100,000)';

describe('an update far past the target or far beyond earlier changes', () => {
  it('warns on stderr in one line outside a terminal, and saves', async () => {
    const db = await seed();
    const result = await run(['goals', 'update', 'q3-arr', '1810000'], { db });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`perf: warning: ${SIX_X}; saved anyway (--yes skips this check)\n`);
    expect(await current(db, 'q3-arr')).toBe(1810000);
  });

  it('is silent with --yes', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'q3-arr', '1810000', '--yes']);
    expect(await current(db, 'q3-arr')).toBe(1810000);
  });

  it('asks in a terminal: no saves nothing, yes saves', async () => {
    const db = await seed();
    const before = dumpDb(db);
    const no = createScriptedPrompter([false]);
    expect(await run(['goals', 'update', 'q3-arr', '1810000'], { db, tty: true, prompter: no })).toEqual({
      code: 130,
      stdout: '',
      stderr: 'perf: cancelled, nothing was saved\n',
    });
    expect(no.asked).toEqual([`${SIX_X}: save it anyway?`]);
    expect(dumpDb(db)).toEqual(before);
    const yes = await run(['goals', 'update', 'q3-arr', '1810000'], { db, tty: true, prompter: createScriptedPrompter([true]) });
    expect(yes.code).toBe(0);
    expect(await current(db, 'q3-arr')).toBe(1810000);
  });

  it('does not ask about ordinary updates, in a terminal or not', async () => {
    const db = await seed();
    // 5x the target exactly, and 10x the largest earlier change exactly.
    await ok(db, ['goals', 'update', 'q3-arr', '+1000000']);
    const result = await run(['goals', 'update', 'q3-arr', '1500000'], { db, tty: true, prompter: createScriptedPrompter([]) });
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  it('catches a jump alone', async () => {
    const db = await seed();
    const result = await run(['goals', 'update', 'q3-arr', '+1000001'], { db });
    expect(result.stderr).toBe(
      'perf: warning: q3-arr would move by +$1,000,001, 10x the largest earlier change (+$100,000); saved anyway (--yes skips this check)\n',
    );
  });

  it('on a falling goal: falling more than five times as far as planned', async () => {
    const db = await seed();
    // -16 is a change: 5 - 16 = -11, five and a third times the planned fall of 3.
    const result = await run(['goals', 'update', 'churn', '-16'], { db });
    expect(result.stderr).toBe(
      'perf: warning: churn at -11% is 5.3x as far from the baseline (5%) as the target (2%); saved anyway (--yes skips this check)\n',
    );
    // Moving the wrong way is not "past the target": only a jump would be asked about.
    const other = await seed();
    await ok(other, ['goals', 'update', 'churn', '30']);
  });

  it('on a goal without a target: only the jump', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'meddpicc', '2']);
    await ok(db, ['goals', 'update', 'meddpicc', '3']);
    const result = await run(['goals', 'update', 'meddpicc', '50'], { db });
    expect(result.stderr).toBe(
      'perf: warning: meddpicc would move by +47, 24x the largest earlier change (+2); saved anyway (--yes skips this check)\n',
    );
    // A first value has nothing to compare with, however large.
    const other = await seed();
    await ok(other, ['goals', 'update', 'meddpicc', '1000000']);
  });

  it('applies to goals updates edit', async () => {
    const db = await seed();
    const result = await run(['goals', 'updates', 'edit', '2', '--value', '+5000000'], { db });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^perf: warning: q3-arr at \$5,100,000 is 17x the target \(\$300,000\), and the change \(\+\$5,000,000\) is 50x the largest earlier change \(\+\$100,000\); saved anyway/,
    );
    const before = dumpDb(db);
    const no = createScriptedPrompter([false]);
    expect(await run(['goals', 'updates', 'edit', '1', '--value', '2000000'], { db, tty: true, prompter: no })).toEqual({
      code: 130,
      stdout: '',
      stderr: 'perf: cancelled, nothing was saved\n',
    });
    expect(dumpDb(db)).toEqual(before);
    // A note-only edit changes no number, so it asks nothing.
    await ok(db, ['goals', 'updates', 'edit', '2', '--note', 'typo, really']);
  });

  it('applies to perf log --goal --progress', async () => {
    const db = await seed();
    const warned = await run(['log', 'Signed Globex', '--goal', 'q3-arr', '--progress', '2000000'], { db });
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(
      /^perf: warning: q3-arr at \$2,150,000 is 7.2x the target \(\$300,000\), and the change \(\+\$2,000,000\) is 20x the largest earlier change \(\+\$100,000\); saved anyway \(--yes skips this check\)\n$/,
    );
    const other = await seed();
    await ok(other, ['log', 'Signed Globex', '--goal', 'q3-arr', '--progress', '2000000', '--yes']);
    const before = dumpDb(other);
    const no = createScriptedPrompter([false]);
    const declined = await run(['log', 'Signed Initech', '--goal', 'q3-arr', '--progress', '30000000'], {
      db: other,
      tty: true,
      prompter: no,
    });
    expect(declined).toEqual({ code: 130, stdout: '', stderr: 'perf: cancelled, nothing was saved\n' });
    expect(no.asked).toEqual([
      'q3-arr at $32,150,000 is 107x the target ($300,000), and the change (+$30,000,000) is 15x the largest earlier change (+$2,000,000): save it anyway?',
    ]);
    expect(dumpDb(other)).toEqual(before);
  });
});
