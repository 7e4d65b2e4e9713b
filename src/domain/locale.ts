/**
 * What the user's locale decides when a setting does not: the decimal mark of typed amounts and
 * the order of numeric dates. Read from `LC_ALL`, then the category variable, then `LANG`, as the
 * C library does; a POSIX locale name looks like `de_DE.UTF-8` or `pt_BR@euro`.
 */
export type DecimalMark = '.' | ',';
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export const DECIMAL_MARKS: readonly DecimalMark[] = ['.', ','];
export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

type Env = Readonly<Record<string, string | undefined>>;

/** The locale name in force for a category (`LC_NUMERIC`, `LC_TIME`), or '' when none is set. */
export function localeName(env: Env, category: 'LC_NUMERIC' | 'LC_TIME'): string {
  for (const name of ['LC_ALL', category, 'LANG']) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return '';
}

/** `de_DE.UTF-8` → { language: 'de', region: 'DE' }; C and POSIX have no language. */
export function splitLocale(name: string): { language: string; region: string } {
  const match = /^([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}|\d{3}))?/.exec(name);
  if (!match || name === 'C' || name === 'POSIX' || /^C\./.test(name)) return { language: '', region: '' };
  return { language: (match[1] ?? '').toLowerCase(), region: (match[2] ?? '').toUpperCase() };
}

// Languages whose everyday numbers use a decimal point; the rest of Europe and Latin America use
// a comma. English in a comma region (en_ZA) follows the language: that is what its users type.
const POINT_LANGUAGES = new Set(['', 'en', 'ja', 'zh', 'ko', 'th', 'he', 'hi', 'ms', 'fil', 'ga', 'cy', 'mt']);
// Spanish and German speakers in these regions write a decimal point.
const POINT_REGIONS = new Set(['MX', 'CH', 'LI', 'GT', 'HN', 'NI', 'PA', 'PR', 'DO', 'SV', 'PE', 'US']);

export function defaultDecimalMark(env: Env): DecimalMark {
  const { language, region } = splitLocale(localeName(env, 'LC_NUMERIC'));
  if (POINT_LANGUAGES.has(language)) return '.';
  if ((language === 'es' || language === 'de' || language === 'it') && POINT_REGIONS.has(region)) return '.';
  return ',';
}

const YMD_LANGUAGES = new Set(['ja', 'zh', 'ko', 'hu', 'lt']);

/** mdy when unset, for C/POSIX and for en_US (as before locales counted); ymd for East Asia, Hungary, Lithuania. */
export function defaultDateOrder(env: Env): DateOrder {
  const { language, region } = splitLocale(localeName(env, 'LC_TIME'));
  if (language === '') return 'mdy';
  if (language === 'en' && (region === 'US' || region === '')) return 'mdy';
  return YMD_LANGUAGES.has(language) ? 'ymd' : 'dmy';
}

/** The language for month and weekday names in dates, e.g. 'de' for `de_AT.UTF-8`; 'en' when none. */
export function dateLanguage(env: Env): string {
  return splitLocale(localeName(env, 'LC_TIME')).language || 'en';
}

/** How typed numbers and dates are read, after settings and the locale. */
export interface Reading {
  decimal: DecimalMark;
  dateOrder: DateOrder;
  language: string;
}

export function readingFrom(config: ReadonlyMap<string, string>, env: Env): Reading {
  const decimal = config.get('numbers.decimal');
  const order = config.get('dates.order');
  return {
    decimal: decimal === '.' || decimal === ',' ? decimal : defaultDecimalMark(env),
    dateOrder: DATE_ORDERS.includes(order as DateOrder) ? (order as DateOrder) : defaultDateOrder(env),
    language: dateLanguage(env),
  };
}
