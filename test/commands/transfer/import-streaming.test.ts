/**
 * Import of a perf export reads the file as a stream and writes each record as it goes, in one
 * transaction (issue 8, defect 19): what is written must still be all or nothing, and a file
 * written by hand, in another order than perf export's, must import the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/storage/db.js';
import { createStore } from '../../../src/storage/store.js';
import { expectRefused, run, tempDbPath, tempDir, stderrAfterCreating } from '../../helpers.js';

function writeJson(value: unknown): string {
  const file = path.join(tempDir(), 'import.json');
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

async function ok(args: string[], db: string): Promise<any> {
  const result = await run([...args, '--json'], { db });
  expect(stderrAfterCreating(result.stderr, db)).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const instant = '2026-03-01T09:00:00.000Z';
const goal = (id: number, slug: string, alignsToId: number | null) => ({
  id,
  slug,
  title: `Goal ${slug}`,
  org: false,
  unit: null,
  baseline: 0,
  target: 10,
  start: '2026-01-01',
  due: null,
  status: 'active',
  closedOn: null,
  alignsToId,
  alignsToText: null,
  createdAt: instant,
  updatedAt: instant,
});

/** Every table before the ones it refers to, config last, and a goal aligned to a later goal. */
function backwardsFile() {
  return {
    checkins: [{ id: 1, date: '2026-03-02', note: 'One-to-one', createdAt: instant }],
    ratings: [{ id: 1, competencyId: 7, date: '2026-03-02', rating: 8, source: 'self', createdAt: instant }],
    goalCheckins: [{ id: 1, goalId: 20, date: '2026-03-02', kind: 'add', amount: 3, note: null, noteId: 30, createdAt: instant }],
    notes: [
      {
        id: 30,
        date: '2026-03-02',
        text: 'Closed a deal',
        type: 'win',
        goalId: 20,
        competencyIds: [7],
        createdAt: instant,
        updatedAt: instant,
      },
    ],
    goals: [goal(10, 'team-arr', 20), goal(20, 'company-arr', null)],
    competencies: [{ id: 7, slug: 'closing', name: 'Closing', position: 1, createdAt: instant, updatedAt: instant }],
    format: 'perf-journal',
    version: 1,
    // The rating of 8 is within this scale only: the config comes after it.
    config: { 'scale.max': '10' },
  };
}

describe('a file in another order than perf export writes', () => {
  async function check(db: string) {
    const goals = await ok(['goals'], db);
    const team = goals.find((g: any) => g.slug === 'team-arr');
    const company = goals.find((g: any) => g.slug === 'company-arr');
    expect(team.alignsTo?.id ?? team.alignsToId).toBe(company.id);
    const notes = await ok(['notes'], db);
    const deal = notes.find((n: any) => n.text === 'Closed a deal');
    expect(deal.goal).toBe('company-arr');
    expect(deal.competencies).toContain('closing');
    const dump = JSON.parse((await run(['export'], { db })).stdout);
    const checkin = dump.goalCheckins.find((c: any) => c.amount === 3);
    expect(checkin).toMatchObject({ goalId: company.id, noteId: deal.id });
    expect(dump.ratings.find((r: any) => r.rating === 8)?.competencyId).toBe(dump.competencies.find((c: any) => c.slug === 'closing').id);
  }

  it('restores into an empty journal, references and all', async () => {
    const db = tempDbPath();
    expect((await ok(['import', writeJson(backwardsFile())], db)).mode).toBe('restore');
    await check(db);
  });

  it('merges into a journal with data, mapping every reference to the new ids', async () => {
    const db = tempDbPath();
    expect((await run(['log', 'Already here'], { db })).code).toBe(0);
    expect((await run(['goals', 'add', 'Older goal', '--target', '5'], { db })).code).toBe(0);
    const merged = await ok(['import', writeJson(backwardsFile())], db);
    expect(merged.mode).toBe('merge');
    expect(merged.added).toBe(7);
    await check(db);
  });

  it('refuses a reference to a record that is nowhere in the file, with one line', async () => {
    const file = backwardsFile();
    file.goalCheckins[0]!.noteId = 31;
    const db = tempDbPath();
    expect((await run(['log', 'Already here'], { db })).code).toBe(0);
    await expectRefused(
      ['import', writeJson(file)],
      db,
      /^perf: invalid noteId 31 in goalCheckins\[0\] \(id 1\): there is no note with that id in the file; nothing was imported\n$/,
    );
  });
});

describe('all or nothing while streaming', () => {
  /** Thousands of notes, then, last in the file, a rating only the journal can refuse. */
  function bigFileEndingBadly() {
    return {
      format: 'perf-journal',
      version: 1,
      config: { 'scale.max': '10' },
      competencies: [{ id: 1, slug: 'negotiation', name: 'Negotiation', position: 1, createdAt: instant, updatedAt: instant }],
      notes: Array.from({ length: 3000 }, (_, i) => ({
        id: i + 1,
        date: '2026-03-02',
        text: `Call ${i + 1}`,
        createdAt: instant,
        updatedAt: instant,
      })),
      ratings: [{ id: 1, competencyId: 1, date: '2026-03-02', rating: 9, createdAt: instant }],
    };
  }

  it('a record refused while writing, after thousands were written, leaves the whole file as it was', async () => {
    const db = tempDbPath();
    expect((await run(['config', 'set', 'scale.max', '5'], { db })).code).toBe(0);
    expect((await run(['log', 'Before the import'], { db })).code).toBe(0);
    await expectRefused(
      ['import', writeJson(bigFileEndingBadly())],
      db,
      /^perf: invalid rating 9 in ratings\[0\] \(id 1\): use a whole number from 1 to 5, this journal's scale; nothing was imported\n$/,
    );
  });

  it('a file cut short after its records is not JSON, and nothing is written, not even a new journal', async () => {
    const text = JSON.stringify(bigFileEndingBadly());
    const file = path.join(tempDir(), 'cut.json');
    fs.writeFileSync(file, text.slice(0, text.length - 40));
    const db = tempDbPath();
    await expectRefused(['import', file], db, /cut\.json" is not JSON/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('Store.begin holds a transaction across awaits; rollback undoes every write, commit keeps them', async () => {
    const file = tempDbPath();
    const store = createStore(openDatabase(file, { create: true }), true);
    const insert = (text: string) =>
      store.journal.insertNote({
        id: null,
        date: '2026-03-02',
        text,
        type: 'note',
        account: null,
        starred: false,
        goalIds: [],
        tags: [],
        competencyIds: [],
        createdAt: instant,
        updatedAt: instant,
        sourceKey: null,
      });
    const first = store.begin();
    insert('written, then rolled back');
    await new Promise((resolve) => setTimeout(resolve, 5));
    insert('also rolled back');
    expect(store.journal.notes()).toHaveLength(2);
    first.rollback();
    expect(store.journal.notes()).toHaveLength(0);
    const second = store.begin();
    insert('kept');
    await new Promise((resolve) => setTimeout(resolve, 5));
    second.commit();
    second.rollback();
    store.close();
    expect((await ok(['notes'], file)).map((n: any) => n.text)).toEqual(['kept']);
  });
});

describe('an export from before command words were refused as slugs', () => {
  it('imports a goal named "edit" and a competency named "history" under the names the upgrade gives them', async () => {
    const source = tempDbPath();
    expect((await run(['goals', 'add', 'Edit proposals', '--slug', 'proposals'], { db: source })).code).toBe(0);
    expect((await run(['competencies', 'add', 'Account history', '--slug', 'acct'], { db: source })).code).toBe(0);
    const dump = JSON.parse((await run(['export'], { db: source })).stdout);
    // As an older perf wrote it, when these slugs were still allowed.
    dump.goals[0].slug = 'edit';
    dump.competencies.find((c: { slug: string }) => c.slug === 'acct').slug = 'history';
    const file = path.join(tempDir(), 'old-export.json');
    fs.writeFileSync(file, JSON.stringify(dump));
    // Restored into an empty journal, and merged into one with data.
    for (const withData of [false, true]) {
      const db = tempDbPath();
      if (withData) expect((await run(['log', 'Existing note'], { db })).code).toBe(0);
      const imported = await run(['import', file], { db });
      expect(imported.code).toBe(0);
      const goals = JSON.parse((await run(['goals', '--json'], { db })).stdout) as { slug: string }[];
      expect(goals.map((g) => g.slug)).toEqual(['goal-edit']);
      const competencies = JSON.parse((await run(['competencies', '--json'], { db })).stdout) as { slug: string }[];
      expect(competencies.map((c) => c.slug)).toContain('competency-history');
    }
  });
});
