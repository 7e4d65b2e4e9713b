import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createScriptedPrompter } from '../../../src/terminal/prompts.js';
import { CancelledError } from '../../../src/errors.js';
import { dumpDb, expectRefused, run, tempDir } from '../../helpers.js';
import { journalFixture, newJournal } from '../../harness/journals.js';
import { SEEDED, idsOf, seededJournal } from '../../fixtures/seeded-notes.js';

let db: string;
beforeAll(async () => {
  db = await seededJournal();
});

/** A copy of the seeded journal for a test that changes it. */
async function journalCopy(): Promise<string> {
  return seededJournal();
}

async function listIds(args: string[], journal = db): Promise<number[]> {
  const result = await run(['notes', ...args, '--json'], { db: journal });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return idsOf(result.stdout);
}

describe('no silent truncation (issue 10)', () => {
  /** A journal with 25 notes, one a day up to NOW's day. */
  const manyNotes = journalFixture(async (file) => {
    for (let i = 1; i <= 25; i++) {
      const result = await run(
        ['log', `Call ${i}`, '-d', `2026-11-${String(i).padStart(2, '0')}`, ...(i % 5 === 0 ? ['--type', 'win'] : [])],
        { db: file },
      );
      expect(result.code, result.stderr).toBe(0);
    }
  });

  it('--json without -n prints every note; with -n, that many', async () => {
    const journal = await manyNotes();
    expect(await listIds([], journal)).toHaveLength(25);
    expect(await listIds(['-n', '3'], journal)).toEqual([25, 24, 23]);
    expect(await listIds(['-n', 'all'], journal)).toHaveLength(25);
  });

  it('the text listing shows 20 and says how many more, and how to see them all', async () => {
    const journal = await manyNotes();
    const result = await run(['notes'], { db: journal });
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^ {2}#\d+/gm)).toHaveLength(20);
    expect(result.stdout.endsWith('\n\n… 5 more: perf notes -n all\n')).toBe(true);
  });

  it('the hint keeps the filters, quoted for the shell, and --db when it was given', async () => {
    const journal = await manyNotes();
    const filtered = await run(['notes', '--type', 'win', '-q', 'call OR visit', '-n', '1'], { db: journal });
    expect(filtered.stdout).toMatch(/\n… 4 more: perf notes --type win -q 'call OR visit' -n all\n$/);
    const withDb = await run(['--db', journal, 'notes', '-n', '24'], { env: { PERF_DB: undefined } });
    expect(withDb.stdout).toMatch(
      new RegExp(`\n… 1 more: perf --db ${journal.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')} notes -n all\n$`),
    );
  });

  it('-n all shows every note in text, with no hint', async () => {
    const journal = await manyNotes();
    const result = await run(['notes', '-n', 'all'], { db: journal });
    expect(result.stdout.match(/^ {2}#\d+/gm)).toHaveLength(25);
    expect(result.stdout).not.toContain('more:');
  });

  it.each([['0'], ['-3'], ['abc']])('-n %s is refused in text and JSON alike', async (value) => {
    const journal = await manyNotes();
    for (const json of [[], ['--json']]) {
      await expectRefused(
        ['notes', ...json, '-n', value],
        journal,
        new RegExp(`^perf: invalid --limit "${value}": use a whole number from 1, or all\n$`),
      );
    }
  });
});

describe('perf notes (list)', () => {
  it('lists newest first, as a flat JSON array of notes', async () => {
    const result = await run(['notes', '--json'], { db });
    const notes = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(notes.map((n) => n.id)).toEqual([2, 1, 3, 4, 5, 6, 8, 7]);
    expect(notes.find((n) => n.id === 3)).toEqual({
      id: 3,
      date: '2026-11-20',
      text: 'Signed Acme 3-year renewal, price increase accepted #renewal',
      tags: ['renewal'],
      type: 'win',
      account: 'Acme',
      starred: true,
      deal: null,
      goals: [],
      goal: null,
      progress: null,
      competencies: [],
      createdAt: '2026-11-26T15:00:00.000Z',
      updatedAt: '2026-11-26T15:00:00.000Z',
    });
    for (const note of notes) {
      const seeded = SEEDED.find((s) => s.id === note.id);
      expect(note).toMatchObject({ ...seeded, tags: [...(seeded?.tags ?? [])] });
    }
  });

  it.each([
    [
      ['--period', '2026-11'],
      [2, 1, 3],
    ],
    [
      ['--period', 'this-month'],
      [2, 1, 3],
    ],
    [
      ['--period', 'last-month'],
      [4, 5],
    ],
    [
      ['--period', '2026-Q4'],
      [2, 1, 3, 4, 5],
    ],
    [
      ['--period', 'this-quarter'],
      [2, 1, 3, 4, 5],
    ],
    [['--period', '2026-Q3'], [6]],
    [['--period', '2025'], [7]],
    [['--period', 'last-year'], [7]],
    [
      ['--period', '2026'],
      [2, 1, 3, 4, 5, 6, 8],
    ],
    [
      ['--period', 'cycle'],
      [2, 1, 3, 4, 5, 6, 8],
    ],
    [['--period', '2026-02'], []],
    [
      ['--from', '2026-10-01', '--to', '2026-10-31'],
      [4, 5],
    ],
    [
      ['--from', '2025-12-31', '--to', '2026-01-01'],
      [8, 7],
    ],
    [['--from', '2026-11-20', '--to', '2026-11-20'], [3]],
    [
      ['--from', '2026-11-20'],
      [2, 1, 3],
    ],
    [
      ['--to', '2026-07'],
      [6, 8, 7],
    ],
    [
      ['--to', '2026-06'],
      [8, 7],
    ],
    [
      ['--from', '2026-07', '--to', '2026-10'],
      [4, 5, 6],
    ],
    [
      ['--from', 'last friday'],
      [2, 1, 3],
    ],
    [
      ['-t', 'renewal'],
      [1, 3],
    ],
    [
      ['--tag', '#RENEWAL'],
      [1, 3],
    ],
    [['-t', 'q4'], [1]],
    [['-t', 'nothing'], []],
    // Part of the account's name, any case: "acme" finds Acme and acme corp.
    [
      ['-a', 'acme'],
      [1, 3, 6],
    ],
    [
      ['-a', 'ACME'],
      [1, 3, 6],
    ],
    [['-a', 'corp'], [6]],
    [['-a', '%'], []],
    [['--account', '  Acme   Corp '], [6]],
    [['--type', 'win'], [3]],
    [['--type', 'call'], [1]],
    [['--starred'], [3]],
    // Words match word beginnings: "renewal" finds "renewals" too.
    [
      ['-q', 'renewal'],
      [1, 3, 5],
    ],
    [
      ['-q', 'renew'],
      [1, 3, 5],
    ],
    [
      ['-q', 'renew*'],
      [1, 3, 5],
    ],
    [
      ['-q', 'RENEWAL acme'],
      [1, 3],
    ],
    [['-q', 'increase price'], [3]],
    [['-q', '"price increase"'], [3]],
    [['-q', '"increase price"'], []],
    [
      ['-q', 'globex OR initech'],
      [2, 4, 8],
    ],
    [['-q', 'acme NOT renewal'], [6]],
    [['-q', 'acme-corp'], [6]],
    [['--search', 'maria'], [5]],
    [
      ['-n', '2'],
      [2, 1],
    ],
    [['--limit', '1'], [2]],
    [
      ['-n', '100'],
      [2, 1, 3, 4, 5, 6, 8, 7],
    ],
    [['-a', 'acme', '--type', 'win', '--period', '2026'], [3]],
    [['-q', 'renewal', '-t', 'q4'], [1]],
    [['-a', 'globex', '--from', '2026-11-01', '-n', '5'], [2]],
  ])('perf notes %j lists %j', async (args, ids) => {
    expect(await listIds(args)).toEqual(ids);
  });

  it('follows fiscal quarters from cycle.start', async () => {
    const journal = await journalCopy();
    expect((await run(['config', 'set', 'cycle.start', '04-01'], { db: journal })).code).toBe(0);
    expect(await listIds(['--period', '2026-Q2'], journal)).toEqual([6]);
    expect(await listIds(['--period', 'this-quarter'], journal)).toEqual([2, 1, 3, 4, 5]);
    // The fiscal year is named by the year it starts in: 2025-Q4 is January to March 2026.
    expect(await listIds(['--period', '2025-Q4'], journal)).toEqual([8]);
    expect(await listIds(['--period', '2025-Q3'], journal)).toEqual([7]);
    expect(await listIds(['--period', '2026-Q4'], journal)).toEqual([]);
  });

  it('groups notes under a heading per day', async () => {
    const result = await run(['notes', '--period', '2026-11'], { db });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Thu 26 Nov',
        '  #2  meeting  Globex',
        '    Pipeline review with Globex procurement',
        '  #1  call  Acme  #q4 #renewal',
        '    Called Acme about the renewal #renewal',
        '',
        'Fri 20 Nov',
        '  #3  win  Acme  ★  #renewal',
        '    Signed Acme 3-year renewal, price increase accepted #renewal',
        '',
      ].join('\n'),
    });
  });

  it('shows the year of other years and says when the list is cut short', async () => {
    const result = await run(['notes', '--to', '2026-01', '-n', '1'], { db });
    expect(result.stdout).toBe(
      [
        'Thu 1 Jan',
        '  #8  challenge  Globex  #risk',
        '    Lost our champion at Globex #risk',
        '',
        '… 1 more: perf notes --to 2026-01 -n all',
        '',
      ].join('\n'),
    );
    const older = await run(['notes', '--period', '2025'], { db });
    expect(older.stdout).toBe(['Wed 31 Dec 2025', '  #7', '    Year-end wrap-up', ''].join('\n'));
  });

  it('says so when nothing matches', async () => {
    const result = await run(['notes', '-q', 'nothing-like-this'], { db });
    expect(result).toEqual({ code: 0, stdout: 'No notes match these filters.\n', stderr: '' });
  });

  it('wraps long notes to 80 columns', async () => {
    const journal = newJournal();
    const long =
      'Quarterly business review with the Acme Corporation procurement, finance and IT teams: we walked through ' +
      'adoption numbers, the support backlog, the roadmap for the reporting module and the price increase for next ' +
      'year, which they accepted on the condition that we add SSO at no extra cost. Follow up with legal by Friday.';
    await run(
      ['log', long, '--type', 'meeting', '-a', 'Acme Corporation International', '-s', '-t', 'qbr', '-t', 'renewal', '-t', 'pricing'],
      {
        db: journal,
      },
    );
    await run(['log', 'Short one'], { db: journal });
    const result = await run(['notes'], { db: journal });
    const lines = result.stdout.trimEnd().split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    const textLines = lines.filter((line) => line.startsWith('    '));
    expect(textLines.length).toBeGreaterThan(3);
    expect(textLines.map((line) => line.trim()).join(' ')).toBe(`Short one ${long}`);
  });

  it('wraps a long header (account, many tags) under its id, in colour too', async () => {
    const journal = newJournal();
    const tags = ['renewal', 'pricing', 'q4', 'enterprise', 'competitor', 'exec-sponsor', 'legal', 'security-review'].flatMap((t) => [
      '-t',
      t,
    ]);
    await run(['log', 'Escalation call with their CFO', '--type', 'challenge', '-a', 'Northwind Traders International', '-s', ...tags], {
      db: journal,
    });
    const plain = await run(['notes'], { db: journal });
    expect(plain.stdout).toBe(
      [
        'Thu 26 Nov',
        '  #1  challenge  Northwind Traders International  ★  #competitor #enterprise',
        '      #exec-sponsor #legal #pricing #q4 #renewal #security-review',
        '    Escalation call with their CFO',
        '',
      ].join('\n'),
    );
    const coloured = await run(['notes'], { db: journal, tty: true, env: { NO_COLOR: undefined } });
    expect(coloured.stdout).toMatch(/\u001b\[/);
    expect(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.stdout);
  });

  it('wraps to a wider terminal too', async () => {
    const journal = newJournal();
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    await run(['log', long], { db: journal });
    const result = await run(['notes'], { db: journal, tty: true, columns: 100 });
    const lines = result.stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(Math.max(...lines.map((l) => l.length))).toBeGreaterThan(80);
  });
});

describe('read-only commands on a missing journal', () => {
  it.each([
    [['notes'], 'No notes yet. Record one with: perf log "Called Acme about the renewal"\n'],
    [['notes', '--json'], '[]\n'],
    [['notes', '--period', '2026', '-t', 'renewal', '-q', 'acme', '--starred', '--json'], '[]\n'],
    [['notes', '--from', '2026-01-01', '--to', '2026-06'], 'No notes yet. Record one with: perf log "Called Acme about the renewal"\n'],
    [['config', 'get', 'cycle.start'], '01-01\n'],
    [['config', 'get', 'scale.max'], '5\n'],
    [['config', 'get', 'name'], ''],
  ])('perf %j prints the empty state and does not create the file', async (args, stdout) => {
    const journal = path.join(tempDir(), 'not-yet', 'journal.db');
    expect(await run(args, { db: journal })).toEqual({ code: 0, stdout, stderr: '' });
    expect(fs.existsSync(path.dirname(journal))).toBe(false);
  });
});

describe('perf notes show', () => {
  it('shows one note in full', async () => {
    const result = await run(['notes', 'show', '3'], { db });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Note #3',
        '',
        '  Signed Acme 3-year renewal, price increase accepted #renewal',
        '',
        '  Date     Fri 20 Nov 2026',
        '  Type     win',
        '  Account  Acme',
        '  Starred  ★ highlight',
        '  Tags     #renewal',
        '  Logged   2026-11-26 15:00',
        '',
      ].join('\n'),
    });
  });

  it.each([['5'], ['#5']])('perf notes show %s --json prints the note', async (id) => {
    const result = await run(['notes', 'show', id, '--json'], { db });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 5, date: '2026-10-01', type: 'learning', account: null, tags: [] });
  });
});

describe('perf notes edit', () => {
  async function edit(args: string[], journal: string, now?: string) {
    const result = await run(['notes', 'edit', ...args, '--json'], { db: journal, now });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  it('changes the text, and the hashtags follow it while -t tags stay', async () => {
    const journal = await journalCopy();
    const note = await edit(['1', 'Called', 'Acme:', 'renewal', 'agreed', '#closing'], journal, '2026-11-27T09:30:00');
    expect(note).toMatchObject({
      id: 1,
      text: 'Called Acme: renewal agreed #closing',
      tags: ['closing', 'q4'],
      date: '2026-11-26',
      type: 'call',
      account: 'Acme',
      createdAt: '2026-11-26T15:00:00.000Z',
      updatedAt: '2026-11-27T09:30:00.000Z',
    });
    expect(await listIds(['-q', 'agreed'], journal)).toEqual([1]);
    expect(await listIds(['-q', '"about the renewal"'], journal)).toEqual([]);
    const shown = await run(['notes', 'show', '1'], { db: journal });
    expect(shown.stdout).toContain('  Edited   2026-11-27 09:30\n');
  });

  it.each([
    [['4', '-d', 'yesterday'], { date: '2026-11-25' }],
    [['4', '--date', '2026-03-03'], { date: '2026-03-03' }],
    [['4', '--type', 'win'], { type: 'win' }],
    [['4', '-a', 'Initech Ltd'], { account: 'Initech Ltd' }],
    [['4', '--account', ''], { account: null }],
    [['4', '-s'], { starred: true }],
    [['3', '--unstar'], { starred: false }],
    [['4', '-t', 'Q4', '--tag', 'emea'], { tags: ['demo', 'emea', 'q4'] }],
    [['1', '--untag', 'q4'], { tags: ['renewal'] }],
    [
      ['4', '--type', 'win', '-a', 'Initech', '--star', '-t', 'big'],
      { type: 'win', account: 'Initech', starred: true, tags: ['big', 'demo'] },
    ],
  ])('perf notes edit %j', async (args, expected) => {
    const journal = await journalCopy();
    const id = Number(args[0]);
    const before = SEEDED.find((s) => s.id === id);
    const note = await edit(args, journal);
    expect(note).toMatchObject({ ...before, tags: [...(before?.tags ?? [])], ...expected });
  });

  it('says what it did', async () => {
    const journal = await journalCopy();
    expect(await run(['notes', 'edit', '4', '--type', 'win'], { db: journal })).toEqual({ code: 0, stdout: 'Updated #4.\n', stderr: '' });
  });

  it('opens $EDITOR in a terminal when given nothing to change', async () => {
    const journal = await journalCopy();
    const editor = path.join(tempDir('perf-editor-'), 'editor.sh');
    fs.writeFileSync(editor, `#!/bin/sh\nsed -i 's/went well/went very well #hot/' "$1"\n`, { mode: 0o755 });
    const result = await run(['notes', 'edit', '4'], { db: journal, tty: true, env: { EDITOR: editor } });
    expect(result).toEqual({ code: 0, stdout: 'Updated #4.\n', stderr: '' });
    const shown = JSON.parse((await run(['notes', 'show', '4', '--json'], { db: journal })).stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({ text: 'Demo for Initech went very well #hot #demo', tags: ['demo', 'hot'] });
  });

  it('says how to set an editor when there is none', async () => {
    const journal = await journalCopy();
    await expectRefused(
      ['notes', 'edit', '4'],
      journal,
      /^perf: no editor set: set \$EDITOR \(e\.g\. export EDITOR=nano\) or give the text as arguments\n$/,
      {
        tty: true,
        env: { EDITOR: undefined, VISUAL: undefined },
      },
    );
  });

  it('changes nothing when the editor leaves the text as it was', async () => {
    const journal = await journalCopy();
    const before = dumpDb(journal);
    const result = await run(['notes', 'edit', '4'], { db: journal, tty: true, env: { EDITOR: 'true' } });
    expect(result).toEqual({ code: 0, stdout: 'No change.\n', stderr: '' });
    expect(dumpDb(journal)).toEqual(before);
  });
});

describe('perf notes rm', () => {
  it('deletes with --yes, and the note leaves the search index', async () => {
    const journal = await journalCopy();
    expect(await run(['notes', 'rm', '3', '--yes'], { db: journal })).toEqual({ code: 0, stdout: 'Deleted note #3.\n', stderr: '' });
    expect(await listIds([], journal)).toEqual([2, 1, 4, 5, 6, 8, 7]);
    expect(await listIds(['-q', 'increase'], journal)).toEqual([]);
    expect(await listIds(['-t', 'renewal'], journal)).toEqual([1]);
  });

  it('asks in a terminal, and deletes on yes', async () => {
    const journal = await journalCopy();
    const prompter = createScriptedPrompter([true]);
    const result = await run(['notes', 'rm', '4'], { db: journal, tty: true, prompter });
    expect(result).toEqual({ code: 0, stdout: 'Deleted note #4.\n', stderr: '' });
    expect(prompter.asked).toEqual(['Delete note #4 (2026-10-31: "Demo for Initech went well #demo")?']);
    expect(await listIds([], journal)).not.toContain(4);
  });

  it('keeps the note when the answer is no', async () => {
    const journal = await journalCopy();
    const before = dumpDb(journal);
    const result = await run(['notes', 'rm', '4'], { db: journal, tty: true, prompter: createScriptedPrompter([false]) });
    expect(result).toEqual({ code: 130, stdout: '', stderr: 'perf: kept it: nothing was deleted\n' });
    expect(dumpDb(journal)).toEqual(before);
  });

  it('keeps the note on Ctrl-C at the question', async () => {
    const journal = await journalCopy();
    const before = dumpDb(journal);
    const result = await run(['notes', 'rm', '4'], { db: journal, tty: true, prompter: createScriptedPrompter([new CancelledError()]) });
    expect(result).toEqual({ code: 130, stdout: '', stderr: 'perf: cancelled, nothing was written\n' });
    expect(dumpDb(journal)).toEqual(before);
  });

  it('prints the deleted note as JSON with --json, as every rm does', async () => {
    const journal = await journalCopy();
    const shown = JSON.parse((await run(['notes', 'show', '4', '--json'], { db: journal })).stdout);
    const result = await run(['notes', 'rm', '4', '--yes', '--json'], { db: journal });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(shown);
  });

  it('needs --yes without a terminal', async () => {
    const journal = await journalCopy();
    const before = dumpDb(journal);
    const result = await run(['notes', 'rm', '4'], { db: journal });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'perf: perf notes rm needs --yes when not run in a terminal\n' });
    expect(dumpDb(journal)).toEqual(before);
  });
});

describe('"last" names the newest note by id, wherever a note id goes', () => {
  it('perf notes show last: the note logged most recently, not the latest day', async () => {
    const show = await run(['notes', 'show', 'last', '--json'], { db });
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ id: 8 });
    expect(JSON.parse((await run(['notes', 'show', ' LAST ', '--json'], { db })).stdout)).toMatchObject({ id: 8 });
  });

  it('perf notes edit last and perf notes rm last', async () => {
    const journal = await journalCopy();
    expect(await run(['notes', 'edit', 'last', '--star'], { db: journal })).toEqual({ code: 0, stdout: 'Updated #8.\n', stderr: '' });
    expect(await run(['notes', 'rm', 'last', '--yes'], { db: journal })).toEqual({ code: 0, stdout: 'Deleted note #8.\n', stderr: '' });
    // The next "last" is the note before it; a new note becomes "last" at once.
    expect(JSON.parse((await run(['notes', 'show', 'last', '--json'], { db: journal })).stdout)).toMatchObject({ id: 7 });
    await run(['log', 'Back-dated call', '-d', '2026-01-05'], { db: journal });
    expect(JSON.parse((await run(['notes', 'show', 'last', '--json'], { db: journal })).stdout)).toMatchObject({
      id: 9,
      text: 'Back-dated call',
    });
  });

  it('is refused on an empty or missing journal, and a near miss is still a bad id', async () => {
    const empty = newJournal();
    const none = /^perf: there is no last note: the journal has no notes yet \(perf log "\.\.\." adds one\)\n$/;
    await expectRefused(['notes', 'show', 'last'], empty, none);
    await expectRefused(['notes', 'edit', 'last', '--star'], empty, none);
    await expectRefused(['notes', 'rm', 'last', '--yes'], empty, none);
    const missing = path.join(tempDir(), 'journal.db');
    await expectRefused(['notes', 'show', 'last'], missing, none);
    await expectRefused(['notes', 'edit', 'last', 'text'], missing, none);
    await expectRefused(
      ['notes', 'show', 'latest'],
      db,
      /^perf: invalid note id "latest": use the number shown in the list \(e\.g\. 12\) or last\n$/,
    );
  });
});
