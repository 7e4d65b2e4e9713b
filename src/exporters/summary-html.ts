/**
 * The summary as one self-contained HTML page to hand to the manager: the Markdown summary's
 * sections with charts (goal progress with the pace line, competencies at the period's start and
 * end, a heatmap of activity, wins and losses). Each section is its own function so that new
 * sections of the model slot in; loaded only for `--format html`.
 */
import type { Day } from '../domain/calendar.js';
import { RELATIONSHIPS } from '../domain/feedback.js';
import { isProjectionShown } from '../domain/goals.js';
import type { Summary } from '../domain/summary.js';
import { formatShortDay, plural } from '../terminal/format.js';
import { formatNumber } from '../terminal/numbers.js';
import { PLAIN_THEME } from '../terminal/theme.js';
import { escapeHtml } from './html/escape.js';
import { type Html, figure, list, page, paragraph, section, stats, subsection, table } from './html/page.js';
import { developmentItem, feedbackQuote, goalProgressFigure, noteItem } from './html/report-parts.js';
import { salesSection, type WithSales } from './html/sales.js';
import { activityHeatmap, heatmapCells, ratingsChart } from './html/svg-charts.js';
import {
  amountOrNone,
  changeOrNone,
  estimateOrNone,
  formatRatingSpan,
  goalStanding,
  goalValue,
  percentOrNone,
  relationshipLabel,
} from './report-format.js';

/** Notes per day in the period (days without notes left out), read for the heatmap. */
export interface WithNoteDays {
  noteDays?: readonly { date: Day; count: number }[];
}

/** The summary model as the HTML renderer reads it: today's model, plus the parts it can show when present. */
export type SummaryHtmlModel = Summary & WithSales & WithNoteDays;

type SectionRenderer = (summary: SummaryHtmlModel) => Html | null;

/** The sections in the order of the review: the past, the present, the future, then the habit. */
export const SUMMARY_HTML_SECTIONS: readonly SectionRenderer[] = [
  highlightsSection,
  resultsSection,
  (s) => salesSection(s.sales),
  inProgressSection,
  competenciesSection,
  developmentSection,
  feedbackSection,
  activitySection,
];

export function renderSummaryHtml(summary: SummaryHtmlModel): string {
  const name = summary.person.name;
  const title = name ? `Accomplishments summary: ${name}` : 'Accomplishments summary';
  const body = [headerBlock(summary, title), ...SUMMARY_HTML_SECTIONS.map((render) => render(summary))].filter(Boolean).join('\n');
  return page(title, `<main>\n${body}\n</main>`);
}

function headerBlock(summary: Summary, title: string): Html {
  const { person, period, stats: s } = summary;
  const facts = [
    person.role,
    person.manager ? `Manager: ${person.manager}` : null,
    `Period: ${formatShortDay(period.from)} – ${formatShortDay(period.to)}`,
  ].filter((x): x is string => Boolean(x));
  const asOf = summary.asOf < period.to ? paragraph(`Goals as of ${formatShortDay(summary.asOf)}.`, 'note') : '';
  const achieved = summary.goals.filter((g) => g.pace === 'achieved').length;
  const tiles = stats([
    ['goals achieved', `${achieved} of ${summary.goals.length}`],
    ['highlights', formatNumber(summary.highlights.length)],
    ['notes logged', formatNumber(s.notes)],
    ['feedback received', formatNumber(summary.feedback.items.length)],
  ]);
  return `<header>\n<h1>${escapeHtml(title)}</h1>\n${paragraph(facts.join(' · '), 'facts')}\n${asOf}\n${tiles}\n</header>`;
}

export function highlightsSection(summary: Summary): Html {
  const items = summary.highlights;
  return section(
    'highlights',
    'Highlights',
    items.length ? list(items.map(noteItem)) : paragraph('No starred notes or wins in this period.'),
  );
}

export function resultsSection(summary: Summary): Html {
  if (summary.goals.length === 0) return section('results', 'Results by goal', paragraph('No goals were active in this period.'));
  const chart = goalProgressFigure(
    'chart-goal-progress',
    'Progress of each goal toward its target, with the pace line',
    summary.goals.map((g) => ({ ...g, value: g.valueAtEnd })),
    'Achieved',
  );
  const details = summary.goals
    .filter((g) => g.notes.length > 0 || g.alignsTo !== null)
    .map((g) => {
      const aligns =
        g.alignsTo === null ? '' : paragraph(`Aligns to: ${typeof g.alignsTo === 'string' ? g.alignsTo : g.alignsTo.title}`, 'note');
      return subsection(g.title, `${aligns}${g.notes.length ? list(g.notes.map(noteItem)) : ''}`);
    });
  return section('results', 'Results by goal', [chart, ...details].join('\n'));
}

export function inProgressSection(summary: Summary): Html {
  const { goals, accounts } = summary.inProgress;
  const parts: Html[] = [];
  if (goals.length === 0) parts.push(paragraph('No open goals.'));
  else {
    parts.push(
      table(
        null,
        ['Goal', 'Now', 'Target', '%', 'Pace', 'Projected', 'Due'],
        goals.map((g) => [
          g.title,
          goalValue(g, g.current),
          amountOrNone(g.target, g.unit),
          percentOrNone(g.percent),
          goalStanding(g, PLAIN_THEME),
          isProjectionShown(g.start, summary.asOf) ? estimateOrNone(g.projected, g.unit) : '—',
          g.due ? formatShortDay(g.due) : '—',
        ]),
        ['left', 'right', 'right', 'right', 'left', 'right', 'left'],
      ),
    );
  }
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
  return section('in-progress', 'Work in progress', parts.join('\n'));
}

export function competenciesSection(summary: Summary): Html {
  const rated = summary.competencies.filter((c) => c.self.end !== null || c.others.end !== null);
  if (rated.length === 0) return section('competencies', 'Competencies', paragraph('No ratings yet.'));
  const chart = ratingsChart(
    'chart-competencies',
    `Competency ratings, self and others, at the start and end of the period (scale 1 to ${summary.scaleMax})`,
    rated.map((c) => ({ label: c.name, self: c.self, others: c.others })),
    summary.scaleMax,
  );
  const numbers = table(
    null,
    ['Competency', 'Self', 'Change', 'Others', 'Change', 'Target'],
    rated.map((c) => [
      c.name,
      formatRatingSpan(c.self.start, c.self.end),
      changeOrNone(c.self.change, null),
      formatRatingSpan(c.others.start, c.others.end),
      changeOrNone(c.others.change, null),
      String(c.target),
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right'],
  );
  const caption = `Ratings on a scale of 1 to ${summary.scaleMax}; "others" are the manager, peers and customers.`;
  const targets = rated.filter((c) => c.improvementTarget).map((c) => c.name);
  const growth = targets.length ? paragraph(`Growth areas: ${targets.join(', ')}.`) : '';
  return section('competencies', 'Competencies', `${figure(chart, caption, numbers)}\n${growth}`);
}

export function developmentSection(summary: Summary): Html {
  const { completed, open } = summary.development;
  return section(
    'development',
    'Development',
    [
      subsection('Completed', completed.length ? list(completed.map((d) => developmentItem(d, true))) : paragraph('None in this period.')),
      subsection('Open', open.length ? list(open.map((d) => developmentItem(d, false))) : paragraph('Nothing open.')),
    ].join('\n'),
  );
}

export function feedbackSection(summary: Summary): Html {
  const { byRelationship, items } = summary.feedback;
  if (items.length === 0) return section('feedback', 'Feedback', paragraph('No feedback recorded in this period.'));
  const counts = RELATIONSHIPS.filter((r) => byRelationship[r] > 0).map((r) => [relationshipLabel(r), String(byRelationship[r])]);
  return section(
    'feedback',
    'Feedback',
    [table(null, ['From', 'Pieces'], counts, ['left', 'right']), ...items.map(feedbackQuote)].join('\n'),
  );
}

export function activitySection(summary: SummaryHtmlModel): Html {
  const { stats: s, period } = summary;
  const tiles = stats([
    ['notes logged', formatNumber(s.notes)],
    ['active days', formatNumber(s.activeDays)],
    ['longest streak', plural(s.longestStreak, 'working day')],
  ]);
  if (summary.noteDays === undefined) return section('activity', 'Activity', tiles);
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
    `${tiles}\n${figure(chart, 'Each square is a day, each column a week (Monday to Sunday); the stronger the green, the more notes; days still to come are dashed.', weeklyTables(period.from, summary.asOf, counts))}`,
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
