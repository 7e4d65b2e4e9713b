import { describe, expect, it } from 'vitest';
import { julianDayNumber, longestWorkdayStreak, workdayStreaks } from '../../src/domain/streaks.js';

// November 2026: Mon 2, Fri 6, Sat 7, Sun 8, Mon 9 … Thu 26 (the tests' today), Fri 27.
const days = (...list: string[]) => new Set(list);
/** The days as the journal gives them to workdayStreaks: day numbers, ascending. */
const numbers = (set: ReadonlySet<string>) => [...set].sort().map(julianDayNumber);

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

describe('workdayStreaks: the current streak', () => {
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
    ['on Sunday, a Saturday note alone makes none', days('2026-11-07'), '2026-11-08', 0],
    ['on Sunday, Friday still counts', days('2026-11-05', '2026-11-06', '2026-11-07'), '2026-11-08', 2],
    ['a Thursday run is over by Sunday', days('2026-11-04', '2026-11-05'), '2026-11-08', 0],
    ['a note dated after today is not counted', days('2026-11-24', '2026-11-27'), '2026-11-26', 0],
    ['across the years 1969–1970', days('1969-12-31', '1970-01-01', '1970-01-02', '1970-01-05'), '1970-01-05', 4],
    ['across 29 February', days('2028-02-28', '2028-02-29', '2028-03-01'), '2028-03-01', 3],
  ])('%s', (_, set, today, expected) => {
    expect(workdayStreaks(numbers(set), today).current).toBe(expected);
  });
});

describe('workdayStreaks', () => {
  // The longest streak is longestWorkdayStreak's; the current one walks back from today a day at a time.
  const currentByWalking = (set: ReadonlySet<string>, today: string): number => {
    const step = (day: string, by: number) => new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
    const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    let day = today;
    if (!weekend(day) && !set.has(day)) day = step(day, -1);
    let run = 0;
    for (; ; day = step(day, -1)) {
      if (weekend(day)) continue;
      if (!set.has(day)) return run;
      run++;
    }
  };

  it('agrees with walking the calendar on random journals over 1968–2031', () => {
    let seed = 12;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let journal = 0; journal < 200; journal++) {
      const start = Date.UTC(1968, 0, 1) + Math.floor(random() * 63 * 365) * 86_400_000;
      const set = new Set<string>();
      // Dense runs with gaps, so that long streaks occur as well as breaks.
      for (let i = 0, density = random(); i < 120; i++)
        if (random() < density + 0.3) set.add(new Date(start + i * 86_400_000).toISOString().slice(0, 10));
      const today = new Date(start + Math.floor(random() * 130) * 86_400_000).toISOString().slice(0, 10);
      const upToToday = new Set([...set].filter((day) => day <= today));
      const streaks = workdayStreaks(numbers(set), today);
      expect(streaks, `${[...upToToday].sort().join(' ')} on ${today}`).toEqual({
        current: currentByWalking(upToToday, today),
        longest: longestWorkdayStreak(upToToday),
      });
    }
  });

  it('numbers days as Julian day numbers, Mondays divisible by 7', () => {
    expect(julianDayNumber('2000-01-01')).toBe(2_451_545);
    expect(julianDayNumber('1970-01-01')).toBe(2_440_588);
    expect(julianDayNumber('1969-12-31')).toBe(2_440_587);
    expect(julianDayNumber('2026-11-30') % 7).toBe(0);
  });

  it('ten years of every day', () => {
    const all = Array.from({ length: 3653 }, (_, i) => new Date(Date.UTC(2016, 10, 27) + i * 86_400_000).toISOString().slice(0, 10));
    expect(workdayStreaks(all.map(julianDayNumber), '2026-11-30')).toEqual({ current: 2610, longest: 2610 });
  });
});
