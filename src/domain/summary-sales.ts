/**
 * The summary's sales numbers: wins and losses closed in the period, the value won, the pipeline
 * open at the period's end, and the period's notes counted by type.
 */
import { canonicalAccount } from './account-names.js';
import type { Day } from './calendar.js';
import type { SummaryDeal } from './report-data.js';

export interface LargestDeal {
  id: number;
  name: string;
  account: string | null;
  value: number;
  closedOn: Day;
}

export interface StageTotal {
  count: number;
  value: number;
}

export interface SalesNumbers {
  /** The journal's currency (config `currency`, default USD): every value below is in it. */
  currency: string;
  wins: number;
  losses: number;
  /** Percent of wins among wins and losses, one decimal; null when there are neither. */
  winRate: number | null;
  wonValue: number;
  /** The mean value of the deals won; null when none was won. */
  averageDeal: number | null;
  largestDeal: LargestDeal | null;
  /** Deals created on or before the period's end and not closed by it; by stage ("none" when unset). */
  pipeline: { open: number; value: number; byStage: Record<string, StageTotal> };
  /** The period's notes counted by type, most first. */
  activity: Record<string, number>;
}

/** The key of deals without a stage in `pipeline.byStage`. */
export const NO_STAGE = 'none';

export function salesNumbers(
  deals: readonly SummaryDeal[],
  byType: readonly { type: string; count: number }[],
  period: { from: Day; to: Day },
  currency: string,
  spellings: ReadonlyMap<string, string>,
): SalesNumbers {
  const closed = deals.filter((d) => d.closedOn !== null && d.closedOn >= period.from && d.closedOn <= period.to);
  const won = closed.filter((d) => d.status === 'won');
  const lost = closed.filter((d) => d.status === 'lost');
  const wonValue = money(won.reduce((sum, d) => sum + d.value, 0));
  const largest = [...won].sort((a, b) => b.value - a.value || compare(a.closedOn ?? '', b.closedOn ?? '') || a.id - b.id)[0];
  return {
    currency,
    wins: won.length,
    losses: lost.length,
    winRate: closed.length === 0 ? null : Math.round((won.length / closed.length) * 1000) / 10,
    wonValue,
    averageDeal: won.length === 0 ? null : money(wonValue / won.length),
    largestDeal: largest
      ? {
          id: largest.id,
          name: largest.name,
          account: largest.account === null ? null : canonicalAccount(largest.account, spellings),
          value: largest.value,
          closedOn: largest.closedOn ?? period.to,
        }
      : null,
    pipeline: pipelineOn(deals, period.to),
    activity: mostFirst(byType),
  };
}

/** Open on `day`: created by then and not closed by then. */
export function pipelineOn(deals: readonly SummaryDeal[], day: Day): SalesNumbers['pipeline'] {
  const open = deals.filter((d) => d.createdOn <= day && (d.closedOn === null || d.closedOn > day));
  const byStage: Record<string, StageTotal> = {};
  for (const deal of open) {
    const stage = deal.stage ?? NO_STAGE;
    const total = byStage[stage] ?? { count: 0, value: 0 };
    byStage[stage] = total;
    total.count++;
    total.value = money(total.value + deal.value);
  }
  return { open: open.length, value: money(open.reduce((sum, d) => sum + d.value, 0)), byStage };
}

/** The period's notes counted by type, most first (then by name). */
function mostFirst(byType: readonly { type: string; count: number }[]): Record<string, number> {
  return Object.fromEntries([...byType].sort((a, b) => b.count - a.count || compare(a.type, b.type)).map((t) => [t.type, t.count]));
}

/** Sums of stored amounts to the cent, without binary fractions' noise (0.1 + 0.2). */
function money(value: number): number {
  return Math.round(value * 100) / 100;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
