import { describe, expect, it } from 'vitest';
import {
  assessCompetency,
  competencySlug,
  computeGap,
  computeTrend,
  describeUsage,
  effectiveTarget,
  isImprovementTarget,
  latestRating,
  normalizeCompetencyName,
  parseRating,
  parseRatingSource,
  parseTarget,
  resolveCompetencyRef,
  sparkline,
  trendArrow,
  type Competency,
  type LatestRating,
  type Rating,
  type RatingSource,
} from '../../src/domain/competencies.js';
import { SEEDED_COMPETENCIES } from '../../src/storage/migrations.js';

const FRAMEWORK = SEEDED_COMPETENCIES.map(([slug, name], i) => ({ id: i + 1, slug, name }));

const latest = (rating: number, source: RatingSource = 'self'): LatestRating => ({ rating, date: '2026-10-01', source, by: null });

let nextId = 1;
function rating(date: string, value: number, source: RatingSource = 'self', id = nextId++): Rating {
  return { id, competencyId: 5, date, rating: value, source, ratedBy: null, note: null, createdAt: `${date}T12:00:00.000Z` };
}

const negotiation: Competency = { id: 5, slug: 'negotiation', name: 'Negotiation', description: null, target: null, position: 5 };

describe('resolveCompetencyRef', () => {
  it.each([
    ['5', 'negotiation'],
    ['#5', 'negotiation'],
    ['negotiation', 'negotiation'],
    ['NEGOTIATION', 'negotiation'],
    ['neg', 'negotiation'],
    ['objection-handling', 'objection-handling'],
    ['Objection handling', 'objection-handling'],
    ['objection  HAND', 'objection-handling'],
    ['obj', 'objection-handling'],
    ['objection-h', 'objection-handling'],
    ['pipe', 'pipeline-management'],
    ['  clos  ', 'closing'],
    ['com', 'communication'],
    ['co', null],
  ])('%j → %s', (ref, slug) => {
    if (slug === null) expect(() => resolveCompetencyRef(ref, FRAMEWORK)).toThrow(/ambiguous/);
    else expect(resolveCompetencyRef(ref, FRAMEWORK).slug).toBe(slug);
  });

  it('lists every candidate of an ambiguous prefix, in framework order', () => {
    expect(() => resolveCompetencyRef('c', FRAMEWORK)).toThrow(
      'competency "c" is ambiguous: it matches closing, communication, collaboration',
    );
    expect(() => resolveCompetencyRef('p', FRAMEWORK)).toThrow(
      'it matches prospecting, presentation, pipeline-management, product-knowledge',
    );
  });

  it('prefers an exact name or slug over longer names that start with it', () => {
    const list = [
      { id: 1, slug: 'closing', name: 'Closing' },
      { id: 2, slug: 'closing-large-deals', name: 'Closing large deals' },
    ];
    expect(resolveCompetencyRef('closing', list).id).toBe(1);
    expect(resolveCompetencyRef('Closing large', list).id).toBe(2);
    expect(() => resolveCompetencyRef('clos', list)).toThrow('it matches closing, closing-large-deals');
  });

  it.each([
    ['negociation', 'unknown competency "negociation": did you mean negotiation?'],
    ['closign', 'unknown competency "closign": did you mean closing?'],
    ['xyzzy', 'unknown competency "xyzzy": see the list with perf competencies'],
    ['42', 'no competency with id 42: see the ids with perf competencies'],
    ['', 'invalid competency "": give its id, slug or the start of its name'],
  ])('%j is refused: %s', (ref, message) => {
    expect(() => resolveCompetencyRef(ref, FRAMEWORK)).toThrow(message);
  });
});

describe('effectiveTarget', () => {
  it.each([
    [null, 5, 5],
    [4, 5, 4],
    [5, 5, 5],
    [null, 7, 7],
    // The scale was lowered after the target was set: the top of the scale is as high as it goes.
    [5, 4, 4],
  ])('own target %s on a scale to %i → %i', (target, scaleMax, expected) => {
    expect(effectiveTarget(target, scaleMax)).toBe(expected);
  });
});

describe('computeGap', () => {
  it.each<[number, LatestRating | null, LatestRating | null, number | null]>([
    [5, null, null, null],
    [5, latest(3), null, 2],
    [5, null, latest(2, 'manager'), 3],
    // Others count over self.
    [5, latest(4), latest(2, 'manager'), 3],
    [5, latest(2), latest(4, 'peer'), 1],
    [4, latest(4), null, 0],
    // Above one's own target.
    [3, latest(5), null, -2],
  ])('target %i, self %j, others %j → %s', (target, self, others, expected) => {
    expect(computeGap(target, self, others)).toBe(expected);
  });
});

describe('isImprovementTarget', () => {
  it.each<[LatestRating | null, LatestRating | null, number, boolean]>([
    [null, null, 5, false],
    [latest(3), null, 5, true],
    [latest(5), null, 5, false],
    // The rating that counts is the others'.
    [latest(5), latest(4, 'manager'), 5, true],
    [latest(3), latest(5, 'manager'), 5, false],
    [latest(4), null, 4, false],
    [latest(4), null, 7, true],
  ])('self %j, others %j, scale %i → %s', (self, others, scaleMax, expected) => {
    expect(isImprovementTarget(self, others, scaleMax)).toBe(expected);
  });

  it('holds at the target when the target is below the top of the scale', () => {
    const a = assessCompetency({ ...negotiation, target: 4 }, [rating('2026-10-01', 4)], 5);
    expect(a).toMatchObject({ target: 4, gap: 0, improvementTarget: true });
  });
});

describe('computeTrend', () => {
  it.each<[number[], number[], string | null]>([
    [[], [], null],
    [[3], [3], null],
    [[3, 4], [3, 4], 'up'],
    [[4, 3], [4, 3], 'down'],
    [[3, 3], [3, 3], 'flat'],
    // The latest against the average of those before it: 2, 3, 4 average 3 → 4 is up.
    [[2, 3, 4, 4], [2, 3, 4, 4], 'up'],
    [[3, 4, 3], [3, 4, 3], 'down'],
    [[4, 2, 3], [4, 2, 3], 'flat'],
    // Only the last six count.
    [[1, 1, 1, 5, 5, 5, 5, 5, 4], [5, 5, 5, 5, 5, 4], 'down'],
  ])('%j → %j %s', (ratings, window, direction) => {
    expect(computeTrend(ratings)).toEqual({ ratings: window, direction });
  });

  it('takes the window it is given', () => {
    expect(computeTrend([1, 2, 3, 4], 2)).toEqual({ ratings: [3, 4], direction: 'up' });
  });
});

describe('sparkline', () => {
  it.each<[number[], number, string]>([
    [[], 5, ''],
    [[1, 2, 3, 4, 5], 5, '▁▃▅▆█'],
    [[5, 5], 5, '██'],
    [[1, 10], 10, '▁█'],
    [[1, 2, 3, 4], 4, '▁▃▆█'],
    [[1, 2], 2, '▁█'],
  ])('%j on a scale to %i → %s', (ratings, scaleMax, expected) => {
    expect(sparkline(ratings, scaleMax)).toBe(expected);
  });

  it.each([
    ['up', '↑'],
    ['down', '↓'],
    ['flat', '→'],
    [null, ''],
  ] as const)('arrow for %s is %j', (direction, arrow) => {
    expect(trendArrow(direction)).toBe(arrow);
  });
});

describe('latestRating', () => {
  it('is the latest by date, then the last entered on the same day', () => {
    const ratings = [rating('2026-10-01', 3, 'self', 10), rating('2026-11-01', 4, 'self', 2), rating('2026-11-01', 2, 'self', 3)];
    expect(latestRating(ratings)).toEqual({ rating: 2, date: '2026-11-01', source: 'self', by: null });
    expect(latestRating([])).toBeNull();
  });
});

describe('assessCompetency', () => {
  it('unrated: no gap, no improvement target, no trend', () => {
    expect(assessCompetency(negotiation, [], 5)).toEqual({
      target: 5,
      latest: null,
      latestOthers: null,
      gap: null,
      improvementTarget: false,
      trend: { ratings: [], direction: null },
    });
  });

  it('self and others from ratings in any order; the trend mixes sources, oldest first', () => {
    const ratings = [
      rating('2026-11-20', 4, 'self', 4),
      rating('2026-03-02', 2, 'manager', 1),
      rating('2026-06-01', 3, 'self', 2),
      rating('2026-09-15', 3, 'customer', 3),
    ];
    const a = assessCompetency(negotiation, ratings, 5);
    expect(a.latest).toEqual({ rating: 4, date: '2026-11-20', source: 'self', by: null });
    expect(a.latestOthers).toEqual({ rating: 3, date: '2026-09-15', source: 'customer', by: null });
    expect(a.gap).toBe(2);
    expect(a.improvementTarget).toBe(true);
    expect(a.trend).toEqual({ ratings: [2, 3, 3, 4], direction: 'up' });
  });
});

describe('parsing', () => {
  it.each([
    ['1', 5, 1],
    [' 5 ', 5, 5],
    ['7', 10, 7],
  ])('rating %j on a scale to %i → %i', (raw, scaleMax, expected) => {
    expect(parseRating(raw, scaleMax)).toBe(expected);
  });

  it.each([
    ['0', 5],
    ['6', 5],
    ['2.5', 5],
    ['-1', 5],
    ['three', 5],
    ['', 5],
    ['5', 4],
  ])('rating %j on a scale to %i is refused', (raw, scaleMax) => {
    expect(() => parseRating(raw, scaleMax)).toThrow(`invalid rating ${JSON.stringify(raw)}: use a whole number from 1 to ${scaleMax}`);
  });

  it.each([
    ['self', 'self'],
    ['Manager', 'manager'],
    [' customer ', 'customer'],
  ])('source %j → %s', (raw, expected) => {
    expect(parseRatingSource(raw)).toBe(expected);
  });

  it('refuses an unknown source, naming the accepted ones', () => {
    expect(() => parseRatingSource('boss')).toThrow('unknown source "boss": use self, manager, peer, customer or other');
  });

  it.each([
    ['4', 5, 4],
    ['6', 5, null],
    ['0', 5, null],
    ['4.5', 5, null],
  ])('target %j on a scale to %i → %s', (raw, scaleMax, expected) => {
    if (expected === null) expect(() => parseTarget(raw, scaleMax)).toThrow(/invalid target/);
    else expect(parseTarget(raw, scaleMax)).toBe(expected);
  });

  it.each([
    ['  Social   selling ', 'Social selling'],
    ['Négociation', 'Négociation'],
  ])('name %j → %j', (raw, expected) => {
    expect(normalizeCompetencyName(raw)).toBe(expected);
  });

  it.each(['', '   ', '2026', '!!!'])('name %j is refused', (raw) => {
    expect(() => normalizeCompetencyName(raw)).toThrow(/invalid competency name/);
  });

  it.each([
    ['Social selling', 'social-selling'],
    ['C-level access', 'c-level-access'],
    ['交渉', '交渉'],
    ['交渉 2026', '交渉-2026'],
    ['2026', 'competency-2026'],
  ])('slug of %j → %s', (name, slug) => {
    expect(competencySlug(name)).toBe(slug);
  });
});

describe('describeUsage', () => {
  it.each([
    [{ ratings: 0, feedback: 0, notes: 0, development: 0 }, ''],
    [{ ratings: 1, feedback: 0, notes: 0, development: 0 }, '1 rating'],
    [{ ratings: 3, feedback: 1, notes: 0, development: 0 }, '3 ratings and 1 feedback item'],
    [{ ratings: 3, feedback: 2, notes: 1, development: 2 }, '3 ratings, 2 feedback items, 1 linked note and 2 development activities'],
  ])('%j → %j', (usage, expected) => {
    expect(describeUsage(usage)).toBe(expected);
  });
});
