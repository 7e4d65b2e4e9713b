import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ACCEPT_DEFAULT, createScriptedPrompter } from '../../../src/terminal/prompts.js';
import { dumpDb, expectRefused, run, stderrAfterCreating, tempDbPath, tempDir, type RunOptions } from '../../helpers.js';
import { journalFixture, newJournal } from '../../harness/journals.js';

/**
 * The journal as the rep sees it: every table and the schema, but not the undo log itself,
 * sqlite_sequence (ids are never handed out again, so an undone insert leaves it ahead) and the
 * search index's internals (its segments are laid out anew; the notes triggers keep it right,
 * which the search test below checks).
 */
function journalState(file: string): unknown {
  const all = JSON.parse(dumpDb(file, { undoLog: false }) ?? 'null') as { dump: Record<string, unknown> } | null;
  if (!all) return null;
  for (const table of Object.keys(all.dump)) {
    if (table === 'sqlite_sequence' || table.startsWith('notes_fts')) delete all.dump[table];
  }
  return all;
}

async function ok(args: string[], options: RunOptions & { db: string }): Promise<string> {
  const result = await run(args, options);
  expect(stderrAfterCreating(result.stderr, options.db)).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const journal = journalFixture(async (db) => {
  await ok(['config', 'set', 'manager', 'Maria Lopez'], { db });
  await ok(
    ['goals', 'add', 'Q3 ARR', '--target', '100000', '--unit', 'USD', '--slug', 'q3-arr', '--start', '2026-07-01', '--due', '2026-12-31'],
    { db },
  );
  await ok(['goals', 'add', 'Grow EMEA', '--org', '--slug', 'emea'], { db });
  await ok(['goals', 'add', 'Calls', '--target', '50', '--slug', 'calls', '--aligns-to', 'emea'], { db });
  await ok(['goals', 'add', 'Old goal', '--slug', 'old'], { db });
  await ok(['goals', 'done', 'old'], { db });
  await ok(
    [
      'log',
      'Called Acme about the renewal',
      '-t',
      'acme',
      '-c',
      'negotiation',
      '--goal',
      'q3-arr',
      '--progress',
      '20000',
      '--account',
      'Acme',
    ],
    { db },
  );
  await ok(['log', 'Demo for Globex', '--type', 'demo', '-t', 'globex', '-c', 'closing'], { db });
  await ok(['goals', 'update', 'calls', '12', '--note', 'first count'], { db });
  await ok(['rate', 'negotiation', '3', '--date', '2026-10-01'], { db });
  await ok(['feedback', 'add', 'Great negotiation with Acme', '--from', 'Maria', '--relationship', 'manager', '-c', 'negotiation'], { db });
  await ok(['dev', 'add', 'Negotiation course', '-c', 'negotiation'], { db });
  await ok(['dev', 'add', 'Read SPIN selling'], { db });
  await ok(['dev', 'start', '2'], { db });
  await ok(['checkin', '--done', '--note', 'Agreed to focus on Acme'], { db, now: '2026-11-19T10:00:00' });
});

const exportFile = (() => {
  let made: Promise<string> | undefined;
  return () =>
    (made ??= (async () => {
      const db = await journal();
      await ok(['log', 'Only in the export', '-t', 'exported'], { db, now: '2026-11-20T10:00:00' });
      const file = path.join(tempDir(), 'export.json');
      fs.writeFileSync(file, await ok(['export', '--format', 'json'], { db }));
      return file;
    })());
})();

function jrnlFile(): string {
  return path.resolve('test/fixtures/jrnl-export.json');
}

type Case = [name: string, args: () => Promise<string[]> | string[], options?: Omit<RunOptions, 'db'>];

// Every command that writes today, each from a journal with data of every kind.
const CASES: Case[] = [
  [
    'log',
    () => [
      'log',
      'Won Vogel from Competitor X',
      '--type',
      'win',
      '--goal',
      'q3-arr',
      '--progress',
      '34000',
      '-t',
      'vogel',
      '-c',
      'closing',
      '--account',
      'Vogel',
      '--star',
    ],
  ],
  [
    'notes edit',
    () => [
      'notes',
      'edit',
      '1',
      'Called Acme: renewal agreed',
      '--type',
      'win',
      '--star',
      '-t',
      'renewal',
      '--untag',
      'acme',
      '-c',
      'closing',
      '--remove-competency',
      'negotiation',
      '--progress',
      '25000',
    ],
  ],
  ['log (several goals)', () => ['log', 'Won Vogel from Competitor X', '--type', 'win', '--goal', 'q3-arr:34000', '--goal', 'calls:1']],
  ['notes edit (goals added and removed)', () => ['notes', 'edit', '1', '--goal', 'calls:3', '--goal', 'old', '--remove-goal', 'q3-arr']],
  ['notes edit (the goal moved)', () => ['notes', 'edit', '1', '--goal', 'calls']],
  ['notes rm', () => ['notes', 'rm', '1', '--yes']],
  ['goals add', () => ['goals', 'add', 'Logos', '--target', '5', '--aligns-to', 'emea']],
  ['goals edit', () => ['goals', 'edit', 'q3-arr', '--title', 'Q3 new ARR', '--target', '120000', '--slug', 'q3-new']],
  ['goals update', () => ['goals', 'update', 'q3-arr', '1810000', '--note', 'one zero too many', '--yes']],
  ['goals rm', () => ['goals', 'rm', 'q3-arr', '--yes']],
  ['goals updates edit', () => ['goals', 'updates', 'edit', '2', '--value', '15', '--note', 'recounted']],
  ['goals updates rm', () => ['goals', 'updates', 'rm', '2', '--yes']],
  ['goals done', () => ['goals', 'done', 'q3-arr']],
  ['goals drop', () => ['goals', 'drop', 'calls']],
  ['goals reopen', () => ['goals', 'reopen', 'old']],
  ['rate', () => ['rate', 'closing', '4', '--source', 'manager', '--note', 'closed Acme']],
  [
    'rate (the walk-through)',
    () => ['rate', '--source', 'manager', '-d', '2026-11-20'],
    {
      tty: true,
      prompter: createScriptedPrompter([
        ACCEPT_DEFAULT,
        ACCEPT_DEFAULT,
        ACCEPT_DEFAULT,
        ACCEPT_DEFAULT,
        2,
        3,
        ...Array.from({ length: 6 }, () => ACCEPT_DEFAULT),
      ]),
    },
  ],
  ['competencies add', () => ['competencies', 'add', 'Forecasting', '--description', 'Calls the number', '--target', '4']],
  ['competencies edit', () => ['competencies', 'edit', 'negotiation', '--name', 'Negotiating', '--slug', 'negotiating', '--no-target']],
  ['competencies rm', () => ['competencies', 'rm', 'negotiation', '--force']],
  ['feedback add', () => ['feedback', 'add', 'Clear demo', '--from', 'Bob Stone', '--relationship', 'customer', '-c', 'presentation']],
  ['dev add', () => ['dev', 'add', 'Shadow a senior AE', '--due', '2027-03-31', '--assigned-by', 'Maria']],
  ['dev start', () => ['dev', 'start', '1', '--note', 'booked for 12 March']],
  ['dev done', () => ['dev', 'done', '2', '--note', 'learned to ask implication questions']],
  ['dev drop', () => ['dev', 'drop', '1', '--note', 'no budget']],
  ['checkin --done', () => ['checkin', '--done', '--note', 'Agreed on Globex next steps']],
  ['checkin --done --date (back-dated)', () => ['checkin', '--done', '--date', '2026-11-12', '--note', 'Forgot to record this one']],
  ['checkin edit', () => ['checkin', 'edit', '1', '--date', '2026-11-18', '--note', 'Agreed to focus on Acme and Globex']],
  ['checkin rm', () => ['checkin', 'rm', '1', '--yes']],
  ['ratings edit', () => ['ratings', 'edit', '1', '--rating', '4', '--source', 'manager', '--note', 'typed 3, meant 4']],
  ['ratings rm', () => ['ratings', 'rm', '1', '--yes']],
  ['feedback edit', () => ['feedback', 'edit', '1', '--from', 'Maria Lopez', '-c', 'closing']],
  ['feedback rm', () => ['feedback', 'rm', '1', '--yes']],
  ['dev edit', () => ['dev', 'edit', '1', '--title', 'Negotiation workshop', '--due', '2027-03-31']],
  ['dev rm', () => ['dev', 'rm', '2', '--yes']],
  ['config set', () => ['config', 'set', 'manager', 'Ana Ruiz']],
  ['config set (a new key)', () => ['config', 'set', 'role', 'Account executive']],
  ['config unset', () => ['config', 'unset', 'manager']],
  ['import (a perf export, merged)', async () => ['import', await exportFile()]],
  ['import (jrnl)', () => ['import', jrnlFile()]],
];

describe('perf undo', () => {
  it.each(CASES)(
    'puts back every table exactly as it was before %s, and a second undo walks further back',
    async (_name, args, options) => {
      const db = await journal();
      const before = journalState(db);
      await ok(['log', 'A note before the command'], { db });
      const beforeCommand = journalState(db);
      await ok(await args(), { db, ...options });
      expect(journalState(db)).not.toEqual(beforeCommand);

      const undone = await run(['undo', '--yes'], { db });
      expect(undone.stderr).toBe('');
      expect(undone.stdout).toMatch(/^Undid: .+ \(just now\)\n$/);
      expect(journalState(db)).toEqual(beforeCommand);

      expect((await run(['undo', '--yes'], { db })).stdout).toBe('Undid: log #3 "A note before the command" (just now)\n');
      expect(journalState(db)).toEqual(before);
    },
  );

  it('says what it undid in the words of the command, and how long ago', async () => {
    const db = await journal();
    await ok(['notes', 'rm', '2', '--yes'], { db, now: '2026-11-26T14:58:00' });
    expect((await run(['undo', '--yes'], { db })).stdout).toBe('Undid: notes rm #2 "Demo for Globex" (2 minutes ago)\n');
  });

  it('brings a removed note back with its id, its tags, links and progress, and finds it again by search', async () => {
    const db = await journal();
    const shown = await ok(['notes', 'show', '1', '--json'], { db });
    await ok(['notes', 'rm', '1', '--yes'], { db });
    await ok(['undo', '--yes'], { db });
    expect(await ok(['notes', 'show', '1', '--json'], { db })).toBe(shown);
    expect(JSON.parse(await ok(['notes', '--search', 'renewal', '--json'], { db })).map((n: { id: number }) => n.id)).toEqual([1]);
    // Ids are never reused: the next note is not #1 again.
    expect(JSON.parse(await ok(['log', 'Next', '--json'], { db })).id).toBe(3);
  });

  it('puts back awkward text exactly: quotes, SQL, line breaks, emoji, and numbers to the last digit', async () => {
    const db = await journal();
    const text = `Robert'); DROP TABLE notes; -- "quoted"\nline two\ttab 🎉 Zoë`;
    await ok(['log', '--account', "O'Neil & Co", '--goal', 'q3-arr', '--progress', '0.30000000000000004'], { db, input: text });
    const before = journalState(db);
    await ok(['notes', 'rm', '3', '--yes'], { db });
    await ok(['undo', '--yes'], { db });
    expect(journalState(db)).toEqual(before);
  });

  it('keeps search right after undoing an edit of the text', async () => {
    const db = await journal();
    await ok(['notes', 'edit', '1', 'Called Initech instead'], { db });
    await ok(['undo', '--yes'], { db });
    const search = async (word: string) =>
      JSON.parse(await ok(['notes', '--search', word, '--json'], { db })).map((n: { id: number }) => n.id);
    expect(await search('initech')).toEqual([]);
    expect(await search('acme')).toEqual([1]);
  });

  it('undoes a whole restore into an empty journal, whose undo log then holds the import alone', async () => {
    const db = tempDbPath();
    const empty = newJournal();
    fs.copyFileSync(empty, db);
    const before = journalState(db);
    await ok(['import', await exportFile()], { db });
    const history = JSON.parse(await ok(['history', '--json'], { db }));
    expect(history).toEqual([{ id: 1, at: expect.any(String), command: 'import', summary: 'import export.json', undone: false }]);
    await ok(['undo', '--yes'], { db });
    expect(journalState(db)).toEqual(before);
  });

  it('undoes a CSV import of hundreds of notes (each deleted by its row) back to the journal as it was, search included', async () => {
    const db = tempDbPath();
    await ok(['log', 'Called Acme about the renewal #q4', '-a', 'Acme'], { db });
    const before = journalState(db);
    const rows = Array.from({ length: 300 }, (_, i) => `A${i},Demo ${i} for Initech #pilot,2026-0${1 + (i % 9)}-1${i % 10},Call,Initech`);
    const csv = path.join(tempDir(), 'activities.csv');
    fs.writeFileSync(csv, ['Activity ID,Subject,Date,Type,Account Name', ...rows].join('\n'));
    await ok(['import', csv, '--format', 'csv'], { db });
    expect(JSON.parse(await ok(['notes', '--search', 'initech', '-n', 'all', '--json'], { db }))).toHaveLength(300);
    await ok(['undo', '--yes'], { db });
    expect(journalState(db)).toEqual(before);
    expect(JSON.parse(await ok(['notes', '--search', 'initech', '--json'], { db }))).toEqual([]);
    expect(JSON.parse(await ok(['notes', '--search', 'acme', '--json'], { db })).map((n: { id: number }) => n.id)).toEqual([1]);
  });

  it('undoes an import that created the journal, back to a fresh one', async () => {
    const db = tempDbPath();
    await ok(['import', await exportFile()], { db });
    expect(JSON.parse(await ok(['history', '--json'], { db })).map((c: { summary: string }) => c.summary)).toEqual(['import export.json']);
    await ok(['undo', '--yes'], { db });
    // A fresh journal again, with an identity of its own (the import had taken the export's) and
    // the seeded competencies as it made them: the file was made by the import, so the state
    // before it is compared with a fresh journal, instants and the random identity aside.
    const state = journalState(db) as { dump: Record<string, Record<string, unknown>[]> };
    const fresh = journalState(newJournal()) as typeof state;
    const exported = JSON.parse(fs.readFileSync(await exportFile(), 'utf8')) as { journalId: string };
    expect(state.dump.meta?.[0]?.journal_id).not.toBe(exported.journalId);
    const stable = (dump: typeof state.dump) => ({
      ...dump,
      meta: [],
      competencies: (dump.competencies ?? []).map(({ created_at, updated_at, ...rest }) => rest),
    });
    expect(stable(state.dump)).toEqual(stable(fresh.dump));
  });

  it('is not carried by an export', async () => {
    const db = await journal();
    const exported = await ok(['export', '--format', 'json'], { db });
    expect(exported).not.toMatch(/change|undo/i);
  });

  it('shows what it would undo with --dry-run, and changes nothing', async () => {
    const db = await journal();
    await ok(['config', 'set', 'role', 'AE'], { db });
    const before = dumpDb(db);
    expect(await ok(['undo', '--dry-run'], { db })).toBe('Would undo: config set role AE (just now)\n');
    expect(JSON.parse(await ok(['undo', '--dry-run', '--json'], { db }))).toMatchObject({
      command: 'config set',
      summary: 'config set role AE',
      undone: false,
    });
    expect(dumpDb(db)).toBe(before);
  });

  it('asks first in a terminal, and a no keeps everything', async () => {
    const db = await journal();
    await ok(['config', 'set', 'role', 'AE'], { db });
    const before = dumpDb(db);
    const prompter = createScriptedPrompter([false]);
    expect(await run(['undo'], { db, tty: true, prompter })).toEqual({
      code: 130,
      stdout: '',
      stderr: 'perf: cancelled, nothing was undone\n',
    });
    expect(prompter.asked).toEqual(['Undo: config set role AE (just now)?']);
    expect(dumpDb(db)).toBe(before);
    expect(await ok(['undo'], { db, tty: true, prompter: createScriptedPrompter([true]) })).toBe('Undid: config set role AE (just now)\n');
  });

  it('records nothing for a command that changed nothing, so undo reverses the last real change', async () => {
    const db = await journal();
    await ok(['ratings', 'edit', '1', '--rating', '4'], { db });
    await ok(['config', 'set', 'role', 'AE'], { db });
    const history = JSON.parse(await ok(['history', '--json'], { db }));
    // The same setting again (taken, and nothing to undo), a rating set to what it is (refused).
    await ok(['config', 'set', 'role', 'AE'], { db });
    expect((await run(['ratings', 'edit', '1', '--rating', '4'], { db })).code).toBe(2);
    expect(JSON.parse(await ok(['history', '--json'], { db }))).toEqual(history);
    expect(await ok(['undo', '--yes'], { db })).toBe('Undid: config set role AE (just now)\n');
  });

  it('prints the change undone as JSON', async () => {
    const db = await journal();
    const undone = JSON.parse(await ok(['undo', '--yes', '--json'], { db }));
    expect(undone).toEqual({
      id: expect.any(Number),
      at: expect.any(String),
      command: 'checkin',
      summary: 'checkin --done --note "Agreed to focus on Acme"',
      undone: true,
    });
  });

  it('skips the changes already undone, and is never itself undone (there is no redo)', async () => {
    const db = await journal();
    await ok(['config', 'set', 'role', 'AE'], { db });
    await ok(['undo', '--yes'], { db });
    await ok(['config', 'set', 'role', 'SE'], { db });
    await ok(['undo', '--yes'], { db });
    // The next undo takes the change before both: the one-to-one of the fixture.
    expect((await run(['undo', '--yes'], { db })).stdout).toMatch(/^Undid: checkin /);
  });

  it('reverses a command of several transactions as one change', async () => {
    const db = await journal();
    const history = JSON.parse(await ok(['history', '--json'], { db }));
    const before = journalState(db);
    await ok(['log', 'One', '--goal', 'q3-arr', '--progress', '100'], { db });
    expect(JSON.parse(await ok(['history', '--json'], { db }))).toHaveLength(history.length + 1);
    await ok(['undo', '--yes'], { db });
    expect(journalState(db)).toEqual(before);
  });

  it('keeps the last 100 changes', async () => {
    const db = newJournal();
    for (let i = 1; i <= 103; i++) await ok(['config', 'set', 'role', `R${i}`], { db });
    const history = JSON.parse(await ok(['history', '-n', 'all', '--json'], { db }));
    expect(history).toHaveLength(100);
    expect(history[0].summary).toBe('config set role R103');
    expect(history.at(-1).summary).toBe('config set role R4');
  });

  it('refuses in one line, changing nothing, when the journal was changed by hand since', async () => {
    const db = await journal();
    await ok(['notes', 'rm', '1', '--yes'], { db });
    // Outside perf: the goal the removed note moved is deleted, so putting the note back would break a reference.
    const raw = new Database(db);
    raw.pragma('foreign_keys = OFF');
    raw.exec(
      "DELETE FROM goal_checkins WHERE goal_id = (SELECT id FROM goals WHERE slug = 'q3-arr'); DELETE FROM goals WHERE slug = 'q3-arr'",
    );
    raw.close();
    await expectRefused(
      ['undo', '--yes'],
      db,
      /^perf: cannot undo change #\d+ \(notes rm #1 .*\): it would leave \d+ broken reference\(s\) in \w+; nothing was changed\n$/,
      {
        code: 1,
      },
    );
  });

  it('names a change with control characters in it the way every view shows them', async () => {
    const db = newJournal();
    await ok(['log', 'evil \u001b[31mRED'], { db });
    expect(await ok(['history', '-n', '1'], { db })).toContain('"evil ^[[31mRED"');
    expect((await run(['undo', '--dry-run'], { db })).stdout).toContain('"evil ^[[31mRED"');
    expect(JSON.parse(await ok(['history', '--json'], { db }))[0].summary).toBe('log #1 "evil \u001b[31mRED"');
  });

  describe('refuses, with one line and nothing written', () => {
    it('when there is nothing to undo', async () => {
      await expectRefused(
        ['undo', '--yes'],
        newJournal(),
        /^perf: nothing to undo: no changes yet in this journal \(perf where says which journal that is\)\n$/,
      );
      const db = await journal();
      await expectRefused(['undo', '--yes'], tempDbPath(), /^perf: nothing to undo: /);
      for (let i = 0; i < 15; i++) await ok(['undo', '--yes'], { db });
      await expectRefused(['undo', '--yes'], db, /^perf: nothing to undo: /);
    });

    it('outside a terminal without --yes', async () => {
      const db = await journal();
      await expectRefused(['undo'], db, /^perf: perf undo needs --yes when not run in a terminal\n$/);
    });
  });
});

describe('perf history', () => {
  it('lists recent changes newest first, the undone ones marked', async () => {
    const db = await journal();
    await ok(['config', 'set', 'role', 'AE'], { db });
    await ok(['undo', '--yes'], { db });
    const text = await ok(['history', '-n', '3'], { db });
    expect(text.split('\n')).toEqual([
      expect.stringMatching(/^#16 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}just now {8}config set role AE \(undone\)$/),
      expect.stringMatching(/^#15 {2}.* {2}checkin --done --note "Agreed to focus on Acme"$/),
      expect.stringMatching(/^#14 {2}.* {2}dev start 2$/),
      '13 older not shown: perf history -n all',
      '',
    ]);
  });

  it('prints every change as JSON unless -n is given', async () => {
    const db = await journal();
    const all = JSON.parse(await ok(['history', '--json'], { db }));
    expect(all).toHaveLength(15);
    expect(all[0]).toEqual({
      id: 15,
      at: expect.any(String),
      command: 'checkin',
      summary: 'checkin --done --note "Agreed to focus on Acme"',
      undone: false,
    });
    expect(all.at(-1)).toMatchObject({ id: 1, command: 'config set', summary: 'config set manager "Maria Lopez"' });
    expect(JSON.parse(await ok(['history', '--json', '-n', '2'], { db }))).toHaveLength(2);
  });

  it('says so when there are no changes', async () => {
    expect(await ok(['history'], { db: tempDbPath() })).toMatch(/^No changes yet/);
  });

  it.each(['x', '0', '-1', '2.5', ''])('refuses -n %j', async (value) => {
    const db = await journal();
    await expectRefused(
      ['history', '-n', value],
      db,
      new RegExp(`^perf: invalid -n ${JSON.stringify(value).replace(/[.]/g, '\\.')}: use a whole number from 1, or all\n$`),
    );
  });
});
