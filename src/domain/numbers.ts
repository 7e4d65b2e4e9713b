/**
 * The one rule for every number the journal stores (goal baselines and targets, update values
 * and changes, `--progress`, and the values they add up to), applied alike to what is typed and to
 * what an import brings. Beyond 1e15 a double no longer holds every cent, and a 309-digit number
 * becomes Infinity, which JSON cannot carry (an export of it would not import again).
 */
import { UsageError, quote } from '../errors.js';

export const MAX_MAGNITUDE = 1e15;

/** How the bound reads in messages. */
export const MAGNITUDE_RULE = 'a number from -1,000,000,000,000,000 to 1,000,000,000,000,000 (±1e15)';

export function isNumberInRange(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_MAGNITUDE;
}

/** A decimal number typed by the user (`1,250.50`, `-5`, `2.5`); thousands commas allowed. */
export function parseNumber(raw: string, what: string): number {
  const text = raw.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (!/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(text)) {
    throw new UsageError(`invalid ${what} ${quote(raw)}: use a number such as 25000, 2.5 or -5`);
  }
  const value = Number(text);
  if (!isNumberInRange(value)) throw new UsageError(`${what} ${shorten(raw.trim())} is too large: use ${MAGNITUDE_RULE}`);
  return value;
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
