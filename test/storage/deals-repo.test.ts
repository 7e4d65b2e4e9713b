import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../src/storage/db.js';
import type { DealRecord } from '../../src/storage/deals-repo.js';
import { createStore } from '../../src/storage/store.js';

/** The reads the summary's sales numbers use: deals closed in a period, and the pipeline on a day. */
describe('the deals repo', () => {
  const store = createStore(openMemoryDatabase(), false);
  const base: DealRecord = {
    slug: '',
    name: 'x',
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
    store.deals.insert({ ...base, slug, ...fields }, `${createdOn}T12:00:00.000Z`);
  add('open-early', '2026-01-10');
  add('won-march', '2026-01-15', { status: 'won', closedOn: '2026-03-05', value: 5000 });
  add('lost-april', '2026-02-01', { status: 'lost', closedOn: '2026-04-01' });
  add('open-late', '2026-05-01');

  it('closedBetween: the deals won or lost in the range, inclusive, by the day they closed', () => {
    expect(store.deals.closedBetween('2026-03-05', '2026-04-01').map((d) => d.slug)).toEqual(['won-march', 'lost-april']);
    expect(store.deals.closedBetween('2026-03-06', '2026-03-31')).toEqual([]);
  });

  it('openOn: deals entered by that day and not closed on or before it', () => {
    expect(store.deals.openOn('2026-03-04').map((d) => d.slug)).toEqual(['open-early', 'won-march', 'lost-april']);
    expect(store.deals.openOn('2026-03-05').map((d) => d.slug)).toEqual(['open-early', 'lost-april']);
    expect(store.deals.openOn('2026-06-30').map((d) => d.slug)).toEqual(['open-early', 'open-late']);
  });
});
