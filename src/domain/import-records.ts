/**
 * How an import refuses a file, one shape for perf exports and jrnl exports alike: the field, its
 * value and the record, then what to use, as every other error of the program reads
 * (`invalid date "notadate" in entries[1]: use YYYY-MM-DD; nothing was imported`).
 */
import { UsageError, quote } from '../errors.js';
import { parseTag } from './tags.js';

/** A value short and on one line: texts quoted, anything long cut. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? quote(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** A problem with the file or a whole record. */
export function refuseImport(where: string, problem: string): never {
  throw new UsageError(`invalid ${where}: ${problem}; nothing was imported`);
}

/** A bad field of one record: `invalid <field> <value> in <record>: <fix>`, or `missing <field> …`. */
export function refuseField(record: string, field: string, value: unknown, fix: string): never {
  const what = value === undefined ? `missing ${field}` : `invalid ${field} ${showValue(value)}`;
  throw new UsageError(`${what} in ${record}: ${fix}; nothing was imported`);
}

/** A day that must not lie after `today` (notes, ratings, feedback, goal updates, one-to-ones). */
export function refuseFutureDay(record: string, field: string, value: string, today: string): never {
  throw new UsageError(
    `${field} ${showValue(value)} in ${record} is in the future: use today (${today}) or an earlier day; nothing was imported`,
  );
}

/** One tag of a record's tag list, as `perf log -t` takes it; `clean` strips a sign the source adds. */
export function importTag(raw: unknown, record: string, clean: (tag: string) => string = (tag) => tag): string {
  const fix = 'use letters, digits, "_", "-" or "/"';
  if (typeof raw !== 'string') return refuseField(record, 'tag', raw, fix);
  try {
    return parseTag(clean(raw));
  } catch {
    return refuseField(record, 'tag', raw, fix);
  }
}
