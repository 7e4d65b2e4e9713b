import { UsageError, quote } from '../errors.js';

/** A record id typed by the user: a positive whole number. */
export function parseId(raw: string, what: string): number {
  const id = idOf(raw);
  if (id === null) throw new UsageError(`invalid ${what} id ${quote(raw)}: use the number shown in the list (e.g. 12)`);
  return id;
}

/** A note id, or `last`: the newest note by id, which only the journal can tell. */
export function parseNoteRef(raw: string): number | 'last' {
  if (raw.trim().toLowerCase() === 'last') return 'last';
  const id = idOf(raw);
  if (id === null) throw new UsageError(`invalid note id ${quote(raw)}: use the number shown in the list (e.g. 12) or last`);
  return id;
}

function idOf(raw: string): number | null {
  const text = raw.trim().replace(/^#/, '');
  return /^\d+$/.test(text) && Number(text) >= 1 && Number.isSafeInteger(Number(text)) ? Number(text) : null;
}

/** A count such as `--limit`: a positive whole number. */
export function parsePositiveInt(raw: string, option: string): number {
  const text = raw.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`invalid ${option} ${quote(raw)}: use a whole number of 1 or more`);
  }
  return Number(text);
}

/** How many rows a listing shows (`-n`): a whole number from 1, or `all`. */
export function parseLimit(raw: string, option: string): number | 'all' {
  if (raw.trim().toLowerCase() === 'all') return 'all';
  const text = raw.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`invalid ${option} ${quote(raw)}: use a whole number from 1, or all`);
  }
  return Number(text);
}
