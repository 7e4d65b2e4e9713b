/**
 * The sales numbers in the HTML summary, where the Markdown summary has them: among the results,
 * wins and losses (a chart and its table) and the numbers (win rate, value won, average and largest
 * deal); under work in progress, the pipeline at the period's end by stage (a chart and its table).
 */
import type { Summary } from '../../domain/summary.js';
import { formatShortDay, plural } from '../../terminal/format.js';
import { formatAmount, formatNumber } from '../../terminal/numbers.js';
import { figure, type Html, paragraph, subsection, table } from './page.js';
import { countBars } from './svg-charts.js';
import { salesRows } from '../report-format.js';

/** Wins, losses and what they were worth; nothing when no deal was closed or open (as in Markdown). */
export function salesPart(summary: Summary): Html | null {
  const s = summary.sales;
  if (s.wins + s.losses === 0 && s.pipeline.open === 0) return null;
  const chart = figure(
    countBars('chart-wins-losses', `Deals won and lost, ${formatShortDay(summary.period.from)} to ${formatShortDay(summary.period.to)}`, [
      { label: 'Won', value: s.wins, tone: 'win' },
      { label: 'Lost', value: s.losses, tone: 'loss' },
    ]),
    'Deals closed in the period, won and lost.',
    table(
      null,
      ['Outcome', 'Deals'],
      [
        ['Won', formatNumber(s.wins)],
        ['Lost', formatNumber(s.losses)],
      ],
      ['left', 'right'],
    ),
  );
  const numbers = table(null, ['Measure', 'Value'], salesRows(s), ['left', 'right']);
  return subsection('Sales', `${chart}\n${numbers}`);
}

/** The deals open at the period's end, by stage: their value as bars, and the table of counts and values. */
export function pipelinePart(summary: Summary): Html | null {
  const { pipeline, currency } = summary.sales;
  if (pipeline.open === 0) return null;
  const day = formatShortDay(summary.period.to);
  const stages = Object.entries(pipeline.byStage);
  const chart = countBars(
    'chart-pipeline',
    `Value of the open deals by stage at ${day}`,
    stages.map(([stage, t]) => ({ label: stage, value: t.value, tone: 'bar', text: formatAmount(t.value, currency) })),
  );
  const numbers = table(
    null,
    ['Stage', 'Deals', 'Value'],
    [
      ...stages.map(([stage, t]) => [stage, formatNumber(t.count), formatAmount(t.value, currency)]),
      ['All open deals', formatNumber(pipeline.open), formatAmount(pipeline.value, currency)],
    ],
    ['left', 'right', 'right'],
  );
  const total = paragraph(`${plural(pipeline.open, 'open deal')} worth ${formatAmount(pipeline.value, currency)} at ${day}.`);
  return subsection('Pipeline', `${total}\n${figure(chart, 'Open deals by stage ("none": no stage given).', numbers)}`);
}
