import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRefused, run, stderrAfterCreating, tempDbPath, tempDir } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';

async function ok(args: string[], db: string): Promise<string> {
  const result = await run(args, { db });
  expect(stderrAfterCreating(result.stderr, db)).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const json = async (args: string[], db: string) => JSON.parse(await ok([...args, '--json'], db));

const journal = journalFixture(async (db) => {
  await ok(
    ['goals', 'add', 'Q3 ARR', '--slug', 'q3-arr', '--target', '500000', '--unit', 'USD', '--start', '2026-07-01', '--due', '2026-12-31'],
    db,
  );
  await ok(['goals', 'add', 'New logos', '--slug', 'logos', '--target', '10', '--start', '2026-07-01', '--due', '2026-12-31'], db);
  await ok(['goals', 'add', 'Referenceable customers', '--slug', 'refs'], db);
});

const current = async (db: string) =>
  Object.fromEntries((await json(['goals'], db)).map((g: { slug: string; current: number }) => [g.slug, g.current]));

describe('a note that moves several goals', () => {
  it('perf log takes --goal <goal>:<amount> more than once, and each goal moves', async () => {
    const db = await journal();
    const note = await json(['log', 'Won Vogel from Competitor X', '--type', 'win', '--goal', 'q3-arr:34000', '--goal', 'logos:1'], db);
    expect(note).toMatchObject({
      goals: [
        { slug: 'q3-arr', progress: 34000 },
        { slug: 'logos', progress: 1 },
      ],
      goal: null,
      progress: null,
    });
    expect(await current(db)).toMatchObject({ 'q3-arr': 34000, logos: 1 });
  });

  it('keeps --goal g --progress n for one goal, with goal and progress set', async () => {
    const db = await journal();
    const note = await json(['log', 'Signed Acme', '--goal', 'q3-arr', '--progress', '25000'], db);
    expect(note).toMatchObject({ goals: [{ slug: 'q3-arr', progress: 25000 }], goal: 'q3-arr', progress: 25000 });
    expect(await json(['log', 'Signed Globex', '--goal', 'q3-arr:5000'], db)).toMatchObject({ goal: 'q3-arr', progress: 5000 });
    expect(await json(['log', 'No goal'], db)).toMatchObject({ goals: [], goal: null, progress: null });
  });

  it('links goals without an amount, progress null, listed in the order the goals were made', async () => {
    const db = await journal();
    expect(await json(['log', 'Acme agreed to be a reference', '--goal', 'refs', '--goal', 'logos'], db)).toMatchObject({
      goals: [
        { slug: 'logos', progress: null },
        { slug: 'refs', progress: null },
      ],
      goal: null,
      progress: null,
    });
  });

  it('shows every goal in notes show and the list, and -g finds the note by any of them', async () => {
    const db = await journal();
    await ok(['log', 'Won Vogel', '--goal', 'q3-arr:34000', '--goal', 'logos:1'], db);
    await ok(['log', 'Called Acme'], db);
    const shown = await ok(['notes', 'show', '1'], db);
    expect(shown).toMatch(/q3-arr \(\+34,000\)/);
    expect(shown).toMatch(/logos \(\+1\)/);
    expect(await ok(['notes'], db)).toMatch(/→ q3-arr \+34,000, logos \+1/);
    for (const goal of ['q3-arr', 'logos']) expect((await json(['notes', '-g', goal], db)).map((n: { id: number }) => n.id)).toEqual([1]);
    expect(await json(['notes', '-g', 'refs'], db)).toEqual([]);
  });

  it('is evidence in perf goals show of each goal it moves', async () => {
    const db = await journal();
    await ok(['log', 'Won Vogel', '--goal', 'q3-arr:34000', '--goal', 'logos:1'], db);
    for (const goal of ['logos', 'q3-arr']) {
      const shown = await ok(['goals', 'show', goal], db);
      // Once, with the update it made: not again among the other notes about the goal.
      expect(shown.match(/Won Vogel/g)).toHaveLength(1);
      expect(shown).not.toMatch(/Other notes about this goal/);
    }
  });

  it('exports a goals column to CSV', async () => {
    const db = await journal();
    await ok(['log', 'Won Vogel', '--goal', 'q3-arr:34000', '--goal', 'logos:1', '--goal', 'refs'], db);
    const [header, row] = (await ok(['export', '--format', 'csv'], db)).split(/\r?\n/);
    const columns = header?.split(',') ?? [];
    expect(columns).toContain('goals');
    expect(row).toContain('q3-arr:34000;logos:1;refs');
  });

  it('survives an export and an import: the JSON export (version 3) lists goalIds', async () => {
    const db = await journal();
    await ok(['log', 'Won Vogel', '--goal', 'q3-arr:34000', '--goal', 'logos:1', '--goal', 'refs'], db);
    const exported = JSON.parse(await ok(['export', '--format', 'json'], db));
    expect(exported.version).toBe(3);
    expect(exported.notes[0]).toMatchObject({ goalIds: [1, 2, 3] });
    expect(exported.notes[0]).not.toHaveProperty('goalId');
    const file = path.join(tempDir(), 'export.json');
    fs.writeFileSync(file, JSON.stringify(exported));
    const copy = tempDbPath();
    await ok(['import', file], copy);
    expect(await ok(['notes', 'show', '1', '--json'], copy)).toBe(await ok(['notes', 'show', '1', '--json'], db));
    expect(await current(copy)).toEqual(await current(db));
  });

  it('imports an older export (version 1), whose note has one goalId, as one link', async () => {
    const db = await journal();
    await ok(['log', 'Signed Acme', '--goal', 'q3-arr', '--progress', '25000'], db);
    await ok(['log', 'Acme will be a reference', '--goal', 'refs'], db);
    const exported = JSON.parse(await ok(['export', '--format', 'json'], db));
    exported.version = 1;
    for (const note of exported.notes) {
      note.goalId = note.goalIds[0] ?? null;
      delete note.goalIds;
    }
    const file = path.join(tempDir(), 'export-v1.json');
    fs.writeFileSync(file, JSON.stringify(exported));
    const copy = tempDbPath();
    await ok(['import', file], copy);
    expect(await json(['notes', 'show', '1'], copy)).toMatchObject({
      goals: [{ slug: 'q3-arr', progress: 25000 }],
      goal: 'q3-arr',
      progress: 25000,
    });
    expect(await json(['notes', 'show', '2'], copy)).toMatchObject({ goals: [{ slug: 'refs', progress: null }], goal: 'refs' });
  });

  it('is undone whole: the note, its links and its updates', async () => {
    const db = await journal();
    const before = await current(db);
    await ok(['log', 'Won Vogel', '--goal', 'q3-arr:34000', '--goal', 'logos:1'], db);
    await ok(['undo', '--yes'], db);
    expect(await current(db)).toEqual(before);
    expect(await json(['notes'], db)).toEqual([]);
  });

  it.each([
    [['--goal', 'q3-arr:abc'], /"abc".*number/],
    [['--goal', 'q3-arr:'], /--goal "q3-arr:".*amount/],
    [['--goal', 'q3-arr:1e999'], /1e999/],
    [['--goal', 'nope:5'], /nope/],
    [['--goal', 'q3-arr:5', '--goal', 'q3-arr:6'], /q3-arr.*twice|twice.*q3-arr/],
    [['--goal', 'q3-arr', '--goal', 'logos', '--progress', '5'], /--progress.*one --goal/],
    [['--goal', 'q3-arr:5', '--progress', '6'], /--progress.*q3-arr:5|q3-arr:5.*--progress/],
  ])('refuses %j with one line, writing nothing', async (args, message) => {
    const db = await journal();
    await expectRefused(['log', 'Won Vogel', ...args], db, message);
  });
});

describe('perf notes edit and a note’s goals', () => {
  const logged = async () => {
    const db = await journal();
    await ok(['log', 'Won Vogel', '--goal', 'q3-arr:34000', '--goal', 'logos:1'], db);
    return db;
  };
  const goalsOf = async (db: string) => (await json(['notes', 'show', '1'], db)).goals;

  it('--goal g:amount adds a goal or changes its amount; the others stay', async () => {
    const db = await logged();
    await ok(['notes', 'edit', '1', '--goal', 'refs'], db);
    await ok(['notes', 'edit', '1', '--goal', 'logos:2'], db);
    expect(await goalsOf(db)).toEqual([
      { slug: 'q3-arr', progress: 34000 },
      { slug: 'logos', progress: 2 },
      { slug: 'refs', progress: null },
    ]);
    expect(await current(db)).toMatchObject({ 'q3-arr': 34000, logos: 2 });
  });

  it('--remove-goal g unlinks one goal and takes back its progress', async () => {
    const db = await logged();
    await ok(['notes', 'edit', '1', '--remove-goal', 'logos'], db);
    expect(await goalsOf(db)).toEqual([{ slug: 'q3-arr', progress: 34000 }]);
    expect(await current(db)).toMatchObject({ 'q3-arr': 34000, logos: 0 });
    expect(await json(['notes', 'show', '1'], db)).toMatchObject({ goal: 'q3-arr', progress: 34000 });
  });

  it('--goal "" unlinks every goal', async () => {
    const db = await logged();
    await ok(['notes', 'edit', '1', '--goal', ''], db);
    expect(await goalsOf(db)).toEqual([]);
    expect(await current(db)).toMatchObject({ 'q3-arr': 0, logos: 0 });
  });

  it('with one goal, --goal g moves the note and its progress to g, and --progress changes it', async () => {
    const db = await journal();
    await ok(['log', 'Signed Acme', '--goal', 'q3-arr', '--progress', '25000'], db);
    await ok(['notes', 'edit', '1', '--progress', '30000'], db);
    expect(await goalsOf(db)).toEqual([{ slug: 'q3-arr', progress: 30000 }]);
    await ok(['notes', 'edit', '1', '--goal', 'logos', '--progress', '1'], db);
    expect(await goalsOf(db)).toEqual([{ slug: 'logos', progress: 1 }]);
    expect(await current(db)).toMatchObject({ 'q3-arr': 0, logos: 1 });
    await ok(['notes', 'edit', '1', '--progress', ''], db);
    expect(await goalsOf(db)).toEqual([{ slug: 'logos', progress: null }]);
  });

  it.each([
    [['--remove-goal', 'refs'], /refs/],
    [['--progress', '5'], /--progress.*one goal|2 goals/],
    [['--goal', 'logos:x'], /"x"/],
    [['--goal', 'refs', '--remove-goal', 'refs'], /refs/],
    [['--remove-goal', 'logos', '--remove-goal', 'logos'], /^perf: goal "logos" is given twice with --remove-goal: give it once\n$/],
    [['--goal', '', '--remove-goal', 'logos'], /^perf: --goal "" already unlinks every goal: leave out --remove-goal "logos"\n$/],
  ])('refuses %j on a note with two goals, writing nothing', async (args, message) => {
    const db = await logged();
    await expectRefused(['notes', 'edit', '1', ...args], db, message);
  });

  it('refuses --progress on a note that moves no goal, naming what to give instead', async () => {
    const db = await journal();
    await ok(['log', 'Just a note'], db);
    await expectRefused(
      ['notes', 'edit', '1', '--progress', ''],
      db,
      /^perf: note #1 moves no goal: link one with its amount, e\.g\. --goal <goal>:<amount>\n$/,
    );
  });
});
