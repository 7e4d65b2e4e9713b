import { afterEach, describe, expect, it, vi } from 'vitest';
import { thrown } from '../thrown.js';
import { loadDateParser, parseDate } from '../../src/domain/dates.js';
import { UsageError } from '../../src/errors.js';

// Thursday 26 November 2026, mid-afternoon local time.
const now = new Date(2026, 10, 26, 15, 0);
const friday = new Date(2026, 10, 27, 9, 0);
const january = new Date(2027, 0, 10, 9, 0); // a Sunday
const leapMarch = new Date(2028, 2, 1, 8, 0);

describe('parseDate, past mode (note dates)', () => {
  it.each([
    ['2026-11-26', '2026-11-26'],
    ['2026-03-03', '2026-03-03'],
    ['2024-02-29', '2024-02-29'],
    ['today', '2026-11-26'],
    ['TODAY', '2026-11-26'],
    ['  yesterday  ', '2026-11-25'],
    ['Yesterday', '2026-11-25'],
    ['yesterday.', '2026-11-25'],
    ['3 days ago', '2026-11-23'],
    ['2 weeks ago', '2026-11-12'],
    ['a week ago', '2026-11-19'],
    ['last friday', '2026-11-20'],
    ['Last Friday', '2026-11-20'],
    ['last wednesday', '2026-11-25'],
    ['friday', '2026-11-20'],
    ['Fri', '2026-11-20'],
    ['Friday.', '2026-11-20'],
    ['thursday', '2026-11-26'],
    ['monday', '2026-11-23'],
    ['saturday', '2026-11-21'],
    ['march 3', '2026-03-03'],
    ['March 3rd', '2026-03-03'],
    ['3 march', '2026-03-03'],
    ['3rd of march', '2026-03-03'],
    ['Mar 3 2025', '2025-03-03'],
    ['mar 3, 2025', '2025-03-03'],
    ['3 March 2025', '2025-03-03'],
    ['november 26', '2026-11-26'],
    ['november 27', '2025-11-27'],
    ['december 1', '2025-12-01'],
    ['12/25', '2025-12-25'],
    ['2026-03-03T10:00:00', '2026-03-03'],
    ['2026/03/03', '2026-03-03'],
  ])('%j on Thu 2026-11-26 is %s', (input, expected) => {
    expect(parseDate(input, { now })).toBe(expected);
    expect(parseDate(input, { now, mode: 'past' })).toBe(expected);
  });

  it.each([
    ['today', '2026-11-27'],
    ['yesterday', '2026-11-26'],
    ['last friday', '2026-11-20'],
    ['friday', '2026-11-27'],
    ['last thursday', '2026-11-26'],
  ])('%j on Fri 2026-11-27 is %s', (input, expected) => {
    expect(parseDate(input, { now: friday })).toBe(expected);
  });

  it.each([
    ['december 1', '2026-12-01'],
    ['dec 31', '2026-12-31'],
    ['jan 10', '2027-01-10'],
    ['jan 11', '2026-01-11'],
    ['yesterday', '2027-01-09'],
    ['2 weeks ago', '2026-12-27'],
    ['last friday', '2027-01-08'],
    ['friday', '2027-01-08'],
    ['sunday', '2027-01-10'],
  ])('%j across the year boundary on Sun 2027-01-10 is %s', (input, expected) => {
    expect(parseDate(input, { now: january })).toBe(expected);
  });

  it.each([
    ['yesterday', '2028-02-29'],
    ['feb 29', '2028-02-29'],
    ['29 feb', '2028-02-29'],
    ['2 days ago', '2028-02-28'],
    ['2028-02-29', '2028-02-29'],
  ])('%j on 2028-03-01 (leap year) is %s', (input, expected) => {
    expect(parseDate(input, { now: leapMarch })).toBe(expected);
  });
});

describe('parseDate, forward mode (due dates)', () => {
  it.each([
    ['today', '2026-11-26'],
    ['tomorrow', '2026-11-27'],
    ['friday', '2026-11-27'],
    ['thursday', '2026-11-26'],
    ['wednesday', '2026-12-02'],
    ['monday', '2026-11-30'],
    ['next friday', '2026-12-04'],
    ['in 2 weeks', '2026-12-10'],
    ['march 3', '2027-03-03'],
    ['3 march', '2027-03-03'],
    ['december 1', '2026-12-01'],
    ['november 26', '2026-11-26'],
    ['november 25', '2027-11-25'],
    ['2026-01-15', '2026-01-15'],
    ['Mar 3 2025', '2025-03-03'],
    ['last friday', '2026-11-20'],
    ['3 days ago', '2026-11-23'],
    ['yesterday', '2026-11-25'],
  ])('%j on Thu 2026-11-26 is %s', (input, expected) => {
    expect(parseDate(input, { now, mode: 'forward' })).toBe(expected);
  });

  it.each([
    // The next Feb 29 on or after 2028-03-01 is four years away.
    ['feb 29', '2032-02-29'],
    ['march 1', '2028-03-01'],
    ['jan 5', '2029-01-05'],
  ])('%j on 2028-03-01 is %s', (input, expected) => {
    expect(parseDate(input, { now: leapMarch, mode: 'forward' })).toBe(expected);
  });
});

describe('parseDate, any mode', () => {
  it.each([
    ['tomorrow', '2026-11-27'],
    ['2026-12-01', '2026-12-01'],
    ['in 3 days', '2026-11-29'],
    ['yesterday', '2026-11-25'],
    ['last friday', '2026-11-20'],
    ['Mar 3 2025', '2025-03-03'],
    // chrono's own choice: the nearest such day, before or after.
    ['march 3', '2027-03-03'],
    ['november 1', '2026-11-01'],
    ['friday', '2026-11-27'],
  ])('%j on Thu 2026-11-26 is %s', (input, expected) => {
    expect(parseDate(input, { now, mode: 'any' })).toBe(expected);
  });
});

describe('parseDate errors', () => {
  const accepted = 'use YYYY-MM-DD, today, yesterday, "3 days ago", "last friday" or "march 3"';

  it.each([
    ['tomorow', 'tomorow'],
    ['yesterday-ish', 'yesterday-ish'],
    ['next blurgday', 'next blurgday'],
    ['', ''],
    ['   ', ''],
    ['2026-02-30', '2026-02-30'],
    ['2026-02-29', '2026-02-29'],
    ['2026-13-01', '2026-13-01'],
    ['blah', 'blah'],
    ['noon', 'noon'],
    ['3pm', '3pm'],
    ['march', 'march'],
    ['march 3 - march 5', 'march 3 - march 5'],
    ['march 3 friday', 'march 3 friday'],
    ['  today please ', 'today please'],
    ['previous friday', 'previous friday'],
  ])('%j is not a date', (input, shown) => {
    for (const mode of ['past', 'forward', 'any'] as const) {
      const error = thrown(() => parseDate(input, { now, mode }));
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toBe(`invalid date ${JSON.stringify(shown)}: ${accepted}`);
    }
  });

  it.each([['tomorrow'], ['2026-11-27'], ['2026-12-01'], ['2027-01-01'], ['next friday'], ['this friday'], ['in 3 days'], ['Dec 25 2026']])(
    '%j is refused as a note date in the future',
    (input) => {
      const error = thrown(() => parseDate(input, { now }));
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toBe(`date "${input}" is in the future: use today (2026-11-26) or an earlier day`);
    },
  );

  it('names the value with its label', () => {
    expect(() => parseDate('blah', { now, mode: 'forward', label: 'due date' })).toThrow(/^invalid due date "blah": use YYYY-MM-DD/);
    expect(() => parseDate('tomorrow', { now, label: 'rating date' })).toThrow(/^rating date "tomorrow" is in the future/);
  });

  it('keeps messages on one line', () => {
    expect(() => parseDate('a\nb', { now })).toThrow(/^invalid date "a\\nb": /);
  });

  it('does not treat feb 29 as a real day in a year that lacks one', () => {
    expect(() => parseDate('2027-02-29', { now: leapMarch, mode: 'any' })).toThrow(UsageError);
  });
});

describe('parseDate fast path', () => {
  afterEach(() => {
    vi.doUnmock('chrono-node/en');
    vi.resetModules();
  });

  it('answers YYYY-MM-DD, today and yesterday without chrono', async () => {
    vi.resetModules();
    vi.doMock('chrono-node/en', () => ({
      casual: {
        parse: () => {
          throw new Error('chrono was called');
        },
      },
    }));
    const { parseDate: parse } = await import('../../src/domain/dates.js');
    expect(parse('2026-03-03', { now })).toBe('2026-03-03');
    expect(parse(' Today ', { now })).toBe('2026-11-26');
    expect(parse('yesterday', { now })).toBe('2026-11-25');
    expect(() => parse('2026-02-30', { now })).toThrow(/^invalid date "2026-02-30"/);
    expect(() => parse('march 3', { now })).toThrow('chrono was called');
  });
});

describe('parseDate for report ranges (past-leaning, future allowed)', () => {
  const now = new Date(2026, 10, 26, 15, 0);
  it.each([
    ['march 3', '2026-03-03'],
    ['december 1', '2025-12-01'],
    ['2027-01-05', '2027-01-05'],
  ])('%j → %s', (input, expected) => {
    expect(parseDate(input, { now, mode: 'past', allowFuture: true })).toBe(expected);
  });
});

describe('numeric dates read by dates.order, never guessed', () => {
  const now = new Date(2026, 10, 26, 15);
  it.each([
    ['6.5.2026', 'dmy', '2026-05-06'],
    ['6.5.2026', 'mdy', '2026-06-05'],
    ['03/04/2026', 'dmy', '2026-04-03'],
    ['03/04/2026', 'mdy', '2026-03-04'],
    ['2026/04/03', 'dmy', '2026-04-03'],
    ['2026.4.3', 'mdy', '2026-04-03'],
    ['26/04/03', 'ymd', '2026-04-03'],
    ['13/12/2025', 'dmy', '2025-12-13'],
    ['6.5.', 'dmy', '2026-05-06'],
    ['6.5', 'dmy', '2026-05-06'],
    ['6/5', 'mdy', '2026-06-05'],
    ['12/24', 'mdy', '2025-12-24'],
    ['11/3', 'ymd', '2026-11-03'],
  ] as const)('%s with %s is %s', (text, order, day) => {
    expect(parseDate(text, { now, order })).toBe(day);
  });

  it('reads with mdy when no order is given, as in the US', () => {
    expect(parseDate('03/04/2026', { now })).toBe('2026-03-04');
  });

  it.each([
    ['13/13/2026', 'mdy', 'month/day/year (dates.order mdy)'],
    ['13/45', 'mdy', 'month/day/year (dates.order mdy)'],
    ['13/12/2026', 'mdy', 'month/day/year (dates.order mdy)'],
    ['31.4.2026', 'dmy', 'day.month.year (dates.order dmy)'],
    ['29.2.2026', 'dmy', 'day.month.year (dates.order dmy)'],
    ['2026/13/01', 'dmy', 'day.month.year (dates.order dmy)'],
    ['6.5.202', 'dmy', 'day.month.year (dates.order dmy)'],
    ['06/05/2026', 'ymd', 'year/month/day (dates.order ymd)'],
  ] as const)('%s with %s is refused, naming the order', (text, order, named) => {
    expect(() => parseDate(text, { now, order })).toThrow(
      `invalid date ${JSON.stringify(text)}: read as ${named}, that is no day; use YYYY-MM-DD, or another order: perf config set dates.order dmy|mdy|ymd`,
    );
  });
});

describe('month names in the locale language', () => {
  const now = new Date(2026, 10, 26, 15);
  it('reads French and German with their parsers, and English still', async () => {
    const fr = await loadDateParser('fr');
    const de = await loadDateParser('de');
    expect(parseDate('4 mars 2026', { now, parser: fr })).toBe('2026-03-04');
    expect(parseDate('4. März 2026', { now, parser: de })).toBe('2026-03-04');
    expect(parseDate('4. März', { now, parser: de })).toBe('2026-03-04');
    expect(parseDate('gestern', { now, parser: de })).toBe('2026-11-25');
    expect(parseDate('march 4', { now, parser: de })).toBe('2026-03-04');
    expect(() => parseDate('4. März 2026', { now })).toThrow(/invalid date/);
  });

  it('has no parser for English or languages chrono lacks', async () => {
    expect(await loadDateParser('en')).toBeUndefined();
    expect(await loadDateParser('hu')).toBeUndefined();
  });
});
