import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src/errors.js';
import { createScriptedPrompter } from '../../../src/terminal/prompts.js';
import { dumpDb, expectRefused, run, tempDbPath } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';

// Ratings #1 (negotiation 3, self), #2 (closing 4, manager Maria), #3 (negotiation 4, peer Ana).
const journal = journalFixture(async (db) => {
  expect((await run(['rate', 'negotiation', '3', '--date', '2026-10-01', '--note', 'lost two on price'], { db })).code).toBe(0);
  expect((await run(['rate', 'closing', '4', '--source', 'manager', '--by', 'Maria', '--date', '2026-03-02'], { db })).code).toBe(0);
  expect((await run(['rate', 'negotiation', '4', '--source', 'peer', '--by', 'Ana', '--date', '2026-11-20'], { db })).code).toBe(0);
});

async function listed(db: string, args: string[] = []): Promise<Record<string, unknown>[]> {
  const result = await run(['ratings', ...args, '--json'], { db });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Record<string, unknown>[];
}

describe('perf ratings', () => {
  it('lists every rating with its id, newest first', async () => {
    const db = await journal();
    expect(await listed(db)).toEqual([
      { id: 3, competency: 'negotiation', date: '2026-11-20', rating: 4, source: 'peer', by: 'Ana', note: null },
      { id: 1, competency: 'negotiation', date: '2026-10-01', rating: 3, source: 'self', by: null, note: 'lost two on price' },
      { id: 2, competency: 'closing', date: '2026-03-02', rating: 4, source: 'manager', by: 'Maria', note: null },
    ]);
    expect((await listed(db, ['neg'])).map((r) => r.id)).toEqual([3, 1]);
  });

  it('shows the ids in the text listing', async () => {
    const db = await journal();
    const result = await run(['ratings'], { db });
    expect(result.stdout).toBe(
      [
        'Ratings · 3 ratings, newest first',
        '',
        '  #3  negotiation 4/5 · peer, Ana · Fri 20 Nov',
        '  #1  negotiation 3/5 · self · Thu 1 Oct · lost two on price',
        '  #2  closing 4/5 · manager, Maria · Mon 2 Mar',
        '',
        'Fix one: perf ratings edit <id> --rating 4 · delete one: perf ratings rm <id>',
        '',
      ].join('\n'),
    );
  });

  it('says so when there are none, without creating the journal', async () => {
    const db = tempDbPath();
    expect(await run(['ratings', 'closing'], { db })).toEqual({
      code: 0,
      stderr: '',
      stdout: 'No ratings of closing yet. Rate it: perf rate closing 3\n',
    });
    expect(dumpDb(db)).toBeNull();
  });

  it('refuses an unknown competency, and names the subcommands for a mistyped one', async () => {
    const db = await journal();
    await expectRefused(['ratings', 'juggling'], db, /unknown competency "juggling"/);
    await expectRefused(['ratings', 'edt', '3'], db, /^perf: unknown command 'ratings edt' \(Did you mean ratings edit\? use edit, rm\)$/m);
  });
});

describe('perf ratings edit', () => {
  it('changes the rating, the day and the note, and prints it as listed', async () => {
    const db = await journal();
    const result = await run(['ratings', 'edit', '1', '--rating', '2', '-d', '2026-09-30', '--note', '', '--json'], { db });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      id: 1,
      competency: 'negotiation',
      date: '2026-09-30',
      rating: 2,
      source: 'self',
      by: null,
      note: null,
    });
    expect((await listed(db)).find((r) => r.id === 1)).toMatchObject({ rating: 2, date: '2026-09-30', note: null });
  });

  it('confirms in text', async () => {
    const db = await journal();
    expect(await run(['ratings', 'edit', '2', '--rating', '5'], { db })).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Updated rating #2: closing 5/5 · manager, Maria · Mon 2 Mar 2026\n',
    });
  });

  it('takes the manager from config for a new manager source, and drops the old name', async () => {
    const db = await journal();
    await run(['config', 'set', 'manager', 'Maria Lopez'], { db });
    await run(['ratings', 'edit', '3', '--source', 'manager'], { db });
    expect((await listed(db)).find((r) => r.id === 3)).toMatchObject({ source: 'manager', by: 'Maria Lopez' });
    await run(['ratings', 'edit', '3', '--source', 'self'], { db });
    expect((await listed(db)).find((r) => r.id === 3)).toMatchObject({ source: 'self', by: null });
    await run(['ratings', 'edit', '2', '--by', 'Jo'], { db });
    expect((await listed(db)).find((r) => r.id === 2)).toMatchObject({ source: 'manager', by: 'Jo' });
  });

  it.each([
    [['ratings', 'edit', '1'], /^perf: nothing to change: give --rating, --date, --source, --by or --note$/m],
    [['ratings', 'edit', '99', '--rating', '2'], /^perf: no rating with id 99: see the ids with perf ratings$/m],
    [['ratings', 'edit', 'x', '--rating', '2'], /^perf: invalid rating id "x": use the number shown in the list/],
    [['ratings', 'edit', '1', '--rating', '6'], /^perf: invalid rating "6": use a whole number from 1 to 5$/m],
    [['ratings', 'edit', '1', '--source', 'boss'], /^perf: unknown source "boss": use self, manager, peer, customer or other$/m],
    [['ratings', 'edit', '1', '-d', '2027-01-01'], /^perf: date "2027-01-01" is in the future/],
    [['ratings', 'edit', '1', '--by', 'Maria'], /^perf: --by "Maria" names who rated you: add --source manager, peer, customer or other$/m],
    [['ratings', 'edit', '3', '--source', 'self', '--by', 'Ana'], /^perf: --by "Ana" names who rated you/],
  ])('refuses %j and writes nothing', async (args, message) => {
    await expectRefused(args, await journal(), message);
  });

  it('refuses to edit a removed rating', async () => {
    const db = await journal();
    expect((await run(['ratings', 'rm', '1', '--yes'], { db })).code).toBe(0);
    await expectRefused(['ratings', 'edit', '1', '--rating', '2'], db, /^perf: no rating with id 1: see the ids with perf ratings$/m);
  });
});

describe('perf ratings rm', () => {
  it('deletes with --yes and prints the deleted rating', async () => {
    const db = await journal();
    const result = await run(['ratings', 'rm', '2', '--yes', '--json'], { db });
    expect(JSON.parse(result.stdout)).toEqual({
      id: 2,
      competency: 'closing',
      date: '2026-03-02',
      rating: 4,
      source: 'manager',
      by: 'Maria',
      note: null,
    });
    expect((await listed(db)).map((r) => r.id)).toEqual([3, 1]);
    expect((await run(['ratings', 'rm', '3', '--yes'], { db })).stdout).toBe(
      'Deleted rating #3: negotiation 4/5 · peer, Ana · Fri 20 Nov 2026\n',
    );
  });

  it('asks in a terminal, and keeps it on no or Ctrl-C', async () => {
    const db = await journal();
    const before = dumpDb(db);
    const no = createScriptedPrompter([false]);
    expect(await run(['ratings', 'rm', '1'], { db, tty: true, prompter: no })).toEqual({
      code: 130,
      stdout: '',
      stderr: 'perf: kept it: nothing was deleted\n',
    });
    expect(no.asked).toEqual(['Delete rating #1 (negotiation 3, self, 2026-10-01)?']);
    const cancelled = await run(['ratings', 'rm', '1'], { db, tty: true, prompter: createScriptedPrompter([new CancelledError()]) });
    expect(cancelled.code).toBe(130);
    expect(dumpDb(db)).toEqual(before);
    expect((await run(['ratings', 'rm', '1'], { db, tty: true, prompter: createScriptedPrompter([true]) })).code).toBe(0);
    expect((await listed(db)).map((r) => r.id)).toEqual([3, 2]);
  });

  it.each([
    [['ratings', 'rm', '1'], /^perf: perf ratings rm needs --yes when not run in a terminal$/m],
    [['ratings', 'rm', '42', '--yes'], /^perf: no rating with id 42: see the ids with perf ratings$/m],
  ])('refuses %j and writes nothing', async (args, message) => {
    await expectRefused(args, await journal(), message);
  });
});
