import { describe, expect, it } from 'vitest';
import { createScriptedPrompter } from '../../../src/terminal/prompts.js';
import { dumpDb, expectRefused, run, stderrAfterCreating } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';

// Feedback #1 (Maria, manager, discovery) and #2 (Bob Stone, customer).
const journal = journalFixture(async (db) => {
  for (const args of [
    [
      'feedback',
      'add',
      'Great discovery call with Initech',
      '--from',
      'Maria',
      '--relationship',
      'manager',
      '-c',
      'disc',
      '-d',
      '2026-09-10',
    ],
    ['feedback', 'add', 'Turned our renewal around in a week', '--from', 'Bob Stone', '--relationship', 'customer', '-d', '2026-11-20'],
  ]) {
    expect(stderrAfterCreating((await run(args, { db })).stderr, db)).toBe('');
  }
});

async function shown(db: string, id: number): Promise<Record<string, unknown>> {
  return JSON.parse((await run(['feedback', 'show', String(id), '--json'], { db })).stdout) as Record<string, unknown>;
}

describe('perf feedback edit', () => {
  it('changes the text, who said it, the relationship, the day and the competency', async () => {
    const db = await journal();
    const result = await run(
      [
        'feedback',
        'edit',
        '2',
        'Turned',
        'the',
        'renewal',
        'around',
        '--from',
        'Bob  Stone Jr',
        '--relationship',
        'peers',
        '-d',
        '2026-11-19',
        '-c',
        'neg',
        '--json',
      ],
      { db },
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      id: 2,
      date: '2026-11-19',
      from: 'Bob Stone Jr',
      relationship: 'peer',
      competency: 'negotiation',
      text: 'Turned the renewal around',
      starred: false,
      constructive: false,
      createdAt: '2026-11-26T15:00:00.000Z',
    });
    expect(await shown(db, 2)).toEqual(JSON.parse(result.stdout));
  });

  it('takes --text, unlinks the competency with --competency "", and confirms in text', async () => {
    const db = await journal();
    const result = await run(['feedback', 'edit', '1', '--text', 'Great discovery call', '-c', ''], { db });
    expect(result).toEqual({ code: 0, stderr: '', stdout: 'Updated feedback · #1 · Thu 10 Sep 2026 · from Maria (manager)\n' });
    expect(await shown(db, 1)).toMatchObject({ text: 'Great discovery call', competency: null });
  });

  it.each([
    [
      ['feedback', 'edit', '1'],
      /^perf: nothing to change: give new text, --from, --relationship, --competency, --date, --star or --constructive$/m,
    ],
    [['feedback', 'edit', '9', '--from', 'Ana'], /^perf: no feedback with id 9: see the ids with perf feedback$/m],
    [['feedback', 'edit', '1', 'New', '--text', 'Other'], /^perf: give the new text as words or with --text, not both$/m],
    [['feedback', 'edit', '1', '--text', '  '], /^perf: the feedback is empty/m],
    [['feedback', 'edit', '1', '--from', ' '], /^perf: feedback needs --from <name>/m],
    [['feedback', 'edit', '1', '--relationship', 'boss'], /^perf: unknown relationship "boss": use manager, peer/m],
    [['feedback', 'edit', '1', '-c', 'juggling'], /^perf: unknown competency "juggling"/m],
    [['feedback', 'edit', '1', '-d', 'next friday'], /^perf: date "next friday" is in the future/m],
  ])('refuses %j and writes nothing', async (args, message) => {
    await expectRefused(args, await journal(), message);
  });

  it('refuses to edit removed feedback', async () => {
    const db = await journal();
    expect((await run(['feedback', 'rm', '1', '--yes'], { db })).code).toBe(0);
    await expectRefused(['feedback', 'edit', '1', '--from', 'Ana'], db, /^perf: no feedback with id 1: see the ids with perf feedback$/m);
  });
});

describe('perf feedback rm', () => {
  it('deletes with --yes, and --json prints what was deleted', async () => {
    const db = await journal();
    const before = await shown(db, 2);
    const result = await run(['feedback', 'rm', '2', '--yes', '--json'], { db });
    expect(JSON.parse(result.stdout)).toEqual(before);
    const left = JSON.parse((await run(['feedback', '--json'], { db })).stdout) as { id: number }[];
    expect(left.map((f) => f.id)).toEqual([1]);
    expect((await run(['feedback', 'rm', '1', '--yes'], { db })).stdout).toBe(
      'Deleted feedback · #1 · Thu 10 Sep 2026 · from Maria (manager) · ◆ discovery\n',
    );
  });

  it('asks in a terminal, naming what was said', async () => {
    const db = await journal();
    const before = dumpDb(db);
    const no = createScriptedPrompter([false]);
    expect(await run(['feedback', 'rm', '2'], { db, tty: true, prompter: no })).toEqual({
      code: 130,
      stdout: '',
      stderr: 'perf: kept it: nothing was deleted\n',
    });
    expect(no.asked).toEqual(['Delete feedback #2 (Bob Stone, 2026-11-20: "Turned our renewal around in a week")?']);
    expect(dumpDb(db)).toEqual(before);
  });

  it.each([
    [['feedback', 'rm', '2'], /^perf: perf feedback rm needs --yes when not run in a terminal$/m],
    [['feedback', 'rm', '3', '--yes'], /^perf: no feedback with id 3: see the ids with perf feedback$/m],
  ])('refuses %j and writes nothing', async (args, message) => {
    await expectRefused(args, await journal(), message);
  });
});
