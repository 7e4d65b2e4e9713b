import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listWords } from '../../../src/domain/words.js';
import { RELATIONSHIPS } from '../../../src/domain/feedback.js';
import { expectRefused, run, tempDbPath, stderrAfterCreating } from '../../helpers.js';
import { journalFixture, newJournal } from '../../harness/journals.js';

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
    [
      'feedback',
      'add',
      'Jane turned our renewal around in a week and kept us informed every step of the way.',
      '--from',
      'Bob Stone',
      '--relationship',
      'customer',
      '-d',
      '2026-11-20',
    ],
    ['feedback', 'add', 'Thanks', 'for', 'sorting', 'the', 'invoices', '--from', 'Sam', '--relationship', 'admin', '-d', '2026-11-24'],
    ['feedback', 'add', 'Always shares what works', '--from', 'Ana', '--relationship', 'Peer', '-d', '2026-11-24'],
  ]) {
    const result = await run(args, { db });
    expect(stderrAfterCreating(result.stderr, db)).toBe('');
  }
});

describe('perf feedback add', () => {
  it('records who said what, when, about which competency', async () => {
    const db = newJournal();
    const result = await run(['feedback', 'add', 'Best demo this quarter', '--from', 'Maria', '--relationship', 'manager', '-c', 'pres'], {
      db,
    });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Recorded feedback · #1 · Thu 26 Nov 2026 · from Maria (manager) · ◆ presentation\n',
    });
  });

  it('--json prints the feedback in the CLI.md shape', async () => {
    const db = await journal();
    const result = await run(
      ['feedback', 'add', 'Clear proposal', '--from', 'Lee', '--relationship', 'other manager', '--date', 'yesterday', '--json'],
      { db },
    );
    expect(JSON.parse(result.stdout)).toEqual({
      id: 5,
      date: '2026-11-25',
      from: 'Lee',
      relationship: 'other-manager',
      competency: null,
      text: 'Clear proposal',
      starred: false,
      constructive: false,
      createdAt: '2026-11-26T15:00:00.000Z',
    });
  });

  it.each([
    [['feedback', 'add', '  ', '--from', 'Maria', '--relationship', 'manager'], /the feedback is empty: give what they said/],
    [['feedback', 'add', 'Nice work', '--relationship', 'manager'], /feedback needs --from <name>: who gave it/],
    [['feedback', 'add', 'Nice work', '--from', ' ', '--relationship', 'manager'], /feedback needs --from <name>/],
    [
      ['feedback', 'add', 'Nice work', '--from', 'Maria'],
      /feedback needs --relationship: manager, peer, other-manager, admin, customer or direct-report/,
    ],
    [
      ['feedback', 'add', 'Nice work', '--from', 'Maria', '--relationship', 'friend'],
      /unknown relationship "friend": use manager, peer, other-manager, admin, customer or direct-report/,
    ],
    [
      ['feedback', 'add', 'Nice work', '--from', 'Maria', '--relationship', 'peer', '-c', 'c'],
      /competency "c" is ambiguous: it matches closing, communication, collaboration/,
    ],
    [['feedback', 'add', 'Nice work', '--from', 'Maria', '--relationship', 'peer', '-c', 'haggling'], /unknown competency "haggling"/],
    [['feedback', 'add', 'Nice work', '--from', 'Maria', '--relationship', 'peer', '-d', 'next week'], /date "next week" is in the future/],
    [
      ['feedback', 'add', 'Nice work', '--from', 'Maria', '--relationship', 'peer', '-d', '2026-11-27'],
      /date "2026-11-27" is in the future/,
    ],
    [['feedback', 'add', '--from', 'Maria', '--relationship', 'peer'], /missing required argument 'text'/],
  ])('refuses %j', async (args, message) => {
    const db = await journal();
    await expectRefused(args, db, message);
  });

  it('refuses bad feedback without creating a missing journal', async () => {
    const db = tempDbPath();
    await expectRefused(['feedback', 'add', 'Nice', '--relationship', 'peer'], db, /--from/);
    expect(fs.existsSync(db)).toBe(false);
  });
});

describe('perf feedback (list)', () => {
  it('reads like quotes, newest first, with counts by relationship', async () => {
    const db = await journal();
    const result = await run(['feedback'], { db });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Feedback · all time · 4 items: 1 manager, 1 peer, 1 admin, 1 customer',
        '',
        '  “Always shares what works”',
        '     — Ana, peer · Tue 24 Nov · #4',
        '',
        '  “Thanks for sorting the invoices”',
        '     — Sam, admin · Tue 24 Nov · #3',
        '',
        '  “Jane turned our renewal around in a week and kept us informed every step of',
        '   the way.”',
        '     — Bob Stone, customer · Fri 20 Nov · #2',
        '',
        '  “Great discovery call with Initech”',
        '     — Maria, manager · Thu 10 Sep · discovery · #1',
        '',
      ].join('\n'),
    );
    expect((await run(['feedback', 'list'], { db })).stdout).toBe(result.stdout);
  });

  it('filters by period, dates, relationship and competency', async () => {
    const db = await journal();
    expect((await run(['feedback', '--period', 'this-month'], { db })).stdout).toMatch(
      /^Feedback · November 2026 · 3 items: 1 peer, 1 admin, 1 customer\n/,
    );
    expect((await run(['feedback', 'list', '--from', '2026-11-21', '--to', '2026-11'], { db })).stdout).toMatch(
      /^Feedback · 2026-11-21 – 2026-11-30 · 2 items: 1 peer, 1 admin\n/,
    );
    expect((await run(['feedback', '--relationship', 'customer'], { db })).stdout).toContain('1 item: 1 customer');
    expect((await run(['feedback', '-c', 'discovery'], { db })).stdout).toContain('Great discovery call');
    expect((await run(['feedback', '--period', '2025'], { db })).stdout).toBe('No feedback in 2025.\n');
    expect((await run(['feedback', '--to', '2020-01-01'], { db })).stdout).toBe('No feedback until 2020-01-01.\n');
    expect((await run(['feedback', '--from', '2026-11-26', '--by', 'Nobody'], { db })).stdout).toBe(
      'No feedback from "Nobody" since 2026-11-26.\n',
    );
  });

  it('filters by who gave it with --by, and takes a plural relationship', async () => {
    const db = await journal();
    expect((await run(['feedback', '--by', 'bob'], { db })).stdout).toMatch(/^Feedback · from "bob" · all time · 1 item: 1 customer\n/);
    expect((await run(['feedback', 'list', '--by', 'STONE', '--json'], { db })).stdout).toMatch(/"from": "Bob Stone"/);
    expect((await run(['feedback', '--by', 'Bob', '--period', '2025'], { db })).stdout).toBe('No feedback from "Bob" in 2025.\n');
    expect((await run(['feedback', '--relationship', 'peers'], { db })).stdout).toContain('1 item: 1 peer');
    expect((await run(['feedback', 'add', 'Sharp', '--from', 'Lee', '--relationship', 'Direct Reports'], { db })).stdout).toContain(
      'from Lee (direct-report)',
    );
  });

  it('lists in its help exactly the relationships it accepts', async () => {
    const help = (await run(['feedback', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`--relationship <relationship> only from one relationship: ${listWords(RELATIONSHIPS)}`);
    const addHelp = (await run(['feedback', 'add', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(addHelp).toContain(`${listWords(RELATIONSHIPS)} (required)`);
  });

  it('--json prints a flat array', async () => {
    const db = await journal();
    const list = JSON.parse((await run(['feedback', '--json', '--relationship', 'manager'], { db })).stdout) as unknown[];
    expect(list).toEqual([
      {
        id: 1,
        date: '2026-09-10',
        from: 'Maria',
        relationship: 'manager',
        competency: 'discovery',
        text: 'Great discovery call with Initech',
        starred: false,
        constructive: false,
        createdAt: '2026-11-26T15:00:00.000Z',
      },
    ]);
  });

  it('prints the empty state on a missing journal without creating it', async () => {
    const db = tempDbPath();
    const result = await run(['feedback'], { db });
    expect(result.stdout).toBe(
      'No feedback yet. Record what someone said:\n  perf feedback add "Great demo" --from Maria --relationship manager\n',
    );
    expect(JSON.parse((await run(['feedback', '--json'], { db })).stdout)).toEqual([]);
    expect(fs.existsSync(db)).toBe(false);
  });

  it.each([
    [['feedback', '--relationship', 'boss'], /unknown relationship "boss"/],
    [['feedback', '--period', 'someday'], /unknown period "someday"/],
    [['feedback', 'list', '-c', 'c'], /is ambiguous/],
    [['feedback', '--by', ' '], /^perf: --by needs a name or part of one, e.g. --by Maria\n$/],
    [['feedback', '--from', 'Bob'], /^perf: invalid --from date "Bob": use YYYY-MM-DD, .*; to filter by person use --by Bob\n$/],
    [['feedback', 'list', '--from', 'Bob Stone'], /; to filter by person use --by "Bob Stone"\n$/],
    [['feedback', '--to', 'Bob'], /^perf: invalid --to date "Bob": use [^;]*\n$/],
    [['feedback', '--relationship', 'peerz'], /unknown relationship "peerz"/],
  ])('refuses %j', async (args, message) => {
    await expectRefused(args, await journal(), message);
  });
});

describe('perf feedback show', () => {
  it('shows one in full, or as JSON', async () => {
    const db = await journal();
    const result = await run(['feedback', 'show', '1'], { db });
    expect(result.stdout).toBe(
      [
        'Feedback #1',
        '',
        '  “Great discovery call with Initech”',
        '',
        '  From        Maria (manager)',
        '  Date        Thu 10 Sep 2026',
        '  Competency  discovery',
        '  Recorded    2026-11-26 15:00',
        '',
      ].join('\n'),
    );
    expect(JSON.parse((await run(['feedback', 'show', '#2', '--json'], { db })).stdout)).toMatchObject({ id: 2, from: 'Bob Stone' });
  });

  it('refuses an unknown or invalid id', async () => {
    const db = await journal();
    await expectRefused(['feedback', 'show', '9'], db, /no feedback with id 9: see the ids with perf feedback/);
    await expectRefused(['feedback', 'show', 'abc'], db, /invalid feedback id "abc"/);
  });
});
