/**
 * Numbers as a sales rep reads them: money as money, counts with thousands separators. The one
 * formatter for values with units in human output (the goals views, and the reports and notes as
 * they move to it). A stable API; every function is pure and takes the unit as stored on the goal:
 *
 *   formatAmount(value, unit)    a value:      270000,'USD' → "$270,000"   4.1,'%' → "4.1%"
 *                                               1066,'calls' → "1,066 calls"   2.5,null → "2.5"
 *   formatChange(amount, unit)   with a sign:  25000,'USD' → "+$25,000"   -5,'calls' → "-5 calls"
 *   formatEstimate(value, unit)  a projection: 304255.32,'USD' → "$304,255" (whole from 100 up)
 *   formatPercent(percent)       a share:      54.94 → "54.9%"   120 → "120%"
 *   formatNumber(value)          no unit:      1234567.891 → "1,234,567.89"
 *   currencyOf(unit)             the ISO code a unit names ('USD', 'usd', '$' → "USD"), else null
 *
 * Money is whole when the value is (`$270,000`), else to the cent (`$12.50`); other numbers keep at
 * most two decimals. `%` sticks to the number; any other unit follows it after a space. Nulls are the
 * caller's to render (the reports print "—"). Locale is en-US throughout, so output is the same on
 * every machine.
 */
import { inert } from './inert.js';

// Codes a rep is likely to type as a unit. A fixed list, because ISO also has codes such as
// ALL and TOP that are ordinary words in English.
const CURRENCY_CODES = new Set([
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CHF',
  'CAD',
  'AUD',
  'NZD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'INR',
  'CNY',
  'HKD',
  'SGD',
  'BRL',
  'MXN',
  'ZAR',
  'AED',
  'SAR',
  'ILS',
  'KRW',
  'TRY',
]);
const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };

/** The ISO currency a unit names (`USD`, `usd`, `$`), or null when it is not money. */
export function currencyOf(unit: string | null): string | null {
  if (unit === null) return null;
  const text = unit.trim();
  const code = CURRENCY_SYMBOLS[text] ?? text.toUpperCase();
  return CURRENCY_CODES.has(code) ? code : null;
}

interface NumberFormatter {
  format(value: number): string;
}

const formatters = new Map<string, NumberFormatter>();

/**
 * The en-US formatter for money in `currency` (fixed `decimals`) or for a plain number (at most
 * `decimals`), made once per process. The first Intl.NumberFormat of a process loads ICU's
 * number data, 15-20 ms of a command that takes 60 (issue 12), so plain numbers and the money
 * whose en-US form is only a symbol in front are written here (`fastFormatter`, the same text as
 * Intl's: test/terminal/numbers.test.ts compares them); other currencies go to Intl.
 */
export function formatter(currency: string | null, decimals: number): NumberFormatter {
  const key = `${currency ?? ''}/${decimals}`;
  let format = formatters.get(key);
  if (!format) {
    format = fastFormatter(currency, decimals) ?? intlFormatter(currency, decimals);
    formatters.set(key, format);
  }
  return format;
}

export function intlFormatter(currency: string | null, decimals: number): NumberFormatter {
  return currency
    ? new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals });
}

const SYMBOL_FIRST: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };

/** What Intl writes for en-US, for plain numbers and SYMBOL_FIRST money; null for anything else. */
function fastFormatter(currency: string | null, decimals: number): NumberFormatter | null {
  const symbol = currency === null ? '' : SYMBOL_FIRST[currency];
  if (symbol === undefined) return null;
  let fallback: NumberFormatter | undefined;
  const min = currency === null ? 0 : decimals;
  return {
    format(value: number): string {
      const digits = Number.isFinite(value) ? String(Math.abs(value)) : 'e';
      // Exponent notation (below 1e-6, from 1e21) and NaN or Infinity: rare, left to Intl.
      if (digits.includes('e') || !Number.isFinite(value)) {
        fallback ??= intlFormatter(currency, decimals);
        return fallback.format(value);
      }
      const negative = value < 0 || Object.is(value, -0);
      return `${negative ? '-' : ''}${symbol}${roundDecimal(digits, decimals, min)}`;
    },
  };
}

/**
 * A non-negative decimal in plain digits ("1234.565", the shortest form that reads back as the
 * number, which is what Intl rounds), rounded half away from zero to at most `max` decimals,
 * with at least `min`, and thousands separated by commas.
 */
function roundDecimal(digits: string, max: number, min: number): string {
  const [whole = '0', fraction = ''] = digits.split('.');
  let kept = `${whole}${fraction.slice(0, max).padEnd(max, '0')}`;
  if ((fraction[max] ?? '0') >= '5') kept = increment(kept);
  const cut = kept.length - max;
  const integer = kept.slice(0, cut) || '0';
  const decimals = kept.slice(cut).replace(/0+$/, '').padEnd(min, '0');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return decimals ? `${grouped}.${decimals}` : grouped;
}

/** "199" → "200": one added to a string of digits. */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  return i < 0 ? `1${'0'.repeat(digits.length)}` : `${digits.slice(0, i)}${Number(digits[i]) + 1}${'0'.repeat(digits.length - i - 1)}`;
}

/** `1,200`, `2.5`, `-3`: thousands separators, at most two decimals. */
export function formatNumber(value: number): string {
  return formatter(null, 2).format(toCents(value));
}

/** `$125,000`, `$12.50`, `1,200 calls`, `2.5%`, `3` (no unit). */
export function formatAmount(value: number, unit: string | null): string {
  const currency = currencyOf(unit);
  if (currency) {
    const cents = toCents(value);
    return formatter(currency, Number.isInteger(cents) ? 0 : 2).format(cents);
  }
  const number = formatNumber(value);
  if (unit === null) return number;
  // The unit is stored text: shown inertly wherever the amount goes.
  return unit === '%' ? `${number}%` : `${number} ${inert(unit)}`;
}

/** An estimate (a projection, an expected value): whole numbers from 100 up, since cents there are noise. */
export function formatEstimate(value: number, unit: string | null): string {
  return formatAmount(Math.abs(value) >= 100 ? Math.round(value) : value, unit);
}

/** A change with its sign: `+$25,000`, `-5 calls`, `+0`. */
export function formatChange(amount: number, unit: string | null): string {
  return amount < 0 ? formatAmount(amount, unit) : `+${formatAmount(amount, unit)}`;
}

/** `25%`, `54.9%`, `120%`: one decimal at most. */
export function formatPercent(percent: number): string {
  return `${formatter(null, 1).format(percent)}%`;
}

// Rounded to the two decimals shown, so that -0.004 reads "0" (not "-0" or "-$0.00") and
// 270000.001 USD reads "$270,000" (not "$270,000.00").
function toCents(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}
