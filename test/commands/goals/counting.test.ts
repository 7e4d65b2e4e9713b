import { describe, expect, it } from 'vitest';
import { expectRefused, run, stderrAfterCreating, tempDbPath, type RunResult } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';

// Today is Thursday 2026-11-26. The counting goals run 2026-10-01 → 2026-12-31 (91 days); today is
// day 56, so the calendar line stands at 56/91 of the target.
const SPAN = ['--start', '2026-10-01', '--due', '2026-12-31'];

async function ok(db: string, args: string[]): Promise<RunResult> {
  const result = await run(args, { db });
  expect(stderrAfterCreating(result.stderr, db)).toBe('');
  expect(result.code).toBe(0);
  return result;
}

async function goal(db: string, ref: string): Promise<Record<string, unknown>> {
  return JSON.parse((await ok(db, ['goals', 'show', ref, '--json'])).stdout) as Record<string, unknown>;
}

const seed = journalFixture(async (db) => {
  await ok(db, ['log', 'Kick-off before the quarter', '--type', 'meeting', '-d', '2026-09-30']);
  await ok(db, ['log', 'Discovery with Acme', '--type', 'meeting', '-d', '2026-10-05', '-a', 'Acme Corp']);
  await ok(db, ['log', 'Demo for Beta #demo', '--type', 'meeting', '-d', '2026-11-02', '-a', 'Beta']);
  await ok(db, ['log', 'Second Beta meeting', '--type', 'meeting', '-d', '2026-11-20', '-a', 'BETA']);
  await ok(db, ['log', 'Called Gamma', '--type', 'call', '-d', '2026-11-21', '-a', 'Beta']);
  await ok(db, ['deals', 'add', 'early-win', '--value', '99', '--won', '2026-09-01']);
  await ok(db, ['deals', 'add', 'acme-renewal', '--value', '1000', '--won', '2026-10-10']);
  await ok(db, ['deals', 'add', 'beta-expansion', '--value', '2500.5', '--won', '2026-11-01']);
  await ok(db, ['deals', 'add', 'gamma-pilot', '--value', '500', '--lost', '2026-11-05']);
  await ok(db, ['deals', 'add', 'delta-new', '--value', '7000']);
});

describe('goals that count themselves', () => {
  it('counts meeting notes in the window, with pace and projection like any goal', async () => {
    const db = await seed();
    await ok(db, ['goals', 'add', 'Meetings booked', '--target', '10', '--counts', 'type:meeting', ...SPAN]);
    expect(await goal(db, 'meetings-booked')).toMatchObject({
      current: 3,
      percent: 30,
      expected: 6.15,
      pace: 'behind',
      projected: 4.88,
      lastCheckin: '2026-11-20',
      rule: { counts: ['type:meeting'] },
      outcome: null,
    });
    // The value is always current: a new meeting counts at once.
    await ok(db, ['log', 'Third Beta meeting', '--type', 'meeting']);
    expect(await goal(db, 'meetings-booked')).toMatchObject({ current: 4 });
  });

  it('combines repeated --counts with AND; an account matches whole, in any case; a tag by name', async () => {
    const db = await seed();
    await ok(db, ['goals', 'add', 'Beta meetings', '--target', '5', '--counts', 'type:meeting', '--counts', 'account:beta', ...SPAN]);
    await ok(db, ['goals', 'add', 'Beta demos', '--target', '5', '--counts', 'tag:demo', '--counts', 'type:meeting', ...SPAN]);
    await ok(db, ['goals', 'add', 'Acme touches', '--target', '5', '--counts', 'account:Acme', ...SPAN]);
    expect(await goal(db, 'beta-meetings')).toMatchObject({ current: 2, rule: { counts: ['type:meeting', 'account:beta'] } });
    expect(await goal(db, 'beta-demos')).toMatchObject({ current: 1 });
    // "Acme" is not the account "Acme Corp".
    expect(await goal(db, 'acme-touches')).toMatchObject({ current: 0 });
  });

  it('counts deals won or lost, and sums the values of won deals, closed in the window', async () => {
    const db = await seed();
    await ok(db, ['goals', 'add', 'Wins', '--target', '4', '--counts', 'deals:won', ...SPAN]);
    await ok(db, ['goals', 'add', 'Losses', '--target', '3', '--counts', 'deals:lost', ...SPAN]);
    await ok(db, ['goals', 'add', 'Quota', '--target', '10000', '--unit', 'USD', '--sums', 'deals:won', ...SPAN]);
    expect(await goal(db, 'wins')).toMatchObject({ current: 2, percent: 50 });
    expect(await goal(db, 'losses')).toMatchObject({ current: 1 });
    expect(await goal(db, 'quota')).toMatchObject({ current: 3500.5, percent: 35, rule: { sums: ['deals:won'] } });
  });

  it('shows the counted value in perf status and the summary', async () => {
    const db = await seed();
    await ok(db, ['goals', 'add', 'Meetings booked', '--target', '10', '--counts', 'type:meeting', ...SPAN]);
    const summary = JSON.parse((await ok(db, ['summary', '--json', '--from', '2026-10-01', '--to', '2026-11-26'])).stdout) as {
      goals: { slug: string; valueAtEnd: number }[];
    };
    expect(summary.goals.find((g) => g.slug === 'meetings-booked')).toMatchObject({ valueAtEnd: 3 });
  });

  it('refuses manual updates and --goal g:n on a goal that counts itself', async () => {
    const db = await seed();
    await ok(db, ['goals', 'add', 'Meetings booked', '--target', '10', '--counts', 'type:meeting', ...SPAN]);
    await expectRefused(
      ['goals', 'update', 'meetings-booked', '+1'],
      db,
      /goal "meetings-booked" counts itself \(type:meeting\), so \+1 cannot change it/,
    );
    await expectRefused(['goals', 'update', 'meetings-booked', '7'], db, /counts itself/);
    await expectRefused(['log', 'Met Acme', '--goal', 'meetings-booked:2'], db, /so --goal meetings-booked:2 cannot change it/);
  });

  it('refuses an unknown rule key naming it and the accepted keys, and rules that do not go together', async () => {
    const db = await seed();
    await expectRefused(
      ['goals', 'add', 'Odd', '--target', '3', '--counts', 'stage:won'],
      db,
      /^perf: unknown rule key "stage" in --counts "stage:won": use type:X, tag:X, account:X, deals:won, deals:lost\n$/,
    );
    await expectRefused(['goals', 'add', 'Odd', '--target', '3', '--counts', 'deals:open'], db, /deals:won or deals:lost/);
    // A type the journal does not have would count nothing, for ever: a typo is said at once.
    await expectRefused(
      ['goals', 'add', 'Odd', '--target', '3', '--counts', 'type:meetng'],
      db,
      /^perf: unknown note type "meetng" in --counts "type:meetng": use one of call, email, meeting, .*, note \(your own types: perf config set note\.types\)\n$/,
    );
    await ok(db, ['goals', 'add', 'Meetings booked', '--target', '10', '--counts', 'type:meeting', ...SPAN]);
    await expectRefused(['goals', 'edit', 'meetings-booked', '--counts', 'type:Visit'], db, /unknown note type "Visit" in --counts/);
    await expectRefused(['goals', 'add', 'Odd', '--target', '3', '--sums', 'deals:lost'], db, /only deals:won/);
    await expectRefused(
      ['goals', 'add', 'Odd', '--target', '3', '--counts', 'deals:won', '--counts', 'type:call'],
      db,
      /cannot be combined/,
    );
    await expectRefused(['goals', 'add', 'Odd', '--target', '3', '--counts', 'type:call', '--sums', 'deals:won'], db, /do not go together/);
    await expectRefused(
      ['goals', 'add', 'Odd', '--target', '3', '--every', 'week'],
      db,
      /invalid --every "week": use quarter, month or year/,
    );
  });

  it('never creates a journal for a refused rule', async () => {
    const db = tempDbPath();
    const result = await run(['goals', 'add', 'Odd', '--counts', 'colour:red'], { db });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown rule key "colour"/);
  });

  it('edit sets a rule on a goal without updates and --counts "" stops counting', async () => {
    const db = await seed();
    await ok(db, ['goals', 'add', 'Calls', '--target', '10', ...SPAN]);
    await ok(db, ['goals', 'edit', 'calls', '--counts', 'type:call']);
    expect(await goal(db, 'calls')).toMatchObject({ current: 1, rule: { counts: ['type:call'] } });
    await ok(db, ['goals', 'edit', 'calls', '--counts', '']);
    expect(await goal(db, 'calls')).toMatchObject({ current: 0, rule: null });
    await ok(db, ['goals', 'update', 'calls', '+2']);
    await expectRefused(['goals', 'edit', 'calls', '--counts', 'type:call'], db, /has 1 update that a counting rule would ignore/);
  });

  it('exports the rule, every and outcome (version 3) and imports them back', async () => {
    const db = await seed();
    await ok(db, ['goals', 'add', 'Meetings booked', '--target', '10', '--counts', 'type:meeting', '--every', 'quarter', ...SPAN]);
    const dump = JSON.parse((await ok(db, ['export', '--format', 'json'])).stdout) as { version: number; goals: Record<string, unknown>[] };
    expect(dump.version).toBe(3);
    expect(dump.goals[0]).toMatchObject({ rule: { counts: ['type:meeting'] }, every: 'quarter', outcome: null, rolledFrom: null });
    const file = `${db}.export.json`;
    (await import('node:fs')).writeFileSync(file, JSON.stringify(dump));
    const copy = tempDbPath();
    await ok(copy, ['import', file]);
    expect(await goal(copy, 'meetings-booked')).toMatchObject({ current: 3, rule: { counts: ['type:meeting'] }, every: 'quarter' });
    const bad = { ...dump, goals: [{ ...dump.goals[0], rule: { counts: ['mood:good'] } }] };
    (await import('node:fs')).writeFileSync(file, JSON.stringify(bad));
    const other = tempDbPath();
    const refused = await run(['import', file], { db: other });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/rule/);
  });
});
