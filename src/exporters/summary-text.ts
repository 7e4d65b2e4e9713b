import type { DevelopmentItem, Summary, SummaryGoal } from '../domain/summary.js';
import { activityByType, monthsShown, otherOpenDevelopment } from './summary-md-case.js';
import {
  competencyLines,
  feedbackLines,
  growthLines,
  learningLines,
  pipelineLines,
  reflectionLines,
  salesLines,
} from './summary-text-case.js';
import { formatShortDay, plural } from '../terminal/format.js';
import { isProjectionShown } from '../domain/goals.js';
import { paceLabel } from '../terminal/labels.js';
import { renderTable } from '../terminal/table.js';
import { wrapParts } from '../terminal/wrap.js';
import type { Theme } from '../terminal/theme.js';
import type { RenderOptions } from './renderer.js';
import { moreNotesLines, renderReportNote } from './text-blocks.js';
import { formatNumber } from '../terminal/numbers.js';
import { amountOrNone, estimateOrNone, goalChange, goalStanding, goalValue, percentOrNone } from './report-format.js';

/** The summary for the terminal: sections in capitals, tables, and a bar per month. */
export function renderSummaryText(summary: Summary, { theme, width }: RenderOptions): string {
  const out: string[] = [];
  const section = (title: string) => out.push('', theme.heading(title));
  out.push(...headingLines(summary, theme, width));

  if (summary.reflection) {
    section('IN MY OWN WORDS');
    out.push(...reflectionLines(summary, width));
  }

  section('HIGHLIGHTS');
  if (summary.highlights.length === 0)
    out.push(
      ...wrapParts(
        'No starred notes or win notes in this period. Star one with: perf notes edit <id> --star'
          .split(' ')
          .map((word) => theme.dim(word)),
        width,
        { first: '  ', indent: '  ', separator: ' ' },
      ),
    );
  for (const note of summary.highlights) out.push(...renderReportNote(note, theme, width));
  out.push(...moreNotesLines(summary.cuts?.highlights, summary.highlights.length, theme, width, '  '));

  const sales = salesLines(summary, theme);
  if (sales.length) {
    section('SALES');
    out.push(...sales);
  }
  if (summary.goals.some((g) => !g.running)) {
    section('GOALS COMPLETED');
    out.push(...resultsByGoal(summary, theme, width));
  }

  section('FEEDBACK');
  out.push(...feedbackLines(summary, theme, width));

  section('COMPETENCIES');
  out.push(...competencyLines(summary, theme, width));

  if (summary.learning.length) {
    section('LEARNING');
    out.push(...learningLines(summary, theme, width));
  }
  const { completed } = summary.development;
  if (completed.length) {
    section('DEVELOPMENT COMPLETED');
    for (const item of completed) out.push(...developmentLines(item, theme, true, width));
  }

  section('WORK IN PROGRESS');
  out.push(...workInProgress(summary, theme, width));

  section('LOOKING AHEAD');
  out.push(...lookingAheadLines(summary, theme, width));

  section('ACTIVITY');
  const { stats } = summary;
  out.push(
    `  ${plural(stats.notes, 'note')} on ${plural(stats.activeDays, 'day')} · longest streak ${plural(stats.longestStreak, 'working day')}`,
    ...(activityByType(summary) ? [`  ${theme.dim('by type')} ${activityByType(summary)}`] : []),
    '',
    ...monthBars(Object.fromEntries(monthsShown(stats.perMonth)), theme, width),
  );
  return out.join('\n');
}

/** Whose summary, their role and manager, and the period it covers. */
function headingLines(summary: Summary, theme: Theme, width: number): string[] {
  const { person, period } = summary;
  const out = wrapParts([theme.bold('Accomplishments summary'), ...(person.name ? [theme.bold(person.name)] : [])], width, {
    indent: '  ',
  });
  const facts = [person.role ?? '', person.manager ? `manager ${person.manager}` : ''];
  if (facts.some(Boolean)) out.push(...wrapParts(facts, width, { indent: '  ' }));
  const asOf = summary.asOf < period.to ? ` · goals as of ${formatShortDay(summary.asOf)}` : '';
  out.push(theme.dim(`${formatShortDay(period.from)} – ${formatShortDay(period.to)}${asOf}`));
  return out;
}

/** The growth areas, then other development planned and the goals that start after the period. */
function lookingAheadLines(summary: Summary, theme: Theme, width: number): string[] {
  const out = growthLines(summary, theme, width);
  const other = otherOpenDevelopment(summary);
  if (other.length) out.push('', `  ${theme.bold('Development planned')}`);
  for (const item of other) out.push(...developmentLines(item, theme, false, width));
  const coming = summary.lookingAhead.goals.filter((g) => g.start > summary.period.to);
  if (coming.length) out.push('', `  ${theme.bold('Goals ahead')}`);
  for (const g of coming)
    out.push(`  · ${g.title} ${theme.dim(`from ${formatShortDay(g.start)}${g.due ? ` to ${formatShortDay(g.due)}` : ''}`)}`);
  return out;
}

/** The goals closed by the period's end in a table, then the notes behind each. */
function resultsByGoal(summary: Summary, theme: Theme, width: number): string[] {
  const out: string[] = [];
  const closed = summary.goals.filter((g) => !g.running);
  {
    const rows = closed.map((g) => [
      g.title,
      amountOrNone(g.target, g.unit),
      goalValue(g, g.valueAtEnd),
      goalChange(g, g.change),
      percentOrNone(g.percent),
      goalStanding(g, theme),
    ]);
    out.push(
      renderTable(
        [
          { header: 'Goal', flex: true },
          { header: 'Target', align: 'right' },
          { header: 'Achieved', align: 'right' },
          { header: 'Change', align: 'right' },
          { header: '%', align: 'right' },
          { header: 'Result' },
        ],
        rows,
        { theme, width },
      ),
      ...goalNotes(closed, summary, theme, width),
    );
  }
  return out;
}

/** The notes behind each goal, under its title and what it aligns to. */
function goalNotes(goals: readonly SummaryGoal[], summary: Summary, theme: Theme, width: number): string[] {
  const out: string[] = [];
  for (const goal of goals.filter((g) => g.notes.length > 0)) {
    const alignsTo = goal.alignsTo ? theme.dim(`→ ${typeof goal.alignsTo === 'string' ? goal.alignsTo : goal.alignsTo.title}`) : '';
    out.push('', ...wrapParts([theme.bold(goal.title), alignsTo], width, { first: '  ', indent: '    ', separator: ' ' }));
    for (const note of goal.notes) out.push(...renderReportNote(note, theme, width, '    '));
    out.push(...moreNotesLines(summary.cuts?.goals[goal.id], goal.notes.length, theme, width, '    '));
  }
  return out;
}

/** Open goals as they stand, and the accounts worked most. */
function workInProgress(summary: Summary, theme: Theme, width: number): string[] {
  const out: string[] = [];
  const { goals, accounts } = summary.inProgress;
  if (goals.length === 0) out.push(theme.dim('  No open goals.'));
  else {
    const periodGoals = new Map(summary.goals.map((g) => [g.id, g]));
    const rows = goals.map((g) => [
      g.title,
      goalValue(g, g.current),
      goalChange(g, periodGoals.get(g.id)?.change ?? 0),
      percentOrNone(g.percent),
      paceLabel(g.pace, theme),
      isProjectionShown(g.start, summary.asOf) ? estimateOrNone(g.projected, g.unit) : '—',
      g.due ? formatShortDay(g.due) : '—',
    ]);
    out.push(
      renderTable(
        [
          { header: 'Goal', flex: true },
          { header: 'Now', align: 'right' },
          { header: 'Change', align: 'right' },
          { header: '%', align: 'right' },
          { header: 'Pace' },
          { header: 'Projected', align: 'right' },
          { header: 'Due' },
        ],
        rows,
        { theme, width },
      ),
      ...goalNotes(
        summary.goals.filter((g) => g.running),
        summary,
        theme,
        width,
      ),
    );
  }
  out.push(...pipelineLines(summary, theme));
  if (accounts.length) {
    out.push('', `  ${theme.bold('Accounts worked most')}`);
    for (const a of accounts)
      out.push(`  ${a.account.padEnd(24)} ${plural(a.notes, 'note').padStart(9)}  ${theme.dim(`last ${formatShortDay(a.lastDate)}`)}`);
  }
  return out;
}

function developmentLines(item: DevelopmentItem, theme: Theme, done: boolean, width: number): string[] {
  const mark = done ? theme.good('✓') : item.overdue ? theme.bad('!') : '·';
  const when = done
    ? `done ${item.completedAt ? formatShortDay(item.completedAt) : ''}`
    : item.overdue
      ? theme.bad(`overdue, due ${formatShortDay(item.due ?? '')}`)
      : item.due
        ? `due ${formatShortDay(item.due)}`
        : 'no due date';
  const about = item.competency ? theme.dim(`(${item.competency})`) : '';
  // The outcome of a training is what it taught: shown as the Markdown shows it.
  const outcome = done && item.outcome ? `: ${item.outcome}` : '';
  return wrapParts([item.title, about, `${theme.dim('—')} ${when}${outcome}`], width, {
    first: `  ${mark} `,
    indent: '    ',
    separator: ' ',
  });
}

/** One line per month: the month, a bar scaled to the busiest month, the count. */
function monthBars(perMonth: Record<string, number>, theme: Theme, width: number): string[] {
  const entries = Object.entries(perMonth);
  const most = Math.max(1, ...entries.map(([, n]) => n));
  const room = Math.max(10, Math.min(50, width - 20));
  return entries.map(([month, n]) => {
    const bar = '█'.repeat(Math.round((n / most) * room)) || (n > 0 ? '▏' : '');
    return `  ${month}  ${theme.accent(bar.padEnd(room))}  ${formatNumber(n).padStart(4)}`;
  });
}
