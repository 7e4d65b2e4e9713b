import { describe, expect, it } from 'vitest';
import { readJournalTables } from '../../src/services/export.js';
import { openMemoryDatabase } from '../../src/storage/db.js';
import type { LongTable } from '../../src/storage/export-json.js';
import { createStore } from '../../src/storage/store.js';
import { newGoal } from '../fixtures/records.js';

/**
 * SQLite writes the JSON of the export's goal updates, ratings and feedback (issue 12): it must be
 * JSON.stringify's text of what the tables' repos read (readJournalTables: less a goal update's
 * note text and a slug, plus the source key and feedback's flags), keys in the same order, by id.
 * The notes have their own test (export-notes.test.ts).
 */
describe('the export’s JSON of goal updates, ratings and feedback, written by SQLite', () => {
  const db = openMemoryDatabase();
  const store = createStore(db, false);
  const [competency, other] = store.competencies.list();
  if (!competency || !other) throw new Error('the framework has competencies');
  const at = '2026-01-01T00:00:00.000Z';
  const [arr, logos] = [store.goals.insert(newGoal('arr'), at), store.goals.insert(newGoal('logos'), at)];
  const note = store.notes.insert(
    { date: '2026-02-03', text: 'Signed "Acme" – 2 seats', type: 'win', account: 'Acme', starred: false },
    at,
  );
  store.notes.linkGoal(note, logos);
  // Ids in another order than the repo's (by goal, then date); amounts SQLite writes otherwise than
  // JavaScript: a fraction, huge, tiny, negative, past 2^53, whole REALs.
  store.goals.insertUpdate({ goalId: logos, date: '2026-02-03', kind: 'add', amount: 2, note: null, noteId: note }, at);
  store.goals.insertUpdate(
    { goalId: arr, date: '2026-03-01', kind: 'set', amount: 12_500.75, note: 'Q1 “close” \\ \u202e', noteId: null },
    at,
  );
  for (const amount of [0.1 + 0.2, 1e21, 1e-7, -3.5, 2 ** 53 + 2, 1e15, 999_999_999_999_999, 7.0]) {
    store.goals.insertUpdate({ goalId: arr, date: '2026-01-15', kind: 'add', amount, note: null, noteId: null }, at);
  }
  const rating = (competencyId: number, date: string, source: 'self' | 'manager') =>
    store.ratings.insert(
      {
        competencyId,
        date,
        rating: 3,
        source,
        ratedBy: source === 'self' ? null : 'María "M"',
        note: source === 'self' ? null : 'ok\tfine',
      },
      at,
    );
  rating(other.id, '2026-02-01', 'self');
  rating(competency.id, '2026-01-01', 'manager');
  store.feedback.insert(
    { date: '2026-02-04', from: 'Zoë', relationship: 'customer', competencyId: null, text: 'Thanks — "great" call', starred: true },
    at,
  );
  store.feedback.insert(
    { date: '2026-01-04', from: 'Maria', relationship: 'manager', competencyId: other.id, text: 'Prepare more', constructive: true },
    at,
  );
  db.prepare("UPDATE goal_checkins SET source_key = 'jrnl:1' WHERE id = 2").run();
  db.prepare("UPDATE ratings SET source_key = 'csv:row:1' WHERE id = 1").run();
  db.prepare("UPDATE feedback SET source_key = 'x:1' WHERE id = 2").run();

  const sqlJson = (table: LongTable) => {
    const chunks: string[] = [];
    store.journal.eachJsonChunk(table, (json) => chunks.push(json.toString('utf8')));
    return chunks.join('');
  };
  const stringified = (records: unknown[]) =>
    `[\n    ${records.map((record) => JSON.stringify(record, null, 2).replace(/\n/g, '\n    ')).join(',\n    ')}`;

  it.each(['goalCheckins', 'ratings', 'feedback'] as const)('%s: JSON.stringify’s text of the repos’ records, by id', (table) => {
    const records = readJournalTables(store)[table];
    expect(records.length).toBeGreaterThan(1);
    expect(records.map((record) => record.id)).toEqual(records.map((_, i) => i + 1));
    expect(sqlJson(table)).toBe(stringified(records));
  });

  it('writes amounts as JavaScript does, not as SQLite does', () => {
    expect(sqlJson('goalCheckins')).toContain('"amount": 1e+21');
    expect(sqlJson('goalCheckins')).toContain('"amount": 0.30000000000000004');
    expect(sqlJson('goalCheckins')).toContain('"amount": 7,');
  });

  it('gives nothing for an empty table', () => {
    const empty = createStore(openMemoryDatabase(), false);
    const chunks: Buffer[] = [];
    empty.journal.eachJsonChunk('goalCheckins', (json) => chunks.push(json));
    expect(chunks).toEqual([]);
  });
});
