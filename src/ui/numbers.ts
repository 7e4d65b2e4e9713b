/** Numbers as a sales rep reads them: money as money, counts with thousands separators. */

// Codes a rep is likely to type as a unit. A fixed list, because ISO also has codes such as
// ALL and TOP that are ordinary words in English.
const CURRENCY_CODES = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF',
  'INR', 'CNY', 'HKD', 'SGD', 'BRL', 'MXN', 'ZAR', 'AED', 'SAR', 'ILS', 'KRW', 'TRY',
]);
const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };

/** The ISO currency a unit names (`USD`, `usd`, `$`), or null when it is not money. */
export function currencyOf(unit: string | null): string | null {
  if (unit === null) return null;
  const text = unit.trim();
  const code = CURRENCY_SYMBOLS[text] ?? text.toUpperCase();
  return CURRENCY_CODES.has(code) ? code : null;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string | null, decimals: number): Intl.NumberFormat {
  const key = `${currency ?? ''}/${decimals}`;
  let format = formatters.get(key);
  if (!format) {
    format = currency
      ? new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals })
      : new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals });
    formatters.set(key, format);
  }
  return format;
}

/** `1,200`, `2.5`, `-3`: thousands separators, at most two decimals. */
export function formatNumber(value: number): string {
  return formatter(null, 2).format(value === 0 ? 0 : value);
}

/** `$125,000`, `$12.50`, `1,200 calls`, `2.5%`, `3` (no unit). */
export function formatAmount(value: number, unit: string | null): string {
  const currency = currencyOf(unit);
  if (currency) return formatter(currency, Number.isInteger(value) ? 0 : 2).format(value === 0 ? 0 : value);
  const number = formatNumber(value);
  if (unit === null) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
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
