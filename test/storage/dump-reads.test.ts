import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../src/storage/db.js';
import { createStore } from '../../src/storage/store.js';
import { newGoal } from '../fixtures/records.js';

/**
 * The export reads goal updates and ratings with queries of its own (issue 12): they must give
 * what the tables' repos give, less a goal update's note text and plus the source key, with the
 * keys in the same order (the document is JSON.stringify's), by id.
 */
describe('the export’s own reads of goal updates and ratings', () => {
  const db = openMemoryDatabase();
  const store = createStore(db, false);
  const [competency, other] = store.competencies.list();
  if (!competency || !other) throw new Error('the framework has competencies');
  const [arr, logos] = [
    store.goals.insert(newGoal('arr'), '2026-01-01T00:00:00.000Z'),
    store.goals.insert(newGoal('logos'), '2026-01-01T00:00:00.000Z'),
  ];
  const note = store.notes.insert(
    { date: '2026-02-03', text: 'Signed "Acme" – 2 seats', type: 'win', account: 'Acme', starred: false },
    '2026-02-03T09:00:00.000Z',
  );
  store.notes.linkGoal(note, logos);
  // Ids in another order than the repo's (by goal, then date), amounts whole and not.
  store.goals.insertUpdate(
    { goalId: logos, date: '2026-02-03', kind: 'add', amount: 2, note: null, noteId: note },
    '2026-02-03T09:00:00.000Z',
  );
  store.goals.insertUpdate(
    { goalId: arr, date: '2026-03-01', kind: 'set', amount: 12_500.75, note: 'Q1 “close”', noteId: null },
    '2026-03-01T09:00:00.000Z',
  );
  store.goals.insertUpdate(
    { goalId: arr, date: '2026-01-15', kind: 'add', amount: 0.1 + 0.2, note: null, noteId: null },
    '2026-01-15T09:00:00.000Z',
  );
  // Amounts SQLite writes otherwise than JavaScript: huge, tiny, negative, past 2^53, a whole REAL.
  for (const amount of [1e21, 1e-7, -3.5, 2 ** 53 + 2, 1e15, 999_999_999_999_999, 7.0]) {
    store.goals.insertUpdate(
      { goalId: arr, date: '2026-04-01', kind: 'add', amount, note: null, noteId: null },
      '2026-04-01T09:00:00.000Z',
    );
  }
  const rating = (competencyId: number, date: string, source: 'self' | 'manager') =>
    store.ratings.insert(
      { competencyId, date, rating: 3, source, ratedBy: source === 'self' ? null : 'Maria', note: source === 'self' ? null : 'ok' },
      `${date}T09:00:00.000Z`,
    );
  rating(other.id, '2026-02-01', 'self');
  rating(competency.id, '2026-01-01', 'manager');
  db.prepare("UPDATE goal_checkins SET source_key = 'jrnl:1' WHERE id = 2").run();
  db.prepare("UPDATE ratings SET source_key = 'csv:row:1' WHERE id = 1").run();

  const keyed = <T extends { id: number }>(table: 'goalCheckins' | 'ratings', records: T[]) => {
    const keys = store.journal.sourceKeys(table);
    return records.sort((a, b) => a.id - b.id).map((record) => ({ ...record, sourceKey: keys.get(record.id) ?? null }));
  };

  it('gives the goal updates as the goals repo does, without the note text, with the source key, by id', () => {
    const expected = keyed(
      'goalCheckins',
      store.goals.allUpdates().map(({ noteText: _, ...update }) => update),
    );
    expect(expected.map((update) => update.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(JSON.stringify(store.journal.goalCheckins())).toBe(JSON.stringify(expected));
  });

  it('writes the goal updates’ JSON as JSON.stringify(update, null, 2) indented and joined, amounts included', () => {
    const chunks: string[] = [];
    store.journal.eachGoalUpdatesChunk((json, records) => {
      expect(records).toBe(10);
      chunks.push(json.toString('utf8'));
    });
    const texts = store.journal.goalCheckins().map((update) => JSON.stringify(update, null, 2).replace(/\n/g, '\n    '));
    expect(chunks).toEqual([`[\n    ${texts.join(',\n    ')}`]);
    expect(chunks[0]).toContain('"amount": 1e+21');
    expect(chunks[0]).toContain('"amount": 0.30000000000000004');
  });

  it('gives the ratings as the ratings repo does, with the source key, by id', () => {
    const expected = keyed('ratings', store.ratings.list());
    expect(expected).toHaveLength(2);
    expect(JSON.stringify(store.journal.ratings())).toBe(JSON.stringify(expected));
  });
});
