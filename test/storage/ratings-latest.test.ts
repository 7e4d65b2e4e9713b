import { describe, expect, it } from 'vitest';
import { assessCompetency, TREND_WINDOW, type RatingSource } from '../../src/domain/competencies.js';
import { openMemoryDatabase } from '../../src/storage/db.js';
import { createStore } from '../../src/storage/store.js';

/** perf competencies reads each competency's newest ratings and latest self and others' ones, not all of them. */
describe('the ratings repo: latest', () => {
  const store = createStore(openMemoryDatabase(), false);
  const now = '2026-03-01T12:00:00.000Z';
  for (const slug of ['alpha', 'beta', 'gamma']) store.competencies.insert({ slug, name: slug, description: null, target: null }, now);
  const [alpha, beta, gamma] = store.competencies
    .list()
    .slice(-3)
    .map((c) => c.id) as [number, number, number];
  const rate = (competencyId: number, date: string, rating: number, source: RatingSource = 'self') =>
    store.ratings.insert({ competencyId, date, rating, source, ratedBy: null, note: null }, now);
  // alpha: an old manager's rating, then many self ratings (two on one day); beta: an old self one
  // under many by others; gamma: two ratings, fewer than the window.
  const oldManager = rate(alpha, '2020-01-01', 2, 'manager');
  for (let i = 0; i < 10; i++) rate(alpha, `2021-0${(i % 9) + 1}-15`, (i % 5) + 1);
  const sameDay = rate(alpha, '2021-09-15', 4);
  const oldSelf = rate(beta, '2019-05-05', 3);
  for (let i = 0; i < 9; i++) rate(beta, `2022-0${i + 1}-01`, (i % 4) + 2, i % 2 ? 'peer' : 'manager');
  rate(gamma, '2023-01-01', 1);
  rate(gamma, '2023-02-01', 5, 'customer');

  const all = store.ratings.list();
  const latest = store.ratings.latest(TREND_WINDOW);

  it('holds the newest of each competency, its latest self and latest others’, oldest first', () => {
    const ids = latest.map((r) => r.id);
    expect(ids).toContain(oldManager);
    expect(ids).toContain(sameDay);
    expect(ids).toContain(oldSelf);
    expect(latest.filter((r) => r.competencyId === gamma)).toHaveLength(2);
    expect(latest.filter((r) => r.competencyId === alpha)).toHaveLength(TREND_WINDOW + 1);
    expect(latest.length).toBeLessThan(all.length);
    const order = latest.map((r) => `${r.date} ${String(r.id).padStart(6)}`);
    expect(order).toEqual([...order].sort());
  });

  it('assesses each competency as all its ratings do', () => {
    for (const competency of store.competencies.list()) {
      const of = (ratings: typeof all) => ratings.filter((r) => r.competencyId === competency.id);
      expect(assessCompetency(competency, of(latest), 5), competency.slug).toEqual(assessCompetency(competency, of(all), 5));
    }
  });
});
