// The English-only entry loads in about a third of the time of the multi-locale bundle.
import { casual } from 'chrono-node/en';
import { UsageError, quote } from '../errors.js';
import { addDays, addMonths, assertDayInRange, dayOf, isCalendarDay, isDay, makeDay, splitDay, weekdayOf, type Day } from './calendar.js';
import type { DateOrder } from './locale.js';

/** A chrono parser for one language (`chrono-node/de`'s `casual`). */
export type DateParser = Pick<typeof casual, 'parse'>;

export type DateMode = 'past' | 'forward' | 'any';

export interface ParseDateOptions {
  now: Date;
  /** 'past' (default): note dates; 'forward': due dates; 'any': no preference, no refusal. */
  mode?: DateMode;
  /** What the value is called in messages, e.g. 'due date'. Default 'date'. */
  label?: string;
  /** In 'past' mode, still accept an explicit future day (report ranges lean past but may end later). */
  allowFuture?: boolean;
  /** How `6.5.2026` and `03/04` read (dates.order, else the locale's). Default mdy, as in the US. */
  order?: DateOrder;
  /** Month and weekday names in the user's language (see loadDateParser); English is always understood. */
  parser?: DateParser;
}

/** The date forms named in error messages. */
export const DATE_FORMS = 'YYYY-MM-DD, today, yesterday, "3 days ago", "last friday" or "march 3"';

const RELATIVE_WORD = /\b(last|past|previous|this|next|coming)\b/i;

/**
 * Parses a user's date into a local calendar day. Throws UsageError for anything that is not
 * wholly a date, and in 'past' mode for a day after today.
 */
export function parseDate(input: string, options: ParseDateOptions): Day {
  const mode = options.mode ?? 'past';
  const label = options.label ?? 'date';
  const text = input.trim();
  const today = dayOf(options.now);

  const numeric = parseNumeric(text, options.order ?? 'mdy', today, mode, label);
  const fast = numeric === undefined ? parseFast(text, today) : numeric;
  const day = fast === undefined ? parseNatural(text, options.now, today, mode, options.parser) : fast;
  if (day === null) {
    throw new UsageError(`invalid ${label} ${quote(text)}: use ${DATE_FORMS}`);
  }
  assertDayInRange(day, label, text);
  if (mode === 'past' && day > today && !options.allowFuture) {
    throw new UsageError(`${label} ${quote(text)} is in the future: use today (${today}) or an earlier day`);
  }
  return day;
}

const COUNTS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const WHOLE_UNITS =
  /^(?:in )?(\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (day|week|month|year)s?(?: ago)?$/;

/**
 * "3 days ago", "a month ago", "in 2 weeks": whole calendar units counted on the calendar, so a
 * DST change cannot move the day and a month from 30 March is the end of February (chrono counts
 * days as 24 hours and overflows short months).
 */
function parseWholeUnits(text: string, today: Day): Day | undefined {
  const match = WHOLE_UNITS.exec(text.toLowerCase().replace(/\s+/g, ' '));
  if (!match) return undefined;
  const [, count = '', unit] = match;
  const ago = text.toLowerCase().endsWith(' ago');
  const ahead = text.toLowerCase().startsWith('in ');
  if (ago === ahead) return undefined;
  const n = (COUNTS[count] ?? Number(count)) * (ago ? -1 : 1);
  if (unit === 'day') return addDays(today, n);
  if (unit === 'week') return addDays(today, 7 * n);
  return addMonths(today, unit === 'month' ? n : 12 * n);
}

// Undefined: not one of the fast forms, ask chrono. Null: not a date.
function parseFast(text: string, today: Day): Day | null | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isCalendarDay(text) ? text : null;
  const relative = parseWholeUnits(text, today);
  if (relative !== undefined) return relative;
  switch (text.toLowerCase()) {
    case 'today':
      return today;
    case 'yesterday':
      return addDays(today, -1);
    case 'tomorrow':
      return addDays(today, 1);
    default:
      return undefined;
  }
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!?]+$/, '')
    .trim();
}

function parseNatural(text: string, now: Date, today: Day, mode: DateMode, parser?: DateParser): Day | null {
  if (text === '') return null;
  if (parser) {
    const day = parseWith(parser, text, now, today, mode);
    if (day !== null) return day;
  }
  return parseWith(casual, text, now, today, mode);
}

function parseWith(chrono: DateParser, text: string, now: Date, today: Day, mode: DateMode): Day | null {
  // forwardDate stays off in every mode: with it on, chrono turns "last friday" into the coming one.
  // Chrono counts "1 day ago" as 24 hours, which lands on the wrong day next to a DST change
  // (00:30 the day after spring-forward, less 24 h, is 23:30 two days before). Counted from
  // local noon, whole days stay on their calendar day; "3 hours ago" still counts from now.
  let results = chrono.parse(text, middayOf(now), { forwardDate: false });
  if (results[0]?.start.isCertain('hour')) results = chrono.parse(text, now, { forwardDate: false });
  const [result] = results;
  // A single result covering the whole input, or "yesterday-ish" would quietly become yesterday.
  if (results.length !== 1 || !result || result.end) return null;
  if (normalise(result.text) !== normalise(text)) return null;

  const start = result.start;
  // "noon", "3pm", "march": a time or a month is not a day.
  if (!start.isCertain('day') && !start.isCertain('weekday') && !start.isCertain('year')) return null;
  if (mode === 'any' || start.isCertain('year')) return dayOf(start.date());

  if (start.isCertain('month') && start.isCertain('day')) {
    const month = start.get('month');
    const day = start.get('day');
    if (month === null || day === null) return null;
    return nearestMonthDay(today, month, day, mode);
  }
  if (start.isCertain('weekday') && !start.isCertain('day') && !RELATIVE_WORD.test(result.text)) {
    const weekday = start.get('weekday');
    if (weekday === null) return null;
    return nearestWeekday(today, weekday, mode);
  }
  return dayOf(start.date());
}

/** Noon of the instant's local day: every zone's DST change happens well away from it. */
function middayOf(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate(), 12);
}

/** The most recent (past) or next (forward) month-day, today included; Feb 29 skips to a leap year. */
function nearestMonthDay(today: Day, month: number, day: number, mode: 'past' | 'forward'): Day | null {
  const step = mode === 'past' ? -1 : 1;
  let y = splitDay(today).year;
  for (let tries = 0; tries < 10; tries++, y += step) {
    const candidate = makeDay(y, month, day);
    if (isDay(candidate) && (mode === 'past' ? candidate <= today : candidate >= today)) return candidate;
  }
  return null;
}

/** The most recent (past) or next (forward) such weekday, today included. */
function nearestWeekday(today: Day, weekday: number, mode: 'past' | 'forward'): Day {
  const current = weekdayOf(today);
  return mode === 'past' ? addDays(today, -((current - weekday + 7) % 7)) : addDays(today, (weekday - current + 7) % 7);
}

const ORDER_NAMES: Readonly<Record<DateOrder, string>> = {
  dmy: 'day.month.year (dates.order dmy)',
  mdy: 'month/day/year (dates.order mdy)',
  ymd: 'year/month/day (dates.order ymd)',
};
const NUMERIC = /^(\d{1,4})([./-])(\d{1,2})(?:\2(\d{1,4}))?\.?$/;

/**
 * `6.5.2026`, `03/04/2026`, `6.5.`: read by the configured order, never guessed from the numbers
 * (4 June and 6 April look alike). A four-digit first part is a year in any order. A day that does
 * not exist in that order (13/13/2026) is refused, naming the order. Undefined: not numeric.
 */
function parseNumeric(text: string, order: DateOrder, today: Day, mode: DateMode, label: string): Day | null | undefined {
  const match = NUMERIC.exec(text);
  // `2026-13` is a year and a month (a bad one), for the caller to refuse in its own words.
  if (!match || /^\d{4}-\d{2}-\d{2}$/.test(text) || (match[1]?.length === 4 && match[4] === undefined)) return undefined;
  const [, a = '', , b = '', c] = match;
  const read = (year: string | undefined, month: string, day: string): Day | null => {
    if (year === undefined)
      return mode === 'any' ? makeDay(splitDay(today).year, Number(month), Number(day)) : nearestOrNull(today, month, day, mode);
    if (year.length === 3 || year.length === 1) return null;
    const y = year.length === 2 ? 2000 + Number(year) : Number(year);
    const candidate = makeDay(y, Number(month), Number(day));
    return isCalendarDay(candidate) ? candidate : null;
  };
  let day: Day | null;
  if (a.length === 4) day = c === undefined ? null : read(a, b, c);
  else if (a.length > 2) day = null;
  else if (c === undefined) day = order === 'dmy' ? read(undefined, b, a) : read(undefined, a, b);
  else if (order === 'dmy') day = read(c, b, a);
  else if (order === 'mdy') day = read(c, a, b);
  else day = read(a, b, c);
  if (day === null || !isCalendarDay(day)) {
    throw new UsageError(
      `invalid ${label} ${quote(text)}: read as ${ORDER_NAMES[order]}, that is no day; use YYYY-MM-DD, or another order: perf config set dates.order dmy|mdy|ymd`,
    );
  }
  return day;
}

function nearestOrNull(today: Day, month: string, day: string, mode: 'past' | 'forward'): Day | null {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return nearestMonthDay(today, m, d, mode);
}

/**
 * The chrono parser for month and weekday names in a language it knows, loaded only when asked
 * (each costs tens of milliseconds); undefined for English and for languages chrono lacks.
 */
export async function loadDateParser(language: string): Promise<DateParser | undefined> {
  switch (language) {
    case 'de':
      return (await import('chrono-node/de')).casual;
    case 'es':
      return (await import('chrono-node/es')).casual;
    case 'fi':
      return (await import('chrono-node/fi')).casual;
    case 'fr':
      return (await import('chrono-node/fr')).casual;
    case 'it':
      return (await import('chrono-node/it')).casual;
    case 'ja':
      return (await import('chrono-node/ja')).casual;
    case 'nl':
      return (await import('chrono-node/nl')).casual;
    case 'pt':
      return (await import('chrono-node/pt')).casual;
    case 'ru':
      return (await import('chrono-node/ru')).casual;
    case 'sv':
      return (await import('chrono-node/sv')).casual;
    case 'uk':
      return (await import('chrono-node/uk')).casual;
    case 'zh':
      return (await import('chrono-node/zh')).casual;
    default:
      return undefined;
  }
}

/** Whether a typed date has words a locale parser could read (a plain number or ISO day has none). */
export function hasWords(text: string): boolean {
  return /\p{L}/u.test(text);
}
