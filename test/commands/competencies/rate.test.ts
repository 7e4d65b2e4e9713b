import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src/errors.js';
import { ACCEPT_DEFAULT, createScriptedPrompter } from '../../../src/terminal/prompts.js';
import { dumpDb, expectRefused, run, tempDbPath } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';

const journal = journalFixture(async (db) => {
  expect((await run(['rate', 'negotiation', '3', '--date', '2026-10-01'], { db })).code).toBe(0);
  expect((await run(['rate', 'closing', '4', '--source', 'manager', '--by', 'Maria', '--date', '2026-03-02'], { db })).code).toBe(0);
});

type Row = Record<string, unknown>;
function ratings(db: string): Row[] {
  return (JSON.parse(dumpDb(db) ?? '{}') as { dump: { ratings: Row[] } }).dump.ratings;
}

describe('perf rate <competency> <rating>', () => {
  it('records a self rating today and says what it was before', async () => {
    const db = await journal();
    const result = await run(['rate', 'neg', '4', '--note', 'held price on Acme'], { db });
    expect(result).toEqual({ code: 0, stderr: '', stdout: 'Rated Negotiation 4/5 (was 3 on Thu 1 Oct) · self, Thu 26 Nov 2026\n' });
    expect(ratings(db).at(-1)).toMatchObject({
      competency_id: 5,
      date: '2026-11-26',
      rating: 4,
      source: 'self',
      rated_by: null,
      note: 'held price on Acme',
    });
  });

  it('records ratings from others with who gave them', async () => {
    const db = await journal();
    const result = await run(['rate', 'discovery', '2', '--source', 'customer', '--by', 'Bob Stone', '-d', 'yesterday'], { db });
    expect(result.stdout).toBe('Rated Discovery 2/5 · customer, Bob Stone, Wed 25 Nov 2026\n');
    expect(ratings(db).at(-1)).toMatchObject({ competency_id: 2, date: '2026-11-25', source: 'customer', rated_by: 'Bob Stone' });
  });

  it('says "was" only when the new rating becomes the latest of its source', async () => {
    const db = await journal();
    await run(['rate', 'closing', '4', '--source', 'manager', '-d', '2026-06-30'], { db });
    const older = await run(['rate', 'closing', '3', '--source', 'manager', '-d', '2026-04-02'], { db });
    expect(older.stdout).toBe(
      'Rated Closing 3/5 · manager, Thu 2 Apr 2026\n  Recorded as history: the latest manager rating is still 4 (Tue 30 Jun).\n',
    );
    // Another source has its own latest: a self rating is compared with the last self rating only.
    expect((await run(['rate', 'closing', '2', '-d', '2026-01-05'], { db })).stdout).toBe('Rated Closing 2/5 · self, Mon 5 Jan 2026\n');
    expect((await run(['rate', 'closing', '5', '--source', 'manager', '-d', '2026-06-30'], { db })).stdout).toBe(
      'Rated Closing 5/5 (was 4 on Tue 30 Jun) · manager, Tue 30 Jun 2026\n',
    );
  });

  it('marks older ratings of a walk-through as history', async () => {
    const db = await journal();
    const prompter = createScriptedPrompter([
      ACCEPT_DEFAULT,
      ACCEPT_DEFAULT,
      ACCEPT_DEFAULT,
      ACCEPT_DEFAULT,
      2,
      3,
      ...Array.from({ length: 6 }, () => ACCEPT_DEFAULT),
    ]);
    const result = await run(['rate', '--source', 'manager', '--by', 'Maria', '-d', '2026-01-15'], { db, tty: true, prompter });
    expect(result.stdout.split('\n').slice(2)).toEqual([
      'Rated 2 competencies · manager, Maria, Thu 15 Jan 2026',
      '  Negotiation 2/5',
      '  Closing 3/5 (history: the latest is still 4, Mon 2 Mar)',
      '',
    ]);
  });

  it('takes the manager from config when --source manager has no --by', async () => {
    const db = await journal();
    await run(['config', 'set', 'manager', 'Maria Lopez'], { db });
    await run(['rate', 'closing', '3', '--source', 'Manager'], { db });
    expect(ratings(db).at(-1)).toMatchObject({ competency_id: 6, source: 'manager', rated_by: 'Maria Lopez' });
  });

  it('follows scale.max', async () => {
    const db = await journal();
    await run(['config', 'set', 'scale.max', '7'], { db });
    expect((await run(['rate', 'closing', '7'], { db })).stdout).toBe('Rated Closing 7/7 · self, Thu 26 Nov 2026\n');
    await expectRefused(['rate', 'closing', '8'], db, /invalid rating "8": use a whole number from 1 to 7/);
    await expectRefused(['config', 'set', 'scale.max', '6'], db, /invalid scale.max "6": ratings up to 7 already exist; use 7 or more/);
  });

  it('creates the journal on the first rating', async () => {
    const db = tempDbPath();
    expect((await run(['rate', 'prospecting', '2'], { db })).code).toBe(0);
    expect(ratings(db)).toHaveLength(1);
  });

  it.each([
    [['rate', 'negotiation', '0'], /invalid rating "0": use a whole number from 1 to 5$/],
    [['rate', 'negotiation', '6'], /invalid rating "6": use a whole number from 1 to 5$/],
    [['rate', 'negotiation', '3.5'], /invalid rating "3.5": use a whole number from 1 to 5$/],
    [['rate', 'negotiation', 'good'], /invalid rating "good"/],
    [['rate', 'negotiation', '--', '-2'], /invalid rating "-2"/],
    [['rate', 'c', '3'], /competency "c" is ambiguous: it matches closing, communication, collaboration$/],
    [['rate', 'negociation', '3'], /unknown competency "negociation": did you mean negotiation\?$/],
    [['rate', '42', '3'], /no competency with id 42/],
    [['rate', 'negotiation', '3', '--source', 'boss'], /unknown source "boss": use self, manager, peer, customer or other$/],
    [['rate', 'negotiation', '3', '--by', 'Maria'], /--by "Maria" names who rated you: add --source manager, peer, customer or other$/],
    [['rate', 'negotiation', '3', '--date', 'tomorrow'], /date "tomorrow" is in the future/],
    [
      ['rate', 'negotiation', '3', '--date', '2027-01-01'],
      /date "2027-01-01" is in the future: use today \(2026-11-26\) or an earlier day$/,
    ],
    [['rate', 'negotiation', '3', '--date', 'soonish'], /invalid date "soonish"/],
    [['rate'], /perf rate needs a competency and a rating when not run in a terminal, e.g. perf rate negotiation 3$/],
    [['rate', 'negotiation'], /missing rating for negotiation: use e.g. perf rate negotiation 3 \(1 to 5\)$/],
    [['rate', 'negotiation', '3', '4'], /too many arguments/],
  ])('refuses %j', async (args, message) => {
    const db = await journal();
    const line = message.source.endsWith('$') ? new RegExp(`${message.source.slice(0, -1)}\\n$`) : message;
    await expectRefused(args, db, line);
  });

  it('refuses bad input without creating a missing journal', async () => {
    const db = tempDbPath();
    await expectRefused(['rate', 'negotiation', '9'], db, /invalid rating "9"/);
    await expectRefused(['rate', 'nope', '3'], db, /unknown competency "nope"/);
    expect(fs.existsSync(db)).toBe(false);
  });
});

describe('perf rate in a terminal', () => {
  const SKIP = 0;

  it('walks through every competency, showing the last rating, and writes the answers at once', async () => {
    const db = await journal();
    const answers = [2, SKIP, 3, SKIP, 4, 5, SKIP, SKIP, SKIP, SKIP, SKIP, 3];
    const prompter = createScriptedPrompter([...answers]);
    const result = await run(['rate'], { db, tty: true, prompter });
    expect(result.code).toBe(0);
    expect(prompter.asked).toEqual([
      'Prospecting',
      'Discovery',
      'Presentation',
      'Objection handling',
      'Negotiation (last 3 on Thu 1 Oct)',
      // Closing has only a manager rating; the walk is for self ratings.
      'Closing',
      'Pipeline management',
      'Product knowledge',
      'Account management',
      'Communication',
      'Time management',
      'Collaboration',
    ]);
    expect(result.stdout).toBe(
      [
        'Rate each competency from 1 to 5 (self, Thu 26 Nov).',
        'Enter keeps the last rating and writes nothing for it; Ctrl-C writes nothing.',
        'Rated 5 competencies · self, Thu 26 Nov 2026',
        '  Prospecting 2/5',
        '  Presentation 3/5',
        '  Negotiation 4/5 (was 3 on Thu 1 Oct)',
        '  Closing 5/5',
        '  Collaboration 3/5',
        '',
      ].join('\n'),
    );
    expect(
      ratings(db)
        .slice(2)
        .map((r) => [r.competency_id, r.rating, r.source, r.date]),
    ).toEqual([
      [1, 2, 'self', '2026-11-26'],
      [3, 3, 'self', '2026-11-26'],
      [5, 4, 'self', '2026-11-26'],
      [6, 5, 'self', '2026-11-26'],
      [12, 3, 'self', '2026-11-26'],
    ]);
  });

  it('records a manager appraisal with one note and date for every rating', async () => {
    const db = await journal();
    const prompter = createScriptedPrompter([SKIP, SKIP, SKIP, SKIP, 2, 3, SKIP, SKIP, SKIP, SKIP, SKIP, SKIP]);
    const args = ['rate', '--source', 'manager', '--by', 'Maria', '--date', '2026-03-02', '--note', '2025 appraisal'];
    const result = await run(args, { db, tty: true, prompter });
    expect(result.code).toBe(0);
    expect(prompter.asked[5]).toBe('Closing (last 4 on Mon 2 Mar)');
    expect(
      ratings(db)
        .slice(2)
        .map((r) => [r.competency_id, r.rating, r.source, r.rated_by, r.note, r.date]),
    ).toEqual([
      [5, 2, 'manager', 'Maria', '2025 appraisal', '2026-03-02'],
      [6, 3, 'manager', 'Maria', '2025 appraisal', '2026-03-02'],
    ]);
  });

  it('writes nothing for a competency where Enter keeps the last rating', async () => {
    const db = await journal();
    const before = dumpDb(db);
    const prompter = createScriptedPrompter(Array.from({ length: 12 }, () => ACCEPT_DEFAULT));
    const result = await run(['rate'], { db, tty: true, prompter });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nNothing rated.\n$/);
    expect(dumpDb(db)).toEqual(before);

    // The same value chosen on purpose is a new rating; Enter elsewhere still writes nothing.
    const again = createScriptedPrompter([
      ACCEPT_DEFAULT,
      ACCEPT_DEFAULT,
      4,
      ACCEPT_DEFAULT,
      3,
      ...Array.from({ length: 7 }, () => ACCEPT_DEFAULT),
    ]);
    expect((await run(['rate'], { db, tty: true, prompter: again })).code).toBe(0);
    expect(
      ratings(db)
        .slice(2)
        .map((r) => [r.competency_id, r.rating, r.date]),
    ).toEqual([
      [3, 4, '2026-11-26'],
      [5, 3, '2026-11-26'],
    ]);
  });

  it('keeps the last rating by default when asked for one competency', async () => {
    const db = await journal();
    const before = dumpDb(db);
    const prompter = createScriptedPrompter([ACCEPT_DEFAULT]);
    const result = await run(['rate', 'negotiation'], { db, tty: true, prompter });
    expect(prompter.asked).toEqual(['Negotiation (last 3 on Thu 1 Oct)']);
    expect(result.stdout).toBe('Nothing rated.\n');
    expect(dumpDb(db)).toEqual(before);
  });

  it('refuses a future date before asking anything', async () => {
    const db = await journal();
    const prompter = createScriptedPrompter([]);
    await expectRefused(['rate', '--source', 'manager', '--date', 'next friday'], db, /date "next friday" is in the future/, {
      tty: true,
      prompter,
    });
    expect(prompter.asked).toEqual([]);
  });

  it('writes nothing when cancelled half-way', async () => {
    const db = await journal();
    const before = dumpDb(db);
    const prompter = createScriptedPrompter([4, 4, 4, new CancelledError()]);
    const result = await run(['rate'], { db, tty: true, prompter });
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('perf: cancelled, nothing was written\n');
    expect(dumpDb(db)).toEqual(before);
  });

  it('writes nothing, and creates no journal, when every competency is skipped', async () => {
    const db = tempDbPath();
    const prompter = createScriptedPrompter(Array.from({ length: 12 }, () => SKIP));
    const result = await run(['rate'], { db, tty: true, prompter });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Nothing rated.\n$/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('asks for the rating of one competency named without one', async () => {
    const db = await journal();
    const prompter = createScriptedPrompter([2]);
    const result = await run(['rate', 'negotiation', '--source', 'peer', '--by', 'Ana'], { db, tty: true, prompter });
    expect(prompter.asked).toEqual(['Negotiation']);
    expect(result.stdout).toBe('Rated Negotiation 2/5 · peer, Ana, Thu 26 Nov 2026\n');
  });
});
