import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayOf,
  daysBetween,
  daysInMonth,
  endOfMonth,
  isDay,
  isWeekend,
  makeDay,
  maxDay,
  minDay,
  monthOf,
  monthsBetween,
  pad2,
  splitDay,
  startOfMonth,
  weekdayOf,
} from '../../src/domain/calendar.js';

describe('makeDay, splitDay, dayOf', () => {
  it.each([
    [2026, 11, 26, '2026-11-26'],
    [2026, 1, 5, '2026-01-05'],
    [999, 12, 31, '0999-12-31'],
  ])('makeDay(%i, %i, %i) is %s', (y, m, d, expected) => {
    expect(makeDay(y, m, d)).toBe(expected);
    expect(splitDay(expected)).toEqual({ year: y, month: m, day: d });
  });

  it('pads to two digits', () => {
    expect(pad2(3)).toBe('03');
    expect(pad2(12)).toBe('12');
  });

  it.each([['2026-1-05'], ['26-11-2026'], ['today'], ['']])('splitDay refuses %j', (text) => {
    expect(() => splitDay(text)).toThrow(TypeError);
  });

  it.each([
    [new Date(2026, 10, 26, 0, 0), '2026-11-26'],
    [new Date(2026, 10, 26, 23, 59, 59), '2026-11-26'],
    [new Date(2026, 11, 31, 23, 59), '2026-12-31'],
    [new Date(2028, 1, 29, 12), '2028-02-29'],
  ])('dayOf(%s) is the local day %s', (date, expected) => {
    expect(dayOf(date)).toBe(expected);
  });
});

describe('isDay and daysInMonth', () => {
  it.each([
    ['2026-11-26', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00', false],
    [' 2026-01-01', false],
    ['', false],
  ])('isDay(%j) is %s', (text, expected) => {
    expect(isDay(text)).toBe(expected);
  });

  it.each([
    [2026, 2, 28],
    [2024, 2, 29],
    [2100, 2, 28],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (y, m, expected) => {
    expect(daysInMonth(y, m)).toBe(expected);
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2026-11-26', 1, '2026-11-27'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    // DST changes in Europe and the US; string days must not drift.
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-03-07', 2, '2026-03-09'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-11-26', 0, '2026-11-26'],
    ['2026-11-26', -365, '2025-11-26'],
  ])('addDays(%s, %i) is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(n);
  });

  it.each([
    ['2026-01-01', '2026-12-31', 364],
    ['2024-01-01', '2024-12-31', 365],
    ['2026-11-26', '2026-11-20', -6],
  ])('daysBetween(%s, %s) is %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-26', 2, '2027-01-26'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-04-01', 12, '2027-04-01'],
    ['2026-04-01', -13, '2025-03-01'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-05-31', 0, '2026-05-31'],
  ])('addMonths(%s, %i) is %s', (day, n, expected) => {
    expect(addMonths(day, n)).toBe(expected);
  });
});

describe('weeks and months', () => {
  it.each([
    ['2026-11-26', 4, false],
    ['2026-11-27', 5, false],
    ['2026-11-28', 6, true],
    ['2026-11-29', 0, true],
    ['2028-02-29', 2, false],
  ])('%s is weekday %i (weekend: %s)', (day, weekday, weekend) => {
    expect(weekdayOf(day)).toBe(weekday);
    expect(isWeekend(day)).toBe(weekend);
  });

  it.each([
    ['2026-11-26', '2026-11', '2026-11-01', '2026-11-30'],
    ['2024-02-10', '2024-02', '2024-02-01', '2024-02-29'],
    ['2026-02-10', '2026-02', '2026-02-01', '2026-02-28'],
    ['2026-12-31', '2026-12', '2026-12-01', '2026-12-31'],
  ])('%s is in %s, %s..%s', (day, month, start, end) => {
    expect(monthOf(day)).toBe(month);
    expect(startOfMonth(day)).toBe(start);
    expect(endOfMonth(day)).toBe(end);
  });

  it('orders days as strings', () => {
    expect(minDay('2026-11-26', '2025-12-31')).toBe('2025-12-31');
    expect(maxDay('2026-11-26', '2025-12-31')).toBe('2026-11-26');
    expect(minDay('2026-11-26', '2026-11-26')).toBe('2026-11-26');
  });

  it.each([
    ['2026-11-15', '2027-02-01', ['2026-11', '2026-12', '2027-01', '2027-02']],
    ['2026-11-15', '2026-11-20', ['2026-11']],
    ['2026-01-31', '2026-03-01', ['2026-01', '2026-02', '2026-03']],
  ])('monthsBetween(%s, %s) is %j', (from, to, expected) => {
    expect(monthsBetween(from, to)).toEqual(expected);
  });
});
