import { describe, expect, it } from 'vitest';
import { isOpen, type DevStatus } from '../../src/domain/development.js';
import { openMemoryDatabase } from '../../src/storage/db.js';
import { createStore } from '../../src/storage/store.js';

describe('the development repo: listOpen (perf status, perf competencies)', () => {
  const store = createStore(openMemoryDatabase(), false);
  const now = '2026-03-01T12:00:00.000Z';
  const statuses: DevStatus[] = ['done', 'planned', 'dropped', 'in-progress', 'planned', 'done'];
  for (const [i, status] of statuses.entries()) {
    const id = store.development.insert({ title: `item ${i}`, competencyId: null, assignedBy: null, due: null }, now);
    if (status !== 'planned')
      store.development.setProgress(
        id,
        { status, startedOn: '2026-02-01', startNote: null, completedOn: status === 'in-progress' ? null : '2026-02-15', outcome: null },
        now,
      );
  }

  it('reads the planned and in-progress activities only, by id, as list() then isOpen would', () => {
    const open = store.development.listOpen();
    expect(open.map((item) => item.status)).toEqual(['planned', 'in-progress', 'planned']);
    expect(open).toEqual(store.development.list().filter(isOpen));
  });
});

describe('the development repo: listSince (perf summary)', () => {
  const store = createStore(openMemoryDatabase(), false);
  const now = '2026-03-01T12:00:00.000Z';
  const closed: [DevStatus, string | null][] = [
    ['done', '2026-01-10'],
    ['planned', null],
    ['dropped', '2026-02-01'],
    ['in-progress', null],
    ['done', '2026-02-15'],
    ['done', '2026-01-31'],
  ];
  for (const [i, [status, completedOn]] of closed.entries()) {
    const id = store.development.insert({ title: `item ${i}`, competencyId: null, assignedBy: null, due: null }, now);
    if (status !== 'planned')
      store.development.setProgress(id, { status, startedOn: '2026-01-05', startNote: null, completedOn, outcome: null }, now);
  }

  it('reads the activities still open and those done or dropped on or after the day, by id', () => {
    const since = store.development.listSince('2026-02-01');
    expect(since.map((item) => item.title)).toEqual(['item 1', 'item 2', 'item 3', 'item 4']);
    expect(since).toEqual(store.development.list().filter((item) => item.completedOn === null || item.completedOn >= '2026-02-01'));
    expect(store.development.listSince('2026-03-01').map((item) => item.title)).toEqual(['item 1', 'item 3']);
  });
});
