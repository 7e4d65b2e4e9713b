import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../src/storage/db.js';
import type { DealRecord } from '../../src/storage/deals-repo.js';
import { createStore } from '../../src/storage/store.js';

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
