import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, openMemoryDatabase } from '../../src/storage/db.js';
import { newJournal } from '../harness/journals.js';
import type { DealRecord } from '../../src/storage/deals-repo.js';
import { createStore } from '../../src/storage/store.js';
import { newGoal } from '../fixtures/records.js';
import { goalStatusOn } from '../../src/domain/goal-report.js';
import { julianDayNumber } from '../../src/domain/streaks.js';
import { goalsShown } from '../../src/domain/summary.js';

/** The one read of deals the summary's sales numbers use: those closed in the period, and those open at its end. */
describe('the report repo: summaryDeals', () => {
  const store = createStore(openMemoryDatabase(), false);
  const base: DealRecord = {
    slug: '',
    name: '',
    account: null,
    value: 1000,
    stage: null,
    status: 'open',
    expectedClose: null,
    closedOn: null,
    reason: null,
    externalId: null,
  };
  const add = (slug: string, createdOn: string, fields: Partial<DealRecord> = {}) =>
    store.deals.insert({ ...base, slug, name: slug, ...fields }, `${createdOn}T12:00:00.000Z`);
  add('open-early', '2026-01-10');
  add('won-march', '2026-01-15', { status: 'won', closedOn: '2026-03-05', value: 5000 });
  add('lost-april', '2026-02-01', { status: 'lost', closedOn: '2026-04-01' });
  add('open-late', '2026-05-01');
  const names = (from: string, to: string) => store.reports.summaryDeals(from, to).map((d) => d.name);

  it('deals closed in the range, its first and last day included, with those open at its end', () => {
    expect(names('2026-03-05', '2026-04-01')).toEqual(['open-early', 'won-march', 'lost-april']);
  });

  it('a deal closed after the range is still open at its end; one closed before it is left out', () => {
    expect(names('2026-03-06', '2026-03-31')).toEqual(['open-early', 'lost-april']);
    expect(names('2026-06-01', '2026-06-30')).toEqual(['open-early', 'open-late']);
  });

  it('a deal entered after the range is not in it; one entered on its last day is', () => {
    expect(names('2026-01-01', '2026-01-09')).toEqual([]);
    expect(names('2026-01-01', '2026-01-10')).toEqual(['open-early']);
  });

  it('reads what the sales numbers need: the day entered, the day closed, the status and the stage', () => {
    expect(store.reports.summaryDeals('2026-03-01', '2026-03-31').find((d) => d.name === 'won-march')).toEqual({
      id: 2,
      name: 'won-march',
      account: null,
      value: 5000,
      stage: null,
      status: 'won',
      createdOn: '2026-01-15',
      closedOn: '2026-03-05',
    });
  });
});

describe('the report repo: what the summary reads of notes and accounts', () => {
  const store = createStore(openMemoryDatabase(), false);
  const note = (date: string, text: string, account: string | null) =>
    store.notes.insert({ date, text, type: 'note', account, starred: false }, `${date}T09:00:00.000Z`);
  const goal = (slug: string) => store.goals.insert(newGoal(slug), '2026-01-01T09:00:00.000Z');
  const arr = goal('arr');
  const logos = goal('logos');
  const first = note('2026-02-01', 'alpenrad first', 'alpenrad ag');
  note('2026-01-15', 'Alpenrad earlier', 'Alpenrad AG');
  const linked = note('2026-03-01', 'linked', 'Hooli');
  store.notes.setTags(linked, ['q4', 'big']);
  store.notes.linkGoal(linked, logos);
  store.notes.linkGoal(linked, arr);
  store.goals.insertUpdate(
    { goalId: arr, date: '2026-03-01', kind: 'add', amount: 5, note: null, noteId: linked },
    '2026-03-01T09:00:00.000Z',
  );
  // The framework's first two competencies, linked in the reverse order: they come back in framework order.
  const [c1, c2] = store.competencies.list();
  if (!c1 || !c2) throw new Error('the framework has competencies');
  store.competencies.linkNote(linked, [c2.id, c1.id]);
  note('2026-04-01', 'outside', null);
  store.deals.insert(
    {
      slug: 'd',
      name: 'd',
      account: 'HOOLI',
      value: 1,
      stage: null,
      status: 'open',
      expectedClose: null,
      closedOn: null,
      reason: null,
      externalId: null,
    },
    '2025-01-01T00:00:00.000Z',
  );

  it('gives each account once, in the spelling first used by a note (by date, not by id), before any deal’s', () => {
    expect(first).toBe(1);
    expect([...store.reports.accountSpellings()].sort()).toEqual(['Alpenrad AG', 'Hooli']);
  });

  it('reads a period’s notes with their links exactly as the note listing does', () => {
    const listed = store.notes.list({ from: '2026-01-01', to: '2026-03-31', ascending: true });
    expect(listed.map((n) => n.text)).toEqual(['Alpenrad earlier', 'alpenrad first', 'linked']);
    expect(listed[2]).toMatchObject({ tags: ['big', 'q4'], competencies: [c1.slug, c2.slug] });
    expect(listed[2]?.goals).toEqual([
      { goalId: arr, slug: 'arr', progress: 5 },
      { goalId: logos, slug: 'logos', progress: null },
    ]);
    expect(store.reports.notesBetween('2026-01-01', '2026-03-31')).toEqual(listed);
  });
});

describe('the ratings a summary reads', () => {
  const store = createStore(openMemoryDatabase(), false);
  const [closing, discovery] = store.competencies.list();
  if (!closing || !discovery) throw new Error('the framework has competencies');
  const rate = (competencyId: number, date: string, source: 'self' | 'manager' | 'peer') =>
    store.ratings.insert({ competencyId, date, rating: 3, source, ratedBy: null, note: null }, `${date}T09:00:00.000Z`);
  const oldSelf = rate(closing.id, '2024-01-01', 'self');
  const lastSelfBefore = rate(closing.id, '2025-06-01', 'self');
  const sameDayEarlier = rate(closing.id, '2025-12-31', 'manager');
  const lastOthersBefore = rate(closing.id, '2025-12-31', 'peer');
  const onFirstDay = rate(closing.id, '2026-01-01', 'self');
  const within = rate(discovery.id, '2026-03-01', 'manager');
  const onLastDay = rate(discovery.id, '2026-06-30', 'self');
  const after = rate(discovery.id, '2026-07-01', 'self');

  it('are those within the period and, per competency, the latest self and others’ rating before it, oldest first', () => {
    const ids = store.ratings.forPeriod('2026-01-01', '2026-06-30').map((r) => r.id);
    expect(ids).toEqual([lastSelfBefore, lastOthersBefore, onFirstDay, within, onLastDay]);
    expect(ids).not.toContain(oldSelf);
    expect(ids).not.toContain(sameDayEarlier);
  });

  it('are each competency’s latest self and others’ rating when the period starts after them all', () => {
    expect(store.ratings.forPeriod('2027-01-01', '2027-12-31').map((r) => r.id)).toEqual([lastOthersBefore, onFirstDay, within, after]);
  });
});

describe('the report repo: noteDayNumbers (perf status’s streaks)', () => {
  const store = createStore(openMemoryDatabase(), false);
  const note = { text: 'x', type: 'note', account: null, starred: false } as const;
  for (const date of ['2026-03-02', '2025-12-31', '2026-03-02', '2026-01-01', '2026-03-03', '2024-02-29'])
    store.notes.insert({ ...note, date }, '2026-03-03T12:00:00.000Z');

  it('each day with notes once, oldest first, as its day number, up to the day given', () => {
    expect(store.reports.noteDayNumbers('2026-03-02')).toEqual(
      ['2024-02-29', '2025-12-31', '2026-01-01', '2026-03-02'].map(julianDayNumber),
    );
    expect(store.reports.noteDayNumbers('2026-12-31')).toHaveLength(5);
    expect(store.reports.noteDayNumbers('2020-01-01')).toEqual([]);
  });
});

describe('the report repo: snapshot', () => {
  const note = { text: 'x', type: 'note', account: null, starred: false } as const;

  it('reads one state of the journal: a note written meanwhile by another process is not seen until it ends', () => {
    const file = newJournal();
    const store = createStore(openDatabase(file, { create: false }), true);
    const other = new Database(file);
    try {
      const insert = other.prepare(
        "INSERT INTO notes (date, text, type, created_at, updated_at) VALUES ('2026-03-02', 'x', 'note', 'now', 'now')",
      );
      const counts = store.reports.snapshot(() => {
        const before = store.reports.noteCount();
        insert.run();
        return [before, store.reports.noteCount()];
      });
      expect(counts).toEqual([0, 0]);
      expect(store.reports.noteCount()).toBe(1);
    } finally {
      other.close();
      store.close();
    }
  });

  it('runs inside another snapshot as part of it, and ends its transaction when its reading fails', () => {
    const store = createStore(openMemoryDatabase(), false);
    store.notes.insert({ ...note, date: '2026-03-02' }, '2026-03-02T12:00:00.000Z');
    expect(store.reports.snapshot(() => store.reports.snapshot(() => store.reports.noteCount()))).toBe(1);
    expect(() =>
      store.reports.snapshot(() => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(() => store.reports.snapshot(async () => 1)).toThrow(/synchronously/);
    // No transaction is left open: a write transaction starts as usual.
    expect(store.transaction(() => store.notes.insert({ ...note, date: '2026-03-03' }, '2026-03-03T12:00:00.000Z'))).toBe(2);
  });
});

describe('the goals repo: openOn (perf status)', () => {
  const store = createStore(openMemoryDatabase(), false);
  const now = '2026-01-01T12:00:00.000Z';
  const add = (slug: string, status: 'active' | 'done' | 'dropped', closedOn: string | null) =>
    store.goals.insert({ ...newGoal(slug), status, closedOn }, now);
  add('active', 'active', null);
  add('done-before', 'done', '2026-03-01');
  add('done-on-the-day', 'done', '2026-03-02');
  add('done-after', 'done', '2026-03-03');
  add('dropped-after', 'dropped', '2026-04-01');

  it('are the goals goalStatusOn counts as active on the day: active ones and those closed after it', () => {
    const slugs = store.goals.openOn('2026-03-02').map((goal) => goal.slug);
    expect(slugs).toEqual(['active', 'done-after', 'dropped-after']);
    expect(store.goals.openOn('2026-03-02')).toEqual(store.goals.list().filter((goal) => goalStatusOn(goal, '2026-03-02') === 'active'));
  });
});

/** The goals the summary reads: those goalsShown keeps from all of them, and the goals they align to. */
describe('the goals repo: forSummary', () => {
  const store = createStore(openMemoryDatabase(), false);
  const at = '2026-01-01T00:00:00.000Z';
  const add = (slug: string, fields: Partial<Parameters<typeof store.goals.insert>[0]> = {}) =>
    store.goals.insert({ ...newGoal(slug), start: '2026-01-01', ...fields }, at);
  const company = add('company', { org: true });
  add('open');
  add('closed-before', { status: 'done', closedOn: '2026-02-15' });
  add('closed-inside', { status: 'done', closedOn: '2026-05-10' });
  add('closed-after-as-of', { status: 'dropped', closedOn: '2026-11-20' });
  add('starts-after', { start: '2027-02-01', status: 'done', closedOn: '2026-02-20' });
  add('aligned', { alignsToId: company });
  add('org-unaligned', { org: true });
  add('closed-before-aligned', { status: 'done', closedOn: '2026-02-01', alignsToId: add('parent-of-closed', { org: true }) });

  it('reads what goalsShown keeps of every goal, and their parents; nothing else', () => {
    for (const [from, to, asOf] of [
      ['2026-03-01', '2026-12-31', '2026-11-01'],
      ['2026-01-01', '2026-12-31', '2026-12-31'],
      ['2027-01-01', '2027-12-31', '2026-11-30'],
    ] as const) {
      const all = store.goals.list();
      const shown = goalsShown(all, { from, to, label: 'period' }, asOf);
      const parents = new Set(shown.map((goal) => goal.alignsToId));
      const expected = all.filter((goal) => shown.includes(goal) || parents.has(goal.id)).map((goal) => goal.slug);
      expect(
        store.goals.forSummary(from, to, asOf).map((goal) => goal.slug),
        `${from}–${to} as of ${asOf}`,
      ).toEqual(expected);
    }
    expect(store.goals.forSummary('2026-03-01', '2026-12-31', '2026-11-01').map((goal) => goal.slug)).toEqual([
      'company',
      'open',
      'closed-inside',
      'closed-after-as-of',
      'starts-after',
      'aligned',
    ]);
  });
});
