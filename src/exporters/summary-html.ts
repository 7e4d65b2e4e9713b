/**
 * The summary as one self-contained HTML page to hand to the manager. It reads as the Markdown
 * summary does (summary-md.ts is the reference for content and order): the rep's own words, the
 * past (results), the present (work in progress), the future (looking ahead), then the habit;
 * with charts where a manager would rather look than read (wins and losses, goal progress with the
 * pace line, competencies self and others, the pipeline by stage, a heatmap of activity), each
 * with the table of its numbers. Loaded only for `--format html`.
 */
import type { Day } from '../domain/calendar.js';
import { isProjectionShown } from '../domain/goals.js';
import type { GoalJson, Summary, SummaryGoal } from '../domain/summary.js';
import { formatShortDay, plural } from '../terminal/format.js';
import { paceLabel } from '../terminal/labels.js';
import { formatNumber } from '../terminal/numbers.js';
import { PLAIN_THEME } from '../terminal/theme.js';
import { competenciesPart, feedbackPart, growthAreasPart, learningPart, reflectionSection } from './html/case-parts.js';
import { escapeHtml } from './html/escape.js';
import { type Html, figure, list, page, paragraph, section, stats, subsection, table } from './html/page.js';
import { developmentItem, goalProgressFigure, moreNotesHtml, noteItem, progressRows } from './html/report-parts.js';
import { pipelinePart, salesPart } from './html/sales.js';
import { activityHeatmap, heatmapCells, progressChart } from './html/svg-charts.js';
import { amountOrNone, estimateOrNone, goalChange, goalValue, percentOrNone } from './report-format.js';
import { activityByType, otherOpenDevelopment } from './summary-md-case.js';

/** Notes per day in the period (days without notes left out), read for the heatmap. */
export interface WithNoteDays {
  noteDays?: readonly { date: Day; count: number }[];
}

/** The summary model as the HTML renderer reads it: the summary, and the notes per day when read. */
export type SummaryHtmlModel = Summary & WithNoteDays;

type SectionRenderer = (summary: SummaryHtmlModel) => Html | null;

/** The sections in the order of the review: own words, the past, the present, the future, then the habit. */
export const SUMMARY_HTML_SECTIONS: readonly SectionRenderer[] = [
  reflectionSection,
  resultsSection,
  inProgressSection,
  lookingAheadSection,
  activitySection,
];

export function renderSummaryHtml(summary: SummaryHtmlModel): string {
  const name = summary.person.name;
  const title = name ? `Accomplishments summary: ${name}` : 'Accomplishments summary';
  const body = [headerBlock(summary, title), ...SUMMARY_HTML_SECTIONS.map((render) => render(summary))].filter(Boolean).join('\n');
  return page(title, `<main>\n${body}\n</main>`);
}

function headerBlock(summary: Summary, title: string): Html {
  const { person, period, stats: s, sales } = summary;
  const facts = [
    person.role,
    person.manager ? `Manager: ${person.manager}` : null,
    `Period: ${formatShortDay(period.from)} – ${formatShortDay(period.to)}`,
  ].filter((x): x is string => Boolean(x));
  const asOf = summary.asOf < period.to ? paragraph(`Goals as of ${formatShortDay(summary.asOf)}.`, 'note') : '';
  const achieved = summary.goals.filter((g) => g.pace === 'achieved').length;
  const tiles = stats([
    ['goals achieved', `${achieved} of ${summary.goals.length}`],
    ...(sales.wins + sales.losses > 0 ? [['deals won', `${sales.wins} of ${sales.wins + sales.losses}`] as const] : []),
    ['highlights', formatNumber(summary.cuts?.highlights.total ?? summary.highlights.length)],
    ['notes logged', formatNumber(s.notes)],
    ['feedback received', formatNumber(summary.feedback.items.length)],
  ]);
  return `<header>\n<h1>${escapeHtml(title)}</h1>\n${paragraph(facts.join(' · '), 'facts')}\n${asOf}\n${tiles}\n</header>`;
}

/** The past: highlights, sales, goals completed, feedback, competencies, learning, development done. */
export function resultsSection(summary: Summary): Html {
  const highlights = summary.highlights.length
    ? list(summary.highlights.map(noteItem)) + moreNotesHtml(summary.cuts?.highlights, summary.highlights.length)
    : paragraph('No starred notes or win notes in this period.');
  const parts = [
    subsection('Highlights', highlights),
    salesPart(summary),
    goalsCompletedPart(summary),
    feedbackPart(summary),
    competenciesPart(summary),
    learningPart(summary),
    developmentCompletedPart(summary),
  ];
  return section('results', 'Results', parts.filter(Boolean).join('\n'));
}

/** The goals closed by the period's end (running ones are under work in progress), charted. */
function goalsCompletedPart(summary: Summary): Html | null {
  const closed = summary.goals.filter((g) => !g.running);
  if (closed.length === 0) return null;
  const chart = goalProgressFigure(
    'chart-goals-completed',
    'Goals completed in the period: how far each came toward its target',
    closed.map((g) => ({ ...g, value: g.valueAtEnd })),
    'Achieved',
  );
  return subsection('Goals completed', [chart, ...goalDetails(closed, summary)].join('\n'));
}

/** Under each goal that has them: what it aligns to and the notes behind it. */
function goalDetails(goals: readonly SummaryGoal[], summary: Summary): Html[] {
  return goals
    .filter((g) => g.notes.length > 0 || g.alignsTo !== null)
    .map((g) => {
      const aligns =
        g.alignsTo === null ? '' : paragraph(`Aligns to: ${typeof g.alignsTo === 'string' ? g.alignsTo : g.alignsTo.title}`, 'note');
      const notes = g.notes.length ? list(g.notes.map(noteItem)) + moreNotesHtml(summary.cuts?.goals[g.id], g.notes.length) : '';
      return subsection(g.title, `${aligns}${notes}`, 4);
    });
}

function developmentCompletedPart(summary: Summary): Html | null {
  const { completed } = summary.development;
  if (completed.length === 0) return null;
  return subsection('Development completed', list(completed.map((d) => developmentItem(d, true))));
}

/** The present: goals still running at the period's end with their pace, the pipeline, the accounts. */
export function inProgressSection(summary: Summary): Html {
  const { accounts } = summary.inProgress;
  const parts: (Html | null)[] = [subsection('Goals running', runningGoals(summary)), pipelinePart(summary)];
  if (accounts.length) {
    parts.push(
      subsection(
        'Accounts worked most',
        table(
          null,
          ['Account', 'Notes', 'Last note'],
          accounts.map((a) => [a.account, String(a.notes), formatShortDay(a.lastDate)]),
          ['left', 'right', 'left'],
        ),
      ),
    );
  }
  return section('in-progress', 'Work in progress', parts.filter(Boolean).join('\n'));
}

/** Each running goal's bar with its pace marker, and the Markdown summary's table of them. */
function runningGoals(summary: Summary): Html {
  const { goals } = summary.inProgress;
  if (goals.length === 0) return paragraph('No open goals.');
  const changes = new Map(summary.goals.map((g) => [g.id, g.change]));
  const rows = progressRows(goals);
  const numbers = table(
    null,
    ['Goal', 'Now', 'Change', 'Target', '%', 'Pace line', 'Pace', 'Projected', 'Due'],
    goals.map((g: GoalJson, i) => {
      const change = changes.get(g.id);
      const line = rows[i]?.expectedPercent ?? null;
      return [
        g.title,
        goalValue(g, g.current),
        change === undefined ? '—' : goalChange(g, change),
        amountOrNone(g.target, g.unit),
        percentOrNone(g.percent),
        line === null ? '—' : `${line}%`,
        paceLabel(g.pace, PLAIN_THEME),
        isProjectionShown(g.start, summary.asOf) ? estimateOrNone(g.projected, g.unit) : '—',
        g.due ? formatShortDay(g.due) : '—',
      ];
    }),
    ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'left'],
  );
  const chart = progressChart('chart-goals-running', `Goals running at ${formatShortDay(summary.asOf)}: progress and pace`, rows);
  const caption = 'Bars show the share of the way from baseline to target; the vertical line is where the goal should be by now.';
  return [
    figure(chart, caption, numbers),
    ...goalDetails(
      summary.goals.filter((g) => g.running),
      summary,
    ),
  ].join('\n');
}

/** The future: growth areas with what is being done, the development planned, the goals ahead. */
export function lookingAheadSection(summary: Summary): Html {
  const ahead = summary.lookingAhead;
  const parts = [growthAreasPart(summary)];
  const other = otherOpenDevelopment(summary);
  if (other.length > 0) parts.push(subsection('Development planned', list(other.map((d) => developmentItem(d, false)))));
  else if (ahead.development.length === 0) parts.push(subsection('Development planned', paragraph('Nothing open.')));
  const coming = ahead.goals.filter((g) => g.start > summary.period.to);
  if (coming.length) {
    const items = coming.map((g) =>
      escapeHtml(
        `${g.title}: target ${amountOrNone(g.target, g.unit)}, from ${formatShortDay(g.start)}${g.due ? ` to ${formatShortDay(g.due)}` : ''}`,
      ),
    );
    parts.push(subsection('Goals ahead', list(items)));
  }
  return section('looking-ahead', 'Looking ahead', parts.join('\n'));
}

export function activitySection(summary: SummaryHtmlModel): Html {
  const { stats: s, period } = summary;
  const tiles = stats([
    ['notes logged', formatNumber(s.notes)],
    ['active days', formatNumber(s.activeDays)],
    ['longest streak', plural(s.longestStreak, 'working day')],
  ]);
  const byType = activityByType(summary);
  const types = byType ? paragraph(`By type: ${byType}.`) : '';
  if (summary.noteDays === undefined) return section('activity', 'Activity', `${tiles}\n${types}`);
  const counts = new Map(summary.noteDays.map((d) => [d.date, d.count]));
  const chart = activityHeatmap(
    'chart-activity',
    `Notes per day, ${formatShortDay(period.from)} to ${formatShortDay(period.to)}`,
    period.from,
    period.to,
    counts,
    summary.asOf,
  );
  return section(
    'activity',
    'Activity',
    `${tiles}\n${types}\n${figure(chart, 'Each square is a day, each column a week (Monday to Sunday); the stronger the green, the more notes; days still to come are dashed.', weeklyTables(period.from, summary.asOf, counts))}`,
  );
}

/** Weeks a table holds before the weeks go into side-by-side tables (a year would make one long column). */
const WEEKS_PER_TABLE = 18;

/** The heatmap's numbers a week at a time, up to `until`: the week's first day in the period, notes, days with notes. */
function weeklyTables(from: Day, until: Day, counts: ReadonlyMap<Day, number>): Html {
  const weeks = new Map<number, { first: Day; notes: number; days: number }>();
  for (const cell of heatmapCells(from, until, counts)) {
    const week = weeks.get(cell.week) ?? { first: cell.date, notes: 0, days: 0 };
    week.notes += cell.count;
    if (cell.count > 0) week.days++;
    weeks.set(cell.week, week);
  }
  const rows = [...weeks.values()].map((w) => [formatShortDay(w.first), String(w.notes), String(w.days)]);
  if (rows.length === 0) return paragraph('None of the period has happened yet.');
  const tables: Html[] = [];
  const parts = Math.ceil(rows.length / WEEKS_PER_TABLE);
  const size = Math.ceil(rows.length / parts);
  for (let i = 0; i < rows.length; i += size) {
    const caption = parts > 1 ? `Notes per week (${i / size + 1} of ${parts})` : 'Notes per week';
    tables.push(table(caption, ['Week from', 'Notes', 'Days'], rows.slice(i, i + size), ['left', 'right', 'right']));
  }
  return `<div class="columns">${tables.join('\n')}</div>`;
}
