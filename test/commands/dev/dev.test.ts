import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dumpDb, expectRefused, run, tempDbPath, stderrAfterCreating } from '../../helpers.js';
import { journalFixture, newJournal } from '../../harness/journals.js';

/** #1 overdue, #2 due later, #3 no due date, #4 due soon, #5 done, #6 dropped. */
const journal = journalFixture(async (db) => {
  for (const args of [
    ['dev', 'add', 'Negotiation workshop', '-c', 'negotiation', '--due', '2026-11-20', '--assigned-by', '2025 appraisal'],
    ['dev', 'add', 'Read SPIN Selling', '-c', 'discovery', '--due', '2027-03-31'],
    ['dev', 'add', 'Shadow Ana on enterprise demos', '-c', 'pres', '--assigned-by', 'Maria'],
    ['dev', 'add', 'CRM hygiene coaching', '-c', 'pipeline', '--due', '2026-12-04'],
    ['dev', 'add', 'Product certification', '-c', 'product'],
    ['dev', 'add', 'Public speaking course'],
    ['dev', 'start', '1', '--date', '2026-11-02'],
    ['dev', 'done', '5', '--date', '2026-10-15', '--note', 'Passed with 92%'],
    ['dev', 'drop', '6', '--date', '2026-11-10', '--note', 'Course cancelled'],
  ]) {
    const result = await run(args, { db });
    expect(stderrAfterCreating(result.stderr, db)).toBe('');
  }
});

type Row = Record<string, unknown>;
function activities(db: string): Row[] {
  return (JSON.parse(dumpDb(db) ?? '{}') as { dump: { development: Row[] } }).dump.development;
}

describe('perf dev add', () => {
  it('plans an activity for a competency', async () => {
    const db = newJournal();
    const result = await run(
      ['dev', 'add', 'Negotiation', 'workshop', '-c', 'neg', '--due', 'march 31', '--assigned-by', '2025 appraisal'],
      { db },
    );
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Planned #1 Negotiation workshop · negotiation · planned · due Wed 31 Mar 2027\n  assigned by 2025 appraisal\n',
    });
  });

  it('--json prints the activity in the CLI.md shape', async () => {
    const db = newJournal();
    const result = await run(['dev', 'add', 'Read SPIN Selling', '--json'], { db });
    expect(JSON.parse(result.stdout)).toEqual({
      id: 1,
      title: 'Read SPIN Selling',
      competency: null,
      assignedBy: null,
      due: null,
      status: 'planned',
      overdue: false,
      startedAt: null,
      startNote: null,
      completedAt: null,
      outcome: null,
      createdAt: '2026-11-26T15:00:00.000Z',
    });
  });

  it.each([
    ['friday', '2026-11-27'],
    ['march 3', '2027-03-03'],
    ['tomorrow', '2026-11-27'],
    ['2027-06-30', '2027-06-30'],
    // Planned late, it is overdue from the start: a due day may be past.
    ['yesterday', '2026-11-25'],
  ])('--due %j looks forward: %s', async (due, expected) => {
    const db = newJournal();
    expect(JSON.parse((await run(['dev', 'add', 'Course', '--due', due, '--json'], { db })).stdout)).toMatchObject({ due: expected });
  });

  it.each([
    [['dev', 'add', ' ', '-c', 'negotiation'], /the development activity needs a title/],
    [['dev', 'add', 'Course', '-c', 'c'], /competency "c" is ambiguous: it matches closing, communication, collaboration/],
    [['dev', 'add', 'Course', '-c', 'haggling'], /unknown competency "haggling"/],
    [['dev', 'add', 'Course', '--due', 'whenever'], /invalid due date "whenever"/],
  ])('refuses %j', async (args, message) => {
    await expectRefused(args, await journal(), message);
  });
});

describe('perf dev (list)', () => {
  it('lists open activities, overdue first, then by due date', async () => {
    const db = await journal();
    const result = await run(['dev'], { db });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Development plan · 4 open, 1 overdue',
        '',
        '  #1  Negotiation workshop overdue by 6 days',
        '      negotiation · in progress since Mon 2 Nov · due Fri 20 Nov',
        '      assigned by 2025 appraisal',
        '',
        '  #4  CRM hygiene coaching',
        '      pipeline-management · planned · due Fri 4 Dec',
        '',
        '  #2  Read SPIN Selling',
        '      discovery · planned · due Wed 31 Mar 2027',
        '',
        '  #3  Shadow Ana on enterprise demos',
        '      presentation · planned · assigned by Maria',
        '',
      ].join('\n'),
    );
    expect((await run(['dev', 'list'], { db })).stdout).toBe(result.stdout);
  });

  it('--all adds the done and dropped ones, with their outcome', async () => {
    const db = await journal();
    const result = await run(['dev', '--all'], { db });
    expect(result.stdout).toContain('Development plan · 4 open, 1 overdue, 2 closed');
    expect(result.stdout).toMatch(
      /#6 {2}Public speaking course\n {6}dropped Tue 10 Nov\n {6}why: Course cancelled\n\n {2}#5 {2}Product certification\n {6}product-knowledge · done Thu 15 Oct\n {6}outcome: Passed with 92%\n$/,
    );
  });

  it('--json prints a flat array in the plan order', async () => {
    const db = await journal();
    const list = JSON.parse((await run(['dev', '--json'], { db })).stdout) as Row[];
    expect(list.map((a) => a.id)).toEqual([1, 4, 2, 3]);
    expect(list[0]).toEqual({
      id: 1,
      title: 'Negotiation workshop',
      competency: 'negotiation',
      assignedBy: '2025 appraisal',
      due: '2026-11-20',
      status: 'in-progress',
      overdue: true,
      startedAt: '2026-11-02',
      startNote: null,
      completedAt: null,
      outcome: null,
      createdAt: '2026-11-26T15:00:00.000Z',
    });
    const all = JSON.parse((await run(['dev', 'list', '--all', '--json'], { db })).stdout) as Row[];
    expect(all.map((a) => [a.id, a.status, a.completedAt])).toEqual([
      [1, 'in-progress', null],
      [4, 'planned', null],
      [2, 'planned', null],
      [3, 'planned', null],
      [6, 'dropped', '2026-11-10'],
      [5, 'done', '2026-10-15'],
    ]);
  });

  it('prints the empty state on a missing journal without creating it', async () => {
    const db = tempDbPath();
    expect((await run(['dev'], { db })).stdout).toBe(
      'No open development activities (perf dev --all shows finished ones).\nPlan one: perf dev add "Negotiation course" -c negotiation --due 2027-03-31\n',
    );
    expect(JSON.parse((await run(['dev', '--json'], { db })).stdout)).toEqual([]);
    expect(fs.existsSync(db)).toBe(false);
  });
});

describe('perf dev start|done|drop', () => {
  it('starts, finishes with an outcome, and drops with a reason', async () => {
    const db = await journal();
    expect((await run(['dev', 'start', '2', '-d', 'yesterday'], { db })).stdout).toBe(
      'Started #2 Read SPIN Selling · discovery · in progress since Wed 25 Nov\n  due Wed 31 Mar 2027\n',
    );
    const done = await run(['dev', 'done', '1', '--note', 'Now trading terms for price'], { db });
    expect(done.stdout).toBe(
      'Done #1 Negotiation workshop · negotiation · done Thu 26 Nov\n  assigned by 2025 appraisal\n  Outcome: Now trading terms for price\n',
    );
    expect((await run(['dev', 'drop', '#3'], { db })).stdout).toBe(
      'Dropped #3 Shadow Ana on enterprise demos · presentation · dropped Thu 26 Nov\n  assigned by Maria\n',
    );
    expect(
      activities(db)
        .slice(0, 3)
        .map((a) => [a.id, a.status, a.started_on, a.completed_on, a.outcome]),
    ).toEqual([
      [1, 'done', '2026-11-02', '2026-11-26', 'Now trading terms for price'],
      [2, 'in-progress', '2026-11-25', null, null],
      [3, 'dropped', null, '2026-11-26', null],
    ]);
  });

  it('lists what --note means for each change in its help', async () => {
    expect((await run(['dev', 'start', '--help'])).stdout).toMatch(/--note <text> +a note on starting/);
    expect((await run(['dev', 'done', '--help'])).stdout).toMatch(/--note <text> +the outcome/);
  });

  it('keeps a note on starting apart from the outcome', async () => {
    const db = await journal();
    const started = await run(['dev', 'start', '2', '--note', 'Booked for the March cohort', '--json'], { db });
    expect(JSON.parse(started.stdout)).toMatchObject({
      id: 2,
      status: 'in-progress',
      startNote: 'Booked for the March cohort',
      outcome: null,
    });
    const done = await run(['dev', 'done', '2', '--note', 'Asking better questions'], { db });
    expect(done.stdout).toContain('Started: Booked for the March cohort');
    expect(done.stdout).toContain('Outcome: Asking better questions');
    expect(activities(db)[1]).toMatchObject({ start_note: 'Booked for the March cohort', outcome: 'Asking better questions' });
    expect((await run(['dev', '--all'], { db })).stdout).toContain('started: Booked for the March cohort');
  });

  it('can finish a planned activity without starting it', async () => {
    const db = await journal();
    await run(['dev', 'done', '4'], { db });
    expect(activities(db)[3]).toMatchObject({ status: 'done', started_on: null, completed_on: '2026-11-26' });
  });

  it.each([
    [['dev', 'start', '99'], /no development activity with id 99: see the ids with perf dev --all/],
    [['dev', 'done', 'abc'], /invalid development activity id "abc"/],
    [['dev', 'done', '6'], /development activity #6 was dropped on 2026-11-10, so it cannot be done: plan a new one with perf dev add/],
    [['dev', 'start', '5'], /development activity #5 was done on 2026-10-15, so it cannot be started/],
    [['dev', 'start', '6'], /development activity #6 was dropped on 2026-11-10, so it cannot be started/],
    [['dev', 'start', '1'], /development activity #1 is already in progress since 2026-11-02/],
    [['dev', 'done', '5'], /development activity #5 is already done \(2026-10-15\)/],
    [['dev', 'drop', '5'], /development activity #5 was done on 2026-10-15, so it cannot be dropped/],
    [['dev', 'drop', '6'], /development activity #6 is already dropped/],
    [['dev', 'done', '1', '--date', '2026-11-01'], /started on 2026-11-02: it cannot end on 2026-11-01/],
    [['dev', 'start', '2', '--date', 'tomorrow'], /date "tomorrow" is in the future/],
    [['dev', 'done', '1', '--date', 'tomorrow'], /date "tomorrow" is in the future: use today \(2026-11-26\) or an earlier day/],
    [['dev', 'done', '2', '-d', '2026-12-01'], /date "2026-12-01" is in the future/],
    [['dev', 'drop', '2', '--date', 'next monday'], /date "next monday" is in the future/],
    [['dev', 'start', '6', '--note', 'booked'], /was dropped on 2026-11-10/],
  ])('refuses %j', async (args, message) => {
    await expectRefused(args, await journal(), message);
  });

  it('refuses an unknown id without creating a missing journal', async () => {
    const db = tempDbPath();
    await expectRefused(['dev', 'done', '1'], db, /no development activity with id 1/);
    expect(fs.existsSync(db)).toBe(false);
  });
});
