/**
 * The summary's reading of a period's notes: the journal's aggregate queries give the same digest
 * as the domain's own from every note, and no query the summary runs scans the notes table.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { digestNotes, SUMMARY_CAPS, type PeriodNoteDigest, type SummaryCaps } from '../../src/domain/summary-notes.js';
import { readSummary, readSummaryWithNoteDays } from '../../src/services/reports.js';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { createStore, type Store } from '../../src/storage/store.js';
import { buildCrowdedYear } from '../fixtures/crowded-year.js';
import { buildRealisticYear } from '../fixtures/realistic-year.js';
import { tempDbPath } from '../helpers.js';

const YEAR = { from: '2026-01-01', to: '2026-12-31', label: '2026' };
const TODAY = '2026-11-26';

/** Counts in a fixed order: the digest leaves them in the order the query or the notes gave. */
function comparable(digest: PeriodNoteDigest) {
  return {
    ...digest,
    byType: [...digest.byType].sort((a, b) => a.type.localeCompare(b.type)),
    accounts: [...digest.accounts].sort((a, b) => a.account.localeCompare(b.account)),
  };
}

const caps = (n: number): SummaryCaps => ({ highlights: n, goal: n, evidence: n, learning: n, growth: n });

describe.each([
  ['the realistic year', buildRealisticYear],
  ['the crowded year', buildCrowdedYear],
])('noteDigest over %s', (_, build) => {
  let store: Store;
  beforeAll(() => {
    store = createStore(openDatabase(build(tempDbPath()), { create: false, readOnly: true }), true);
  });
  afterAll(() => store.close());

  it.each([
    ['the summary caps', SUMMARY_CAPS],
    ['a cap of 1', caps(1)],
    ['a cap of 2', caps(2)],
    ['caps above every list', caps(1000)],
  ])('is the digest of every note of the period, cut to %s', (_label, cut) => {
    for (const [from, to] of [
      [YEAR.from, YEAR.to],
      ['2026-02-01', '2026-05-31'],
      ['2026-06-04', '2026-06-04'],
      ['2030-01-01', '2030-12-31'],
    ] as const) {
      const expected = digestNotes(store.reports.notesBetween(from, to), { from, to }, cut);
      expect(comparable(store.reports.noteDigest(from, to, cut)), `${from} – ${to}`).toEqual(comparable(expected));
    }
  });
});

/** `SCAN` lines of the plan that read the notes table (by name or alias) without an index. */
function fullScans(db: Db, sql: string, params: unknown[]): string[] {
  const aliases = new Set(['notes', ...[...sql.matchAll(/\bnotes\s+(?:AS\s+)?(\w+)/gi)].map((m) => m[1] as string)]);
  aliases.delete('WHERE');
  const plan = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...params);
  return plan
    .map((row) => row.detail)
    .filter((detail) => {
      const scan = /^SCAN (\w+)/.exec(detail);
      return scan !== null && aliases.has(scan[1] as string) && !/USING (COVERING )?INDEX/.test(detail);
    });
}

/** Every statement run on `db` from now on, with its parameters. */
function recordQueries(db: Db): { sql: string; params: unknown[] }[] {
  const seen: { sql: string; params: unknown[] }[] = [];
  const prepare = db.prepare.bind(db);
  vi.spyOn(db, 'prepare').mockImplementation(((sql: string) => {
    const statement = prepare(sql);
    for (const method of ['all', 'get', 'iterate', 'run'] as const) {
      const original = (statement[method] as (...args: unknown[]) => unknown).bind(statement);
      Object.defineProperty(statement, method, {
        value: (...params: unknown[]) => {
          seen.push({ sql, params });
          return original(...params);
        },
      });
    }
    return statement;
  }) as Db['prepare']);
  return seen;
}

describe('EXPLAIN QUERY PLAN of every query perf summary runs', () => {
  it('catches a full scan of notes, by name or alias', () => {
    const db = openDatabase(buildRealisticYear(tempDbPath()), { create: false, readOnly: true });
    expect(fullScans(db, 'SELECT count(*) FROM notes WHERE text LIKE ?', ['%a%'])).toEqual(['SCAN notes']);
    expect(fullScans(db, 'SELECT n.id FROM notes n WHERE n.starred = 1', [])).toEqual(['SCAN n']);
    expect(fullScans(db, 'SELECT id FROM notes WHERE date BETWEEN ? AND ?', ['2026-01-01', '2026-12-31'])).toEqual([]);
    db.close();
  });

  it.each([
    ['text, Markdown and HTML (the lists cut)', SUMMARY_CAPS],
    ['JSON and --all (every note)', null],
  ])('%s: no query scans the notes table', (_, cut) => {
    const db = openDatabase(buildCrowdedYear(tempDbPath()), { create: false, readOnly: true });
    const queries = recordQueries(db);
    const store = createStore(db, true);
    readSummaryWithNoteDays(store, YEAR, TODAY, cut);
    readSummary(store, { from: '2026-02-01', to: '2026-05-31', label: 'spring' }, TODAY, cut);
    vi.restoreAllMocks();
    const reads = queries.filter((q) => /\bnotes\b/.test(q.sql));
    // The digest's counts and lists, or the period's notes with their links, and the deals and goals.
    expect(reads.length).toBeGreaterThanOrEqual(cut === null ? 4 : 8);
    for (const { sql, params } of queries) expect(fullScans(db, sql, params), sql).toEqual([]);
    db.close();
  });
});

describe('updatesOfGoals: what the summary replays of its goals', () => {
  it("is each goal's own updates, by goal and oldest first, with what replaying them reads", () => {
    const store = createStore(openDatabase(buildRealisticYear(tempDbPath()), { create: false, readOnly: true }), true);
    const goals = store.goals.list().filter((goal) => goal.rule === null);
    const expected = goals.flatMap((goal) =>
      store.goals.progressOf(goal).map(({ id, goalId, date, kind, amount }) => ({ id, goalId, date, kind, amount })),
    );
    expect(new Set(expected.map((update) => update.kind))).toEqual(new Set(['set', 'add']));
    expect(store.reports.updatesOfGoals(goals.map((goal) => goal.id))).toEqual(expected);
    expect(store.reports.updatesOfGoals([])).toEqual([]);
    store.close();
  });
});
