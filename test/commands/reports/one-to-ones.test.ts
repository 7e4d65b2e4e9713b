import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src/errors.js';
import { createScriptedPrompter } from '../../../src/terminal/prompts.js';
import { dumpDb, expectRefused, run } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';

/** Three one-to-ones, recorded out of order: #1 on 12 Nov, #2 on 29 Oct (back-dated), #3 today (26 Nov). */
const threeOneToOnes = journalFixture(async (db) => {
  for (const args of [
    ['--date', '2026-11-12', '--note', 'Agreed: call Acme\nand Globex'],
    ['--date', '2026-10-29'],
    ['--note', 'Agreed: hire an SE'],
  ]) {
    const result = await run(['checkin', '--done', ...args], { db });
    if (result.code !== 0) throw new Error(result.stderr);
  }
});

async function history(db: string) {
  const result = await run(['checkin', 'history', '--json'], { db });
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout);
}

describe('perf checkin --done --date: a one-to-one recorded afterwards', () => {
  it('takes the day it took place, and the agenda starts from the latest day', async () => {
    const db = await threeOneToOnes();
    const back = await run(['checkin', '--done', '-d', '2026-11-20', '--json'], { db });
    expect(back).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(back.stdout)).toMatchObject({ id: 4, date: '2026-11-20', note: null });
    expect(await run(['checkin', '--done', '-d', '2026-11-19'], { db })).toEqual({
      code: 0,
      stdout: 'Recorded the one-to-one on Thu 19 Nov 2026 (#5).\n',
      stderr: '',
    });
    const agenda = JSON.parse((await run(['checkin', '--json'], { db })).stdout);
    expect(agenda.lastCheckin).toEqual({ date: '2026-11-26', note: 'Agreed: hire an SE' });
  });

  it('refuses a day in the future, a day already recorded, and --date without --done', async () => {
    const db = await threeOneToOnes();
    await expectRefused(
      ['checkin', '--done', '--date', 'tomorrow'],
      db,
      /^perf: --date "tomorrow" is in the future: use today \(2026-11-26\) or an earlier day\n$/,
    );
    await expectRefused(['checkin', '--done', '--date', 'soonish'], db, /^perf: invalid --date "soonish": use /);
    await expectRefused(['checkin', '--done', '--date', '2026-11-12'], db, /^perf: a one-to-one on 2026-11-12 is already recorded \(#1\)/);
    await expectRefused(['checkin', '--date', '2026-11-12'], db, /^perf: --date goes with --done/);
  });
});

describe('perf checkin history', () => {
  it('lists them newest first with ids, as {id, date, note}', async () => {
    const db = await threeOneToOnes();
    expect(await history(db)).toEqual([
      { id: 3, date: '2026-11-26', note: 'Agreed: hire an SE' },
      { id: 1, date: '2026-11-12', note: 'Agreed: call Acme\nand Globex' },
      { id: 2, date: '2026-10-29', note: null },
    ]);
  });

  it('prints them for the terminal', async () => {
    const db = await threeOneToOnes();
    const result = await run(['checkin', 'history'], { db });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        '#3  Thu 26 Nov 2026',
        '    Agreed: hire an SE',
        '#1  Thu 12 Nov 2026',
        '    Agreed: call Acme',
        '    and Globex',
        '#2  Thu 29 Oct 2026',
        '    (no note)',
        '',
      ].join('\n'),
    });
  });

  it('says how to record one when there is none, and creates no journal', async () => {
    const { tempDbPath } = await import('../../helpers.js');
    const missing = tempDbPath();
    expect((await run(['checkin', 'history'], { db: missing })).stdout).toMatch(
      /^No one-to-ones recorded yet: after the meeting, perf checkin --done/,
    );
    expect(await run(['checkin', 'history', '--json'], { db: missing })).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('still leaves the agenda and --done to the parent command', async () => {
    const db = await threeOneToOnes();
    expect((await run(['checkin', '--done', '--date', 'yesterday'], { db })).code).toBe(0);
    expect((await run(['checkin', '--since', '2026-11-01'], { db })).stdout).toMatch(/^Agenda for the one-to-one/);
    await expectRefused(
      ['checkin', 'histroy'],
      db,
      /^perf: unknown command 'checkin histroy' \(Did you mean checkin history\? use history, edit, rm\)\n$/,
    );
  });
});

describe('perf checkin edit', () => {
  it('changes the note, removes it with "", and moves the day', async () => {
    const db = await threeOneToOnes();
    expect(await run(['checkin', 'edit', '2', '--note', 'Agreed: the Q4 plan'], { db })).toEqual({
      code: 0,
      stdout: 'Updated one-to-one #2 (Thu 29 Oct 2026).\n',
      stderr: '',
    });
    expect((await run(['checkin', 'edit', '#1', '--note', '', '--date', '2026-11-13', '--json'], { db })).stdout).toBe(
      `${JSON.stringify({ id: 1, date: '2026-11-13', note: null }, null, 2)}\n`,
    );
    expect(await history(db)).toEqual([
      { id: 3, date: '2026-11-26', note: 'Agreed: hire an SE' },
      { id: 1, date: '2026-11-13', note: null },
      { id: 2, date: '2026-10-29', note: 'Agreed: the Q4 plan' },
    ]);
  });

  it('refuses an unknown id, a bad id, nothing to change, a future day, and a day already taken', async () => {
    const db = await threeOneToOnes();
    await expectRefused(
      ['checkin', 'edit', '9', '--note', 'x'],
      db,
      /^perf: no one-to-one with id 9: see the ids with perf checkin history\n$/,
    );
    await expectRefused(['checkin', 'edit', 'abc', '--note', 'x'], db, /^perf: invalid one-to-one id "abc": use the number shown/);
    await expectRefused(['checkin', 'edit', '1'], db, /^perf: nothing to change: give --date or --note/);
    await expectRefused(['checkin', 'edit', '1', '--date', 'next week'], db, /--date "next week" is in the future/);
    await expectRefused(
      ['checkin', 'edit', '1', '--date', '2026-10-29'],
      db,
      /^perf: a one-to-one on 2026-10-29 is already recorded \(#2\): one a day; edit or remove #2 instead\n$/,
    );
  });

  it('keeps a one-to-one on its own day', async () => {
    const db = await threeOneToOnes();
    expect((await run(['checkin', 'edit', '1', '--date', '2026-11-12', '--note', 'same day'], { db })).code).toBe(0);
  });
});

describe('perf checkin rm', () => {
  it('removes with --yes, and the agenda falls back to the one before', async () => {
    const db = await threeOneToOnes();
    expect(await run(['checkin', 'rm', '3', '--yes'], { db })).toEqual({
      code: 0,
      stdout: 'Deleted one-to-one #3 (Thu 26 Nov 2026).\n',
      stderr: '',
    });
    expect((await history(db)).map((o: { id: number }) => o.id)).toEqual([1, 2]);
    expect(JSON.parse((await run(['checkin', '--json'], { db })).stdout)).toMatchObject({
      from: '2026-11-12',
      lastCheckin: { date: '2026-11-12' },
    });
  });

  it('prints the deleted one-to-one as JSON with --json', async () => {
    const db = await threeOneToOnes();
    const [, second] = await history(db);
    const result = await run(['checkin', 'rm', String(second.id), '--yes', '--json'], { db });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(second);
  });

  it('asks in a terminal; no keeps it', async () => {
    const db = await threeOneToOnes();
    const yes = createScriptedPrompter([true]);
    expect(await run(['checkin', 'rm', '2'], { db, tty: true, prompter: yes })).toMatchObject({
      code: 0,
      stdout: 'Deleted one-to-one #2 (Thu 29 Oct 2026).\n',
    });
    expect(yes.asked).toEqual(['Delete the one-to-one #2 of Thu 29 Oct 2026?']);
    const before = dumpDb(db);
    expect(await run(['checkin', 'rm', '1'], { db, tty: true, prompter: createScriptedPrompter([false]) })).toEqual({
      code: 130,
      stdout: '',
      stderr: 'perf: kept it: nothing was deleted\n',
    });
    expect((await run(['checkin', 'rm', '1'], { db, tty: true, prompter: createScriptedPrompter([new CancelledError()]) })).code).toBe(130);
    expect(dumpDb(db)).toEqual(before);
  });

  it('refuses without --yes outside a terminal, an unknown id and one already removed', async () => {
    const db = await threeOneToOnes();
    await expectRefused(['checkin', 'rm', '1'], db, /^perf: perf checkin rm needs --yes when not run in a terminal\n$/);
    await expectRefused(['checkin', 'rm', '0', '--yes'], db, /^perf: invalid one-to-one id "0"/);
    expect((await run(['checkin', 'rm', '1', '--yes'], { db })).code).toBe(0);
    await expectRefused(['checkin', 'rm', '1', '--yes'], db, /^perf: no one-to-one with id 1: see the ids with perf checkin history\n$/);
    await expectRefused(['checkin', 'edit', '1', '--note', 'back'], db, /^perf: no one-to-one with id 1/);
  });
});
