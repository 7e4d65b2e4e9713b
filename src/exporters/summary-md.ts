import type { Summary, SummaryGoal } from '../domain/summary.js';
import {
  activityByType,
  competencies,
  developmentLine,
  feedback,
  growthAreas,
  learning,
  moreNotesMd,
  noteLine,
  reflection,
  sales,
  monthsShown,
  otherOpenDevelopment,
} from './summary-md-case.js';
import { formatMonth, formatShortDay, plural } from '../terminal/format.js';
import { isProjectionShown } from '../domain/goals.js';
import { paceLabel } from '../terminal/labels.js';
import { PLAIN_THEME } from '../terminal/theme.js';
import { mdTable, mdText } from './markdown.js';
import { formatAmount, formatNumber } from '../terminal/numbers.js';
import { amountOrNone, estimateOrNone, goalChange, goalStanding, goalValue, percentOrNone } from './report-format.js';

/** The summary as GitHub-flavoured Markdown, ready to paste into an appraisal form. Never ANSI. */
export function renderSummaryMarkdown(summary: Summary): string {
  // The review's three parts: the past (results), the present (work in progress), the future.
  const sections = [
    header(summary),
    reflection(summary),
    '## Results',
    highlights(summary),
    sales(summary),
    results(summary),
    feedback(summary),
    competencies(summary),
    learning(summary),
    completedDevelopment(summary),
    inProgress(summary),
    lookingAhead(summary),
    activity(summary),
  ];
  return `${sections.filter(Boolean).join('\n\n')}\n`;
}

function header(summary: Summary): string {
  const { person, period } = summary;
  const title = person.name ? `# Accomplishments summary: ${mdText(person.name)}` : '# Accomplishments summary';
  const facts = [
    person.role ? `**${mdText(person.role)}**` : null,
    person.manager ? `Manager: ${mdText(person.manager)}` : null,
    `Period: ${formatShortDay(period.from)} – ${formatShortDay(period.to)}`,
  ].filter(Boolean);
  const asOf = summary.asOf < period.to ? `\n\nGoals as of ${formatShortDay(summary.asOf)}.` : '';
  return `${title}\n\n${facts.join(' · ')}${asOf}`;
}

function highlights(summary: Summary): string {
  if (summary.highlights.length === 0) return '### Highlights\n\nNo starred notes or win notes in this period.';
  return `### Highlights\n\n${summary.highlights.map(noteLine).join('\n')}${moreNotesMd(summary.cuts?.highlights, summary.highlights.length)}`;
}

function alignment(goal: SummaryGoal): string | null {
  if (goal.alignsTo === null) return null;
  return typeof goal.alignsTo === 'string' ? mdText(goal.alignsTo) : mdText(goal.alignsTo.title);
}

/** The goals closed by the period's end; running ones are under work in progress. */
function results(summary: Summary): string {
  const closed = summary.goals.filter((g) => !g.running);
  if (closed.length === 0) return '';
  const table = mdTable(
    ['Goal', 'Target', 'Achieved', 'Change', '% of target', 'Result'],
    closed.map((g) => [
      mdText(g.title),
      amountOrNone(g.target, g.unit),
      goalValue(g, g.valueAtEnd),
      goalChange(g, g.change),
      percentOrNone(g.percent),
      goalStanding(g, PLAIN_THEME),
    ]),
    ['left', 'right', 'right', 'right', 'right', 'left'],
  );
  return ['### Goals completed', table, ...goalDetails(closed, summary)].join('\n\n');
}

/** Under each goal that has them: what it aligns to and the notes behind it. */
function goalDetails(goals: readonly SummaryGoal[], summary: Summary): string[] {
  return goals
    .filter((g) => g.notes.length > 0 || g.alignsTo !== null)
    .map((g) => {
      const aligns = alignment(g);
      const lines = [`#### ${mdText(g.title)}`, ''];
      if (aligns) lines.push(`Aligns to: ${aligns}`, '');
      if (g.notes.length) lines.push(g.notes.map(noteLine).join('\n') + moreNotesMd(summary.cuts?.goals[g.id], g.notes.length));
      return lines.join('\n').trimEnd();
    });
}

function inProgress(summary: Summary): string {
  const { goals, accounts } = summary.inProgress;
  const parts = ['## Work in progress'];
  const changes = new Map(summary.goals.map((g) => [g.id, g]));
  if (goals.length === 0) parts.push('No open goals.');
  else {
    parts.push(
      mdTable(
        ['Goal', 'Now', 'Change', 'Target', '%', 'Pace', 'Projected', 'Due'],
        goals.map((g) => [
          mdText(g.title),
          goalValue(g, g.current),
          changes.has(g.id) ? goalChange(g, changes.get(g.id)?.change ?? 0) : '—',
          amountOrNone(g.target, g.unit),
          percentOrNone(g.percent),
          paceLabel(g.pace, PLAIN_THEME),
          isProjectionShown(g.start, summary.asOf) ? estimateOrNone(g.projected, g.unit) : '—',
          g.due ? formatShortDay(g.due) : '—',
        ]),
        ['left', 'right', 'right', 'right', 'right', 'left', 'right', 'left'],
      ),
      ...goalDetails(
        summary.goals.filter((g) => g.running),
        summary,
      ),
    );
  }
  const { pipeline, currency } = summary.sales;
  if (pipeline.open > 0) {
    const stages = Object.entries(pipeline.byStage).map(([stage, t]) => `${mdText(stage)} ${t.count} (${formatAmount(t.value, currency)})`);
    parts.push(
      `**Pipeline at ${formatShortDay(summary.period.to)}:** ${plural(pipeline.open, 'open deal')} worth ${formatAmount(pipeline.value, currency)}: ${stages.join(', ')}`,
    );
  }
  if (accounts.length) {
    const list = accounts.map((a) => `${mdText(a.account)} (${plural(a.notes, 'note')}, last ${formatShortDay(a.lastDate)})`);
    parts.push(`**Accounts worked most:** ${list.join(', ')}`);
  }
  return parts.join('\n\n');
}

function completedDevelopment(summary: Summary): string {
  const { completed } = summary.development;
  if (completed.length === 0) return '';
  return ['### Development completed', completed.map((d) => developmentLine(d, true)).join('\n')].join('\n\n');
}

/** The future: growth areas, open development, goals ahead, feedback to act on. */
function lookingAhead(summary: Summary): string {
  const ahead = summary.lookingAhead;
  const other = otherOpenDevelopment(summary);
  const parts = ['## Looking ahead', growthAreas(summary)];
  if (other.length > 0) parts.push('### Development planned', other.map((d) => developmentLine(d, false)).join('\n'));
  else if (ahead.development.length === 0) parts.push('### Development planned', 'Nothing open.');
  const coming = ahead.goals.filter((g) => g.start > summary.period.to);
  if (coming.length) {
    const lines = coming.map(
      (g) =>
        `- ${mdText(g.title)}: target ${amountOrNone(g.target, g.unit)}, from ${formatShortDay(g.start)}${g.due ? ` to ${formatShortDay(g.due)}` : ''}`,
    );
    parts.push('### Goals ahead', lines.join('\n'));
  }
  return parts.join('\n\n');
}

function activity(summary: Summary): string {
  const { stats } = summary;
  const byType = activityByType(summary);
  const facts = [
    `- Notes logged: ${formatNumber(stats.notes)}`,
    `- Active days: ${formatNumber(stats.activeDays)}`,
    `- Longest streak: ${plural(stats.longestStreak, 'working day')} in a row with a note`,
    ...(byType ? [`- By type: ${mdText(byType)}`] : []),
  ].join('\n');
  const months = mdTable(
    ['Month', 'Notes'],
    monthsShown(stats.perMonth).map(([month, count]) => [formatMonth(month), String(count)]),
    ['left', 'right'],
  );
  return ['## Activity', facts, months].join('\n\n');
}
