import { UsageError, quote } from '../errors.js';
import { isDay, type Day } from './calendar.js';
import { DEFAULT_CYCLE_START, formatCycleStart, parseCycleStart, type CycleStart } from './cycle.js';
import { NOTE_TYPES, parseNoteTypeList } from './notes.js';

export interface ConfigKey {
  key: string;
  description: string;
  default: string | null;
  /** Returns the value to store, or throws a UsageError naming what is accepted. */
  normalize(value: string): string;
  /** The stored text as JSON shows it; text stays text. */
  toJson?(value: string): number | boolean;
}

const text = (key: string) => (value: string) => {
  const trimmed = value.replace(/\s+/g, ' ').trim();
  if (!trimmed)
    throw new UsageError(
      `invalid value for ${key}: it cannot be empty (use any text, e.g. "Jane Doe"; to remove it: perf config unset ${key})`,
    );
  return trimmed;
};

export const DEFAULT_CURRENCY = 'USD';

export const SCALE_MIN_TOP = 2;
export const SCALE_MAX_TOP = 10;

export const DEFAULT_KEEP_DAILY = 7;
export const DEFAULT_KEEP_WEEKLY = 4;
const MAX_KEEP = 1000;

export const CONFIG_KEYS: readonly ConfigKey[] = [
  { key: 'name', description: 'your name, for the summary heading', default: null, normalize: text('name') },
  { key: 'role', description: 'your role, e.g. "Account Executive, EMEA"', default: null, normalize: text('role') },
  { key: 'manager', description: "your manager's name", default: null, normalize: text('manager') },
  {
    key: 'cycle.start',
    description: 'month-day your review year starts; fiscal quarters start at its month',
    default: '01-01',
    normalize(value) {
      const parsed = parseCycleStart(value);
      if (!parsed) throw new UsageError(`invalid cycle.start ${quote(value)}: use a month-day such as 01-01 or 04-01`);
      return formatCycleStart(parsed);
    },
  },
  {
    key: 'scale.max',
    description: 'top of the competency rating scale',
    default: '5',
    normalize(value) {
      const n = Number(value.trim());
      if (!/^\d+$/.test(value.trim()) || n < SCALE_MIN_TOP || n > SCALE_MAX_TOP) {
        throw new UsageError(`invalid scale.max ${quote(value)}: use a whole number from ${SCALE_MIN_TOP} to ${SCALE_MAX_TOP}`);
      }
      return String(n);
    },
    toJson: Number,
  },
  {
    key: 'currency',
    description: 'the currency of deal values, an ISO 4217 code such as USD, EUR or GBP',
    default: DEFAULT_CURRENCY,
    normalize: parseCurrency,
  },
  {
    key: 'backup.auto',
    description: "back up the journal before each day's first change",
    default: 'true',
    normalize(value) {
      const word = value.trim().toLowerCase();
      if (word === 'true' || word === 'false') return word;
      throw new UsageError(`invalid backup.auto ${quote(value)}: use true or false`);
    },
    toJson: (value) => value === 'true',
  },
  {
    key: 'backup.keep-daily',
    description: 'days of automatic backups kept',
    default: String(DEFAULT_KEEP_DAILY),
    normalize: wholeNumber('backup.keep-daily', 1, MAX_KEEP),
    toJson: Number,
  },
  {
    key: 'backup.keep-weekly',
    description: 'weeks before those with one kept',
    default: String(DEFAULT_KEEP_WEEKLY),
    normalize: wholeNumber('backup.keep-weekly', 0, MAX_KEEP),
    toJson: Number,
  },
  {
    key: 'numbers.decimal',
    description: "decimal mark of typed amounts, . or , (not set: the locale's)",
    default: null,
    normalize(value) {
      const mark = value.trim();
      if (mark === '.' || mark === ',') return mark;
      throw new UsageError(`invalid numbers.decimal ${quote(value)}: use . (34,000.50) or , (34.000,50)`);
    },
  },
  {
    key: 'dates.order',
    description: "how 6.5.2026 reads: dmy, mdy or ymd (not set: the locale's)",
    default: null,
    normalize(value) {
      const order = value.trim().toLowerCase();
      if (order === 'dmy' || order === 'mdy' || order === 'ymd') return order;
      throw new UsageError(`invalid dates.order ${quote(value)}: use dmy (6.5.2026 is 6 May), mdy (5 June) or ymd (2026-05-06)`);
    },
  },
  {
    key: 'checkin.next',
    description: 'the next one-to-one (perf checkin --next)',
    default: null,
    normalize(value) {
      const day = value.trim();
      if (!isDay(day))
        throw new UsageError(`invalid checkin.next ${quote(value)}: use a day as YYYY-MM-DD (or perf checkin --next friday)`);
      return day;
    },
  },
  {
    key: 'note.types',
    description: 'the note types --type accepts, comma-separated (note, the default, always)',
    // With spaces, so that `perf config` can wrap the list.
    default: NOTE_TYPES.join(', '),
    normalize: (value) => parseNoteTypeList(value).join(', '),
  },
];

// Known to the Intl of this Node (ISO 4217's active codes), read once on first use.
let currencies: ReadonlySet<string> | undefined;

/** An ISO 4217 code, any case in, upper case out; a code Intl does not know is refused. */
export function parseCurrency(value: string): string {
  const code = value.trim().toUpperCase();
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  if (!/^[A-Z]{3}$/.test(code) || !currencies.has(code)) {
    throw new UsageError(`invalid currency ${quote(value)}: use an ISO 4217 code such as USD, EUR, GBP, CHF or JPY`);
  }
  return code;
}

function wholeNumber(key: string, min: number, max: number) {
  return (value: string): string => {
    const n = Number(value.trim());
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
      throw new UsageError(`invalid ${key} ${quote(value)}: use a whole number from ${min} to ${max}`);
    }
    return String(n);
  };
}

export function findConfigKey(key: string): ConfigKey {
  const found = CONFIG_KEYS.find((k) => k.key === key.trim().toLowerCase());
  if (!found) {
    throw new UsageError(`unknown setting ${quote(key)}: use one of ${CONFIG_KEYS.map((k) => k.key).join(', ')}`);
  }
  return found;
}

/** A setting's value in `--json` output: null when not set, scale.max a number, the rest text. */
export function configValueToJson(key: string, value: string | null): string | number | boolean | null {
  if (value === null) return null;
  const toJson = findConfigKey(key).toJson;
  return toJson ? toJson(value) : value;
}

/** The settings every command reads, with defaults filled in. */
export interface Settings {
  name: string | null;
  role: string | null;
  manager: string | null;
  cycleStart: CycleStart;
  scaleMax: number;
  /** The ISO 4217 code deal values are in. */
  currency: string;
  backup: { auto: boolean; keepDaily: number; keepWeekly: number };
  /** The next one-to-one, when one is planned (perf checkin --next). */
  nextOneToOne: Day | null;
}

export function settingsFrom(values: ReadonlyMap<string, string>): Settings {
  return {
    name: values.get('name') ?? null,
    role: values.get('role') ?? null,
    manager: values.get('manager') ?? null,
    cycleStart: parseCycleStart(values.get('cycle.start') ?? '') ?? DEFAULT_CYCLE_START,
    scaleMax: Number(values.get('scale.max') ?? 5) || 5,
    currency: values.get('currency') ?? DEFAULT_CURRENCY,
    backup: {
      auto: values.get('backup.auto') !== 'false',
      keepDaily: wholeOr(values.get('backup.keep-daily'), DEFAULT_KEEP_DAILY) || DEFAULT_KEEP_DAILY,
      keepWeekly: wholeOr(values.get('backup.keep-weekly'), DEFAULT_KEEP_WEEKLY),
    },
    nextOneToOne: isDay(values.get('checkin.next') ?? '') ? (values.get('checkin.next') as Day) : null,
  };
}

function wholeOr(stored: string | undefined, fallback: number): number {
  return stored !== undefined && /^\d+$/.test(stored) ? Number(stored) : fallback;
}

export interface ConfigEntry {
  key: string;
  value: string | null;
  default: string | null;
  isDefault: boolean;
  description: string;
  /** Where a value that is not set comes from, when not from a default: the user's locale. */
  origin?: 'locale';
}
