import { describe, expect, it } from 'vitest';
import { currentWorkdayStreak, longestWorkdayStreak } from '../../src/domain/streaks.js';

// November 2026: Mon 2, Fri 6, Sat 7, Sun 8, Mon 9 … Thu 26 (the tests' today), Fri 27.
const days = (...list: string[]) => new Set(list);

describe('longestWorkdayStreak', () => {
  it.each<[string, Set<string>, string | undefined, string | undefined, number]>([
    ['no notes', days(), undefined, undefined, 0],
    ['one day', days('2026-11-04'), undefined, undefined, 1],
    ['Mon–Fri', days('2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'), undefined, undefined, 5],
    ['a weekend does not break Fri → Mon', days('2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10'), undefined, undefined, 4],
    ['a weekend note does not extend', days('2026-11-06', '2026-11-07', '2026-11-08'), undefined, undefined, 1],
    ['weekend notes alone make no streak', days('2026-11-07', '2026-11-08'), undefined, undefined, 0],
    ['a missed Wednesday breaks it', days('2026-11-02', '2026-11-03', '2026-11-05', '2026-11-06', '2026-11-09'), undefined, undefined, 3],
    ['the longest of several runs', days('2026-11-02', '2026-11-03', '2026-11-10', '2026-11-11', '2026-11-12'), undefined, undefined, 3],
    ['clipped to the range', days('2026-10-29', '2026-10-30', '2026-11-02', '2026-11-03'), '2026-11-01', '2026-11-30', 2],
    ['a range bound on a weekend', days('2026-11-06', '2026-11-09'), '2026-11-07', '2026-11-09', 1],
    ['a range with no notes', days('2026-11-02'), '2026-11-10', '2026-11-20', 0],
    // Days are counted as numbers from a Monday in 1970: the weekends before it fall right too.
    [
      'across 1 January 1970, a Thursday',
      days('1969-12-27', '1969-12-29', '1969-12-30', '1969-12-31', '1970-01-01', '1970-01-02', '1970-01-03', '1970-01-05'),
      undefined,
      undefined,
      6,
    ],
  ])('%s', (_, set, from, to, expected) => {
    expect(longestWorkdayStreak(set, from, to)).toBe(expected);
  });
});

describe('currentWorkdayStreak', () => {
  it.each<[string, Set<string>, string, number]>([
    ['nothing logged', days(), '2026-11-26', 0],
    ['today and yesterday', days('2026-11-25', '2026-11-26'), '2026-11-26', 2],
    ['today not logged yet still counts the run before it', days('2026-11-24', '2026-11-25'), '2026-11-26', 2],
    ['a gap yesterday ends it', days('2026-11-24', '2026-11-26'), '2026-11-26', 1],
    ['a gap yesterday and nothing today', days('2026-11-24'), '2026-11-26', 0],
    ['on Saturday, Mon–Fri counts', days('2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'), '2026-11-07', 5],
    ['on Monday before logging, last week counts', days('2026-11-05', '2026-11-06'), '2026-11-09', 2],
    ['across a weekend', days('2026-11-06', '2026-11-09', '2026-11-10'), '2026-11-10', 3],
    ['weekend notes neither count nor bridge', days('2026-11-05', '2026-11-07', '2026-11-08', '2026-11-10'), '2026-11-10', 1],
  ])('%s', (_, set, today, expected) => {
    expect(currentWorkdayStreak(set, today)).toBe(expected);
  });
});
