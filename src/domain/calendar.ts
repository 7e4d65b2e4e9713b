import { UsageError, quote } from '../errors.js';

/**
 * Calendar days as `YYYY-MM-DD` strings in the local time zone. Strings compare correctly with
 * `<`, serialise as they are, and never drift across a DST change the way `Date` midnights do.
 */
export type Day = string;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function makeDay(year: number, month: number, day: number): Day {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The local calendar day of an instant. */
export function dayOf(date: Date): Day {
  return makeDay(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/**
 * The calendar day in the zone furthest ahead (UTC+14): no one anywhere has reached a later day.
 * A day from another machine (an import) is in the future only after this one, so a backup made
 * in Sydney in the morning is not refused in Los Angeles, where it is still yesterday.
 */
export function latestDayOf(date: Date): Day {
  const ahead = new Date(date.getTime() + 14 * 3_600_000);
  return makeDay(ahead.getUTCFullYear(), ahead.getUTCMonth() + 1, ahead.getUTCDate());
}

export function splitDay(day: Day): { year: number; month: number; day: number } {
  const m = DAY_RE.exec(day);
  if (!m) throw new TypeError(`not a calendar day: ${day}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * The days the journal keeps. Periods, cycles and month walks reach up to a year past a day they
 * start from, and `Date.UTC` reads years below 100 as 19xx, so the range stops short of both
 * ends of the four-digit years; every parsed or imported day is checked against it.
 */
export const FIRST_DAY: Day = '1000-01-01';
export const LAST_DAY: Day = '9998-12-31';
export const FIRST_YEAR = 1000;
export const LAST_YEAR = 9998;
/** How the range reads in messages. */
export const DAY_RANGE = `from ${FIRST_DAY} to ${LAST_DAY}`;

export function isYearInRange(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** Refuses a day (or the year of a period) outside the range; `shown` is the value as typed. */
export function assertDayInRange(day: Day, label: string, shown: string = day): void {
  if (day >= FIRST_DAY && day <= LAST_DAY && day.length === 10) return;
  throw new UsageError(`${label} ${quote(shown)} is out of range: use a day ${DAY_RANGE}`);
}

/** Whether `text` is a real `YYYY-MM-DD` day (2026-02-30 is not) within the range the journal keeps. */
export function isDay(text: string): boolean {
  return isCalendarDay(text) && text >= FIRST_DAY && text <= LAST_DAY;
}

/** Whether `text` is a real `YYYY-MM-DD` day, in range or not. */
export function isCalendarDay(text: string): boolean {
  const m = DAY_RE.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Day arithmetic runs in UTC so that DST never shifts a day.
function toUtc(day: Day): number {
  const { year, month, day: d } = splitDay(day);
  return Date.UTC(year, month - 1, d);
}

function fromUtc(ms: number): Day {
  const date = new Date(ms);
  return makeDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const MS_PER_DAY = 86_400_000;

export function addDays(day: Day, n: number): Day {
  return fromUtc(toUtc(day) + n * MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((toUtc(to) - toUtc(from)) / MS_PER_DAY);
}

/** Adds whole months, clamping the day to the end of a shorter month (Jan 31 + 1 month = Feb 28). */
export function addMonths(day: Day, n: number): Day {
  const { year, month, day: d } = splitDay(day);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return makeDay(y, m, Math.min(d, daysInMonth(y, m)));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return new Date(toUtc(day)).getUTCDay();
}

export function isWeekend(day: Day): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** The months' English names, January first: periods, reports and exports label months with them. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function monthOf(day: Day): string {
  return day.slice(0, 7);
}

export function startOfMonth(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

export function endOfMonth(day: Day): Day {
  const { year, month } = splitDay(day);
  return makeDay(year, month, daysInMonth(year, month));
}

export function minDay(a: Day, b: Day): Day {
  return a < b ? a : b;
}

export function maxDay(a: Day, b: Day): Day {
  return a > b ? a : b;
}

/** Every `YYYY-MM` from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: Day, to: Day): string[] {
  const months: string[] = [];
  for (let d = startOfMonth(from); d <= to; d = addMonths(d, 1)) months.push(monthOf(d));
  return months;
}
