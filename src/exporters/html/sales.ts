/**
 * The sales section of the HTML summary: wins and losses, win rate, value closed and the pipeline.
 * The summary model gains `sales` (issue 11 item 2) in another branch; `SalesNumbers` is the shape
 * the issue gives it, and the section renders whenever the model carries it.
 */
import { formatAmount, formatEstimate, formatNumber, formatPercent } from '../../terminal/numbers.js';
import { formatShortDay } from '../../terminal/format.js';
import { figure, type Html, paragraph, section, stats, subsection, table } from './page.js';
import { countBars } from './svg-charts.js';
import type { SalesNumbers } from '../../domain/summary.js';

/** The hook: a model with sales numbers gets the section, one without does not. */
export interface WithSales {
  sales?: SalesNumbers | null;
}

export function salesSection(sales: SalesNumbers | null | undefined): Html | null {
  if (!sales) return null;
  const money = (value: number) => formatAmount(value, sales.currency ?? null);
  const tiles = stats([
    ['won', formatNumber(sales.wins)],
    ['lost', formatNumber(sales.losses)],
    ['win rate', sales.winRate === null ? '—' : formatPercent(sales.winRate)],
    ['value won', money(sales.wonValue)],
    ['average deal', sales.averageDeal === null ? '—' : formatEstimate(sales.averageDeal, sales.currency ?? null)],
  ]);
  const chart = figure(
    countBars('chart-wins-losses', 'Deals won and lost in the period', [
      { label: 'Won', value: sales.wins, tone: 'win' },
      { label: 'Lost', value: sales.losses, tone: 'loss' },
    ]),
    'Deals closed in the period, won and lost.',
    table(
      null,
      ['Outcome', 'Deals'],
      [
        ['Won', String(sales.wins)],
        ['Lost', String(sales.losses)],
      ],
      ['left', 'right'],
    ),
  );
  const largest = sales.largestDeal
    ? paragraph(
        `Largest deal: ${sales.largestDeal.name}${sales.largestDeal.account ? ` (${sales.largestDeal.account})` : ''}, ${money(sales.largestDeal.value)}, won ${formatShortDay(sales.largestDeal.closedOn)}.`,
      )
    : '';
  const stages = Object.entries(sales.pipeline.byStage);
  const pipeline = subsection(
    'Pipeline at the end of the period',
    `${paragraph(`${formatNumber(sales.pipeline.open)} open deals worth ${money(sales.pipeline.value)}.`)}${
      stages.length
        ? table(
            null,
            ['Stage', 'Deals', 'Value'],
            stages.map(([stage, s]) => [stage, String(s.count), money(s.value)]),
            ['left', 'right', 'right'],
          )
        : ''
    }`,
  );
  const types = Object.entries(sales.activity);
  const activity = types.length
    ? subsection(
        'Activity by type',
        table(
          null,
          ['Type', 'Notes'],
          types.map(([type, n]) => [type, String(n)]),
          ['left', 'right'],
        ),
      )
    : '';
  return section('sales', 'Sales', [tiles, chart, largest, pipeline, activity].filter(Boolean).join('\n'));
}
