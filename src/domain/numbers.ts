/**
 * The one rule for every number the journal stores (goal baselines and targets, update values
 * and changes, `--progress`, and the values they add up to), applied alike to what is typed and to
 * what an import brings. Beyond 1e15 a double no longer holds every cent, and a 309-digit number
 * becomes Infinity, which JSON cannot carry (an export of it would not import again).
 */
import { UsageError, quote } from '../errors.js';
import type { DecimalMark } from './locale.js';

export const MAX_MAGNITUDE = 1e15;

/** How the bound reads in messages. */
export const MAGNITUDE_RULE = 'a number from -1,000,000,000,000,000 to 1,000,000,000,000,000 (±1e15)';

export function isNumberInRange(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_MAGNITUDE;
}

export interface NumberReading {
  /** The decimal mark (`numbers.decimal`, else the locale's); the other of `.` and `,` groups thousands. Default `.`. */
  decimal?: DecimalMark;
}

// Before or after the digits: a currency sign, or a three-letter code (`34000 EUR`, `usd 5`).
// Codes are checked against ISO 4217 (so `12abc` stays a typo, not 12 of a currency "abc").
const CURRENCY_BEFORE = /^(?:\p{Sc}|[A-Za-z]{3}(?=[\s\d+\-\u2212.,]))\s*/u;
const CURRENCY_AFTER = /\s*(?:\p{Sc}|(?<=[\d\s.,kKmM])[A-Za-z]{3})$/u;
let currencyCodes: ReadonlySet<string> | undefined;

function isCurrency(sign: string): boolean {
  if (!/^[A-Za-z]{3}$/.test(sign)) return true;
  currencyCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return currencyCodes.has(sign.toUpperCase());
}
const SCALES: Readonly<Record<string, number>> = { k: 3, m: 6 };
// Spaces (plain, no-break, thin) and the Swiss apostrophe group thousands in any locale.
const SPACE_GROUPS = "[ \u00a0\u202f\u2009'’]";

/**
 * A number typed by the user: `25000`, `-5`, `2.5`, `34k`, `1.2m`, `€34.000`, `$1,200`,
 * `34000 EUR`. The decimal mark is the configured one and is never guessed: with `.`, `34,000` is
 * 34000 and `34.000,50` is refused; with `,`, `34.000` is 34000 and `34,5` is 34.5. Groups of three
 * digits only (`3,40,0` is refused), one sign, one currency, one suffix (k = thousand, m = million).
 */
export function parseNumber(raw: string, what: string, reading: NumberReading = {}): number {
  const decimal = reading.decimal ?? '.';
  const digits = plainDigits(raw, decimal);
  if (digits === null) {
    // Every example must be one this mark accepts: under a comma, 2.5 and 1.2m are refused.
    const [fraction, millions, grouped] = decimal === '.' ? ['2.5', '1.2m', '34,000.50, €34,000'] : ['2,5', '1,2m', '34.000,50, €34.000'];
    throw new UsageError(
      `invalid ${what} ${quote(raw)}: use a number such as 25000, ${fraction} or -5 (also 34k, ${millions}, ${grouped}${readingHint(reading)})`,
    );
  }
  const value = Number(digits);
  if (!isNumberInRange(value)) throw new UsageError(`${what} ${shorten(raw.trim())} is too large: use ${MAGNITUDE_RULE}`);
  return value;
}

/** Which decimal mark was in force, for refusals: `; decimals take a point: perf config set numbers.decimal`. */
export function readingHint(reading: NumberReading): string {
  return `; decimals take ${reading.decimal === ',' ? 'a comma' : 'a point'}: perf config set numbers.decimal`;
}

/** The typed number as JavaScript reads one (`-34000.5`), or null when it is not a number by these rules. */
function plainDigits(raw: string, decimal: DecimalMark): string | null {
  let text = raw.trim();
  let sign = '';
  let currency = false;
  const takeCurrency = (pattern: RegExp): void => {
    const match = pattern.exec(text);
    if (!match || currency || !isCurrency(match[0].trim())) return;
    currency = true;
    text = text.slice(0, match.index) + text.slice(match.index + match[0].length);
  };
  takeCurrency(CURRENCY_BEFORE);
  const signed = /^[+\-\u2212]/.exec(text);
  if (signed) {
    sign = signed[0] === '+' ? '' : '-';
    text = text.slice(1);
    takeCurrency(CURRENCY_BEFORE);
  }
  takeCurrency(CURRENCY_AFTER);
  let shift = 0;
  const scale = /\s?([kKmM])$/.exec(text);
  if (scale) {
    shift = SCALES[(scale[1] ?? '').toLowerCase()] ?? 0;
    text = text.slice(0, scale.index);
  }
  takeCurrency(CURRENCY_AFTER);
  const group = decimal === '.' ? ',' : '\\.';
  const point = decimal === '.' ? '\\.' : ',';
  const whole = new RegExp(`^(\\d{1,3}(?:(${group}|${SPACE_GROUPS})\\d{3})(?:\\2\\d{3})*|\\d*)(?:${point}(\\d+))?$`, 'u');
  const match = whole.exec(text);
  if (!match || text === '' || text === decimal) return null;
  const integer = (match[1] ?? '').replace(/\D/g, '') || '0';
  return `${sign}${shiftPoint(integer, match[3] ?? '', shift)}`;
}

/** `1` `2` shifted 6 places is `1200000`: k and m move the point rather than multiply, so 1.1k is exactly 1100. */
function shiftPoint(integer: string, fraction: string, places: number): string {
  const padded = fraction.padEnd(places, '0');
  const whole = `${integer}${padded.slice(0, places)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(places);
  return rest === '' ? whole : `${whole}.${rest}`;
}

/**
 * A goal's value after a change (`+15`, `--progress 3`) must stay in range like any typed number.
 * `values` are the goal's values after each update.
 */
export function assertValuesInRange(values: readonly number[], goal: string): void {
  const bad = values.find((value) => !isNumberInRange(value));
  if (bad === undefined) return;
  throw new UsageError(`this would take goal ${quote(goal)} to ${bad}, beyond 1e15: keep its value within ${MAGNITUDE_RULE}`);
}

/** A long number cut for a one-line message. */
function shorten(text: string): string {
  return text.length > 24 ? `${quote(`${text.slice(0, 20)}…`)} (${text.length} characters)` : quote(text);
}
