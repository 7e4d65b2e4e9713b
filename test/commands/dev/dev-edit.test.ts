import { describe, expect, it } from 'vitest';
import { createScriptedPrompter } from '../../../src/terminal/prompts.js';
import { dumpDb, expectRefused, run, stderrAfterCreating } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';

/** #1 in progress since 2 Nov, #2 planned, #3 done on 15 Oct (never started), #4 dropped. */
const journal = journalFixture(async (db) => {
  for (const args of [
    ['dev', 'add', 'Negotiation workshop', '-c', 'negotiation', '--due', '2026-11-20', '--assigned-by', '2025 appraisal'],
    ['dev', 'add', 'Read SPIN Selling', '-c', 'discovery', '--due', '2027-03-31'],
    ['dev', 'add', 'Product certification', '-c', 'product'],
    ['dev', 'add', 'Public speaking course'],
    ['dev', 'start', '1', '--date', '2026-11-02', '--note', 'Booked the March cohort'],
    ['dev', 'done', '3', '--date', '2026-10-15', '--note', 'Passed with 92%'],
    ['dev', 'drop', '4', '--date', '2026-11-10', '--note', 'Course cancelled'],
  ]) {
    expect(stderrAfterCreating((await run(args, { db })).stderr, db)).toBe('');
  }
});

async function listed(db: string): Promise<Record<string, unknown>[]> {
  return JSON.parse((await run(['dev', '--all', '--json'], { db })).stdout) as Record<string, unknown>[];
}

describe('perf dev edit', () => {
  it('changes what the activity is, and prints it in the shape of the listing', async () => {
    const db = await journal();
    const args = [
      'dev',
      'edit',
      '2',
      '--title',
      ' Read  SPIN Selling again',
      '-c',
      'closing',
      '--due',
      '2027-04-30',
      '--assigned-by',
      'Maria',
      '--json',
    ];
    const result = await run(args, { db });
    expect(result.stderr).toBe('');
    const edited = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(edited).toMatchObject({
      id: 2,
      title: 'Read SPIN Selling again',
      competency: 'closing',
      due: '2027-04-30',
      assignedBy: 'Maria',
      status: 'planned',
    });
    expect((await listed(db)).find((a) => a.id === 2)).toEqual(edited);
  });

  it('clears the competency, due day and assigner with ""', async () => {
    const db = await journal();
    const result = await run(['dev', 'edit', '1', '-c', '', '--due', '', '--assigned-by', ''], { db });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Updated #1 Negotiation workshop · in progress since Mon 2 Nov\n  Started: Booked the March cohort\n',
    });
    expect((await listed(db)).find((a) => a.id === 1)).toMatchObject({ competency: null, due: null, assignedBy: null });
  });

  it('corrects the days and notes of the steps taken', async () => {
    const db = await journal();
    expect((await run(['dev', 'edit', '1', '--started', '2026-11-01', '--start-note', 'Booked April'], { db })).code).toBe(0);
    expect(
      (await run(['dev', 'edit', '3', '--started', '2026-10-01', '--completed', '2026-10-16', '--outcome', 'Passed'], { db })).code,
    ).toBe(0);
    const all = await listed(db);
    expect(all.find((a) => a.id === 1)).toMatchObject({ startedAt: '2026-11-01', startNote: 'Booked April', status: 'in-progress' });
    expect(all.find((a) => a.id === 3)).toMatchObject({
      startedAt: '2026-10-01',
      completedAt: '2026-10-16',
      outcome: 'Passed',
      status: 'done',
    });
  });

  it.each([
    [
      ['dev', 'edit', '1'],
      /^perf: nothing to change: give --title, --competency, --due, --assigned-by, --started, --start-note, --completed or --outcome$/m,
    ],
    [['dev', 'edit', '1', '--json'], /^perf: nothing to change: give --title/m],
    [['dev', 'edit', '9', '--title', 'X'], /^perf: no development activity with id 9: see the ids with perf dev --all$/m],
    [['dev', 'edit', '1', '--title', ' '], /^perf: the development activity needs a title/m],
    [['dev', 'edit', '1', '-c', 'juggling'], /^perf: unknown competency "juggling"/m],
    [['dev', 'edit', '1', '--due', 'someday'], /due date "someday"/m],
    [['dev', 'edit', '1', '--started', '2027-01-01'], /^perf: date "2027-01-01" is in the future/m],
    [
      ['dev', 'edit', '2', '--started', '2026-11-01'],
      /^perf: development activity #2 has not started, so it has no --started or --start-note: start it with perf dev start 2$/m,
    ],
    [
      ['dev', 'edit', '1', '--outcome', 'Done'],
      /^perf: development activity #1 is not done or dropped, so it has no --completed or --outcome: finish it with perf dev done 1$/m,
    ],
    [
      ['dev', 'edit', '4', '--completed', '2026-10-01', '--started', '2026-10-05'],
      /^perf: development activity #4 cannot end on 2026-10-01, before it started on 2026-10-05/m,
    ],
  ])('refuses %j and writes nothing', async (args, message) => {
    await expectRefused(args, await journal(), message);
  });

  it('refuses to edit a removed activity', async () => {
    const db = await journal();
    expect((await run(['dev', 'rm', '4', '--yes'], { db })).code).toBe(0);
    await expectRefused(
      ['dev', 'edit', '4', '--title', 'X'],
      db,
      /^perf: no development activity with id 4: see the ids with perf dev --all$/m,
    );
  });
});

describe('perf dev rm', () => {
  it('deletes with --yes, and --json prints what was deleted', async () => {
    const db = await journal();
    const before = (await listed(db)).find((a) => a.id === 4);
    const result = await run(['dev', 'rm', '4', '--yes', '--json'], { db });
    expect(JSON.parse(result.stdout)).toEqual(before);
    expect((await listed(db)).map((a) => a.id).sort()).toEqual([1, 2, 3]);
    expect((await run(['dev', 'rm', '2', '--yes'], { db })).stdout).toBe(
      'Deleted #2 Read SPIN Selling · discovery · planned · due Wed 31 Mar 2027\n',
    );
  });

  it('asks in a terminal', async () => {
    const db = await journal();
    const before = dumpDb(db);
    const no = createScriptedPrompter([false]);
    expect(await run(['dev', 'rm', '1'], { db, tty: true, prompter: no })).toEqual({
      code: 130,
      stdout: '',
      stderr: 'perf: kept it: nothing was deleted\n',
    });
    expect(no.asked).toEqual(['Delete development activity #1 ("Negotiation workshop", in-progress)?']);
    expect(dumpDb(db)).toEqual(before);
  });

  it.each([
    [['dev', 'rm', '1'], /^perf: perf dev rm needs --yes when not run in a terminal$/m],
    [['dev', 'rm', '0', '--yes'], /^perf: invalid development activity id "0"/m],
  ])('refuses %j and writes nothing', async (args, message) => {
    await expectRefused(args, await journal(), message);
  });
});
