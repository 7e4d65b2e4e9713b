import { describe, expect, it } from 'vitest';
import type { DumpNote } from '../../src/domain/journal-dump.js';
import { flatJson } from '../../src/services/export.js';
import { openMemoryDatabase } from '../../src/storage/db.js';
import { createStore } from '../../src/storage/store.js';

describe('the export reads the notes a chunk at a time', () => {
  it('gives every note with its links, across chunk boundaries, exactly as the one-query read', () => {
    const store = createStore(openMemoryDatabase(), false);
    const [competency] = store.competencies.list();
    if (!competency) throw new Error('the framework has competencies');
    const goal = store.goals.insert(
      {
        slug: 'arr',
        title: 'ARR',
        org: false,
        unit: null,
        baseline: 0,
        target: 10,
        start: '2026-01-01',
        due: null,
        status: 'active',
        closedOn: null,
        alignsToId: null,
        alignsToText: null,
      },
      '2026-01-01T00:00:00.000Z',
    );
    // 4,100 notes: more than two chunks of 2,000, with links on either side of each boundary.
    for (let i = 1; i <= 4100; i++) {
      const id = store.notes.insert(
        { date: '2026-02-01', text: `note ${i}`, type: 'note', account: null, starred: i % 7 === 0 },
        '2026-02-01T00:00:00.000Z',
      );
      if ([1, 1999, 2000, 2001, 4000, 4001, 4100].includes(i)) {
        store.notes.setTags(id, ['zeta', `t${i}`, 'alpha']);
        store.notes.linkGoal(id, goal);
        store.competencies.linkNote(id, [competency.id]);
      }
    }
    store.notes.remove(2002);
    const seen: DumpNote[] = [];
    store.journal.eachNote((note) => seen.push(note));
    expect(seen).toHaveLength(4099);
    expect(seen).toEqual(store.journal.notes());
    expect(seen.find((n) => n.id === 2001)).toMatchObject({
      tags: ['alpha', 't2001', 'zeta'],
      goalIds: [goal],
      competencyIds: [competency.id],
    });
    // The keys keep the order the export has always written them in.
    expect(Object.keys(seen[0] ?? {})).toEqual(Object.keys(store.journal.notes()[0] ?? {}));
  });
});

describe('flatJson', () => {
  it.each([
    { id: 1, text: 'a "quoted"\nline', tags: [], goalIds: [3, 4], none: null, starred: true, odd: [null, 'x'] },
    { nested: { a: [1, { b: 2 }] }, list: [{ c: 1 }], skipped: undefined, n: Number.NaN },
    {},
  ])('writes what JSON.stringify(record, null, 2) writes, indented: %j', (record) => {
    expect(flatJson(record, '    ')).toBe(JSON.stringify(record, null, 2).replace(/\n/g, '\n    '));
  });
});
