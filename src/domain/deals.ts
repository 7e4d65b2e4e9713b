/** Deals: a rep's own pipeline. Pure rules for values, slugs, status changes and the JSON shape. */
import { UsageError, quote } from '../errors.js';
import type { Day } from './calendar.js';
import { RESERVED_SLUGS, isValidSlug } from './goal-refs.js';
import type { Note } from './notes.js';
import { type NumberReading, parseNumber } from './numbers.js';

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export interface Deal {
  id: number;
  slug: string;
  name: string;
  account: string | null;
  value: number;
  stage: string | null;
  status: DealStatus;
  expectedClose: Day | null;
  /** The day it was won or lost; null while open. */
  closedOn: Day | null;
  reason: string | null;
  /** The deal's id in a CRM (issue 12's CSV import matches on it). */
  externalId: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * The words of `perf deals` subcommands: a deal with one of them as its slug would make
 * `perf deals show won` ambiguous. The goals' words are refused too, so a slug means the same
 * kind of thing everywhere.
 */
export const DEAL_WORDS: readonly string[] = ['add', 'won', 'lost', 'edit', 'rm', 'show', 'reopen'];

function isReserved(slug: string): boolean {
  return DEAL_WORDS.includes(slug) || RESERVED_SLUGS.includes(slug);
}

/** A slug typed with `--slug`: kebab-case, not digits alone (an id), not a command word. */
export function parseDealSlug(raw: string): string {
  const slug = raw.trim();
  if (isReserved(slug.toLowerCase())) {
    throw new UsageError(
      `slug ${quote(slug)} is a command word (${DEAL_WORDS.join(', ')}…): choose another, e.g. deal-${slug.toLowerCase()}`,
    );
  }
  if (/^\d+$/.test(slug))
    throw new UsageError(`slug ${quote(raw)} is ambiguous: a number names a deal by its id; add letters, e.g. deal-${slug}`);
  if (!isValidSlug(slug))
    throw new UsageError(`invalid slug ${quote(raw)}: use lowercase letters, digits and single dashes, e.g. acme-renewal`);
  return slug;
}

/** A slug made from the name when none is given; never digits alone or a command word, never empty. */
export function dealSlugBase(slugified: string): string {
  if (slugified === '') return 'deal';
  return /^\d+$/.test(slugified) || isReserved(slugified) ? `deal-${slugified}` : slugified;
}

/**
 * A deal's value: a positive amount, read by the one number parser (which may learn more forms,
 * such as 34k, without this changing). A value of 0 or below is no deal.
 */
export function parseDealValue(raw: string, reading: NumberReading = {}, what = '--value', currency?: string): number {
  let value: number;
  try {
    value = parseNumber(raw, what, reading);
  } catch (error) {
    // The parser's own message offers -5 as an example; a deal's value is never negative.
    if (error instanceof UsageError && error.message.startsWith('invalid ')) throw positiveOnly(raw, what, reading);
    throw error;
  }
  if (!(value > 0)) throw positiveOnly(raw, what, reading);
  if (currency !== undefined) assertInCurrency(raw, currency, what);
  return value;
}

/**
 * A value typed with a currency (`€34.000`, `34000 EUR`) must be in the journal's: deals are
 * shown and summed in that one currency, so ¥3,400,000 would read as $3,400,000.
 */
function assertInCurrency(raw: string, currency: string, what: string): void {
  const code = /[A-Za-z]{3}/.exec(raw)?.[0].toUpperCase();
  const sign = /\p{Sc}/u.exec(raw)?.[0];
  const signs = sign === undefined ? [] : currencySigns(currency);
  if ((code === undefined || code === currency) && (sign === undefined || signs.includes(sign))) return;
  throw new UsageError(
    `invalid ${what} ${quote(raw)}: deal values are in ${currency}, the journal's currency; give the amount in ${currency}, or set the currency first: perf config set currency CODE`,
  );
}

/** The signs a currency is written with: `$` and `US$` for USD, `€` for EUR. */
function currencySigns(currency: string): string[] {
  return (['symbol', 'narrowSymbol'] as const).map(
    (currencyDisplay) =>
      new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay }).formatToParts(0).find((p) => p.type === 'currency')
        ?.value ?? '',
  );
}

function positiveOnly(raw: string, what: string, reading: NumberReading): UsageError {
  // Under the decimal comma 2.5 is refused: the example and the mark in force are named instead.
  const example = reading.decimal === ',' ? '2,5 (decimals take a comma: perf config set numbers.decimal)' : '2.5';
  return new UsageError(`invalid ${what} ${quote(raw)}: a deal's value is a positive amount, e.g. 25000 or ${example}`);
}

/** A deal's name, stage, reason or external id as stored: white space collapsed; empty is none. */
export function normalizeDealText(raw: string | undefined | null): string | null {
  const value = raw?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
}

export function parseDealName(raw: string): string {
  const name = normalizeDealText(raw);
  if (name === null) throw new UsageError('the deal has no name: give it one, e.g. perf deals add "Acme renewal" -a Acme --value 25000');
  return name;
}

/** `won` and `lost` only from open; `reopen` only from closed. */
export function assertDealStatusChange(deal: Deal, to: DealStatus): void {
  if (to === 'open') {
    if (deal.status === 'open') throw new UsageError(`deal ${quote(deal.slug)} is already open: nothing to reopen`);
    return;
  }
  if (deal.status !== 'open') {
    throw new UsageError(
      `deal ${quote(deal.slug)} is already ${deal.status} (on ${deal.closedOn}): to change that, perf deals reopen ${deal.slug} first`,
    );
  }
}

/** The list's order: open deals by expected close (none last), closed ones newest first. */
export function compareDeals(a: Deal, b: Deal): number {
  if (a.status === 'open' && b.status === 'open') {
    return (a.expectedClose ?? '9999').localeCompare(b.expectedClose ?? '9999') || a.id - b.id;
  }
  return (b.closedOn ?? '').localeCompare(a.closedOn ?? '') || a.id - b.id;
}

/** Deals grouped by stage in the order stages first appear among the sorted deals; no stage last. */
export function groupByStage(deals: readonly Deal[]): { stage: string | null; deals: Deal[] }[] {
  const groups = new Map<string | null, Deal[]>();
  for (const deal of [...deals].sort(compareDeals)) {
    const key = deal.stage === null ? null : deal.stage.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), deal]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : 0))
    .map(([, list]) => ({ stage: list[0]?.stage ?? null, deals: list }));
}

/** A deal with the notes about it, oldest first (perf deals show). */
export interface DealDetail {
  deal: Deal;
  notes: Note[];
}

export function totalValue(deals: readonly Deal[]): number {
  // Summed in cents so that 0.1 + 0.2 reads 0.3.
  return Math.round(deals.reduce((sum, deal) => sum + deal.value * 100, 0)) / 100;
}

/** The JSON shape of a deal in CLI.md. */
export function dealToJson(deal: Deal) {
  return {
    id: deal.id,
    slug: deal.slug,
    name: deal.name,
    account: deal.account,
    value: deal.value,
    stage: deal.stage,
    status: deal.status,
    expectedClose: deal.expectedClose,
    closedOn: deal.closedOn,
    reason: deal.reason,
    externalId: deal.externalId,
  };
}
