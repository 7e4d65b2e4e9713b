import { RELATIONSHIPS } from '../domain/feedback.js';
import type { DevelopmentItem, Summary } from '../domain/summary.js';
import { formatShortDay, plural, wrapText } from '../terminal/format.js';
import { isProjectionShown } from '../domain/goals.js';
import { paceLabel } from '../terminal/labels.js';
import { renderTable } from '../terminal/table.js';
import { wrapParts } from '../terminal/wrap.js';
import type { Theme } from '../terminal/theme.js';
import type { RenderOptions } from './renderer.js';
import { attributionLines, renderReportNote } from './text-blocks.js';
import { formatNumber } from '../terminal/numbers.js';
import {
  amountOrNone,
  changeOrNone,
  estimateOrNone,
  formatRatingSpan,
  goalChange,
  goalStanding,
  goalValue,
  percentOrNone,
  relationshipLabel,
} from './report-format.js';

/** The summary for the terminal: sections in capitals, tables, and a bar per month. */
export function renderSummaryText(summary: Summary, { theme, width }: RenderOptions): string {
  const out: string[] = [];
  const section = (title: string) => out.push('', theme.heading(title));
  const { person, period } = summary;

  out.push(
    ...wrapParts([theme.bold('Accomplishments summary'), ...(person.name ? [theme.bold(person.name)] : [])], width, { indent: '  ' }),
  );
  const facts = [person.role ?? '', person.manager ? `manager ${person.manager}` : ''];
  if (facts.some(Boolean)) out.push(...wrapParts(facts, width, { indent: '  ' }));
  out.push(
    theme.dim(
      `${formatShortDay(period.from)} – ${formatShortDay(period.to)}${summary.asOf < period.to ? ` · goals as of ${formatShortDay(summary.asOf)}` : ''}`,
    ),
  );

  section('HIGHLIGHTS');
  if (summary.highlights.length === 0)
    out.push(theme.dim('  No starred notes or wins in this period. Star one with: perf notes edit <id> --star'));
  for (const note of summary.highlights) out.push(...renderReportNote(note, theme, width));

  section('RESULTS BY GOAL');
  out.push(...resultsByGoal(summary, theme, width));

  section('WORK IN PROGRESS');
  out.push(...workInProgress(summary, theme, width));

  section('COMPETENCIES');
  out.push(...competencyLines(summary, theme, width));

  section('DEVELOPMENT');
  const { completed, open } = summary.development;
  if (completed.length === 0 && open.length === 0) out.push(theme.dim('  No development activities.'));
  for (const item of completed) out.push(...developmentLines(item, theme, true, width));
  for (const item of open) out.push(...developmentLines(item, theme, false, width));

  section('FEEDBACK');
  out.push(...feedbackLines(summary, theme, width));

  section('ACTIVITY');
  const { stats } = summary;
  out.push(
    `  ${plural(stats.notes, 'note')} on ${plural(stats.activeDays, 'day')} · longest streak ${plural(stats.longestStreak, 'working day')}`,
    '',
    ...monthBars(stats.perMonth, theme, width),
  );
  return out.join('\n');
}

/** The period's goals in a table, then the notes behind each. */
function resultsByGoal(summary: Summary, theme: Theme, width: number): string[] {
  const out: string[] = [];
  if (summary.goals.length === 0) out.push(theme.dim('  No goals were active in this period.'));
  else {
    const rows = summary.goals.map((g) => [
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
          { header: 'Pace' },
        ],
        rows,
        { theme, width },
      ),
    );
    for (const goal of summary.goals.filter((g) => g.notes.length > 0)) {
      const alignsTo = goal.alignsTo ? theme.dim(`→ ${typeof goal.alignsTo === 'string' ? goal.alignsTo : goal.alignsTo.title}`) : '';
      out.push('', ...wrapParts([theme.bold(goal.title), alignsTo], width, { first: '  ', indent: '    ', separator: ' ' }));
      for (const note of goal.notes) out.push(...renderReportNote(note, theme, width, '    '));
    }
  }
  return out;
}

/** Open goals as they stand, and the accounts worked most. */
function workInProgress(summary: Summary, theme: Theme, width: number): string[] {
  const out: string[] = [];
  const { goals, accounts } = summary.inProgress;
  if (goals.length === 0) out.push(theme.dim('  No open goals.'));
  else {
    const rows = goals.map((g) => [
      g.title,
      goalValue(g, g.current),
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
          { header: '%', align: 'right' },
          { header: 'Pace' },
          { header: 'Projected', align: 'right' },
          { header: 'Due' },
        ],
        rows,
        { theme, width },
      ),
    );
  }
  if (accounts.length) {
    out.push('', `  ${theme.bold('Accounts worked most')}`);
    for (const a of accounts)
      out.push(`  ${a.account.padEnd(24)} ${plural(a.notes, 'note').padStart(9)}  ${theme.dim(`last ${formatShortDay(a.lastDate)}`)}`);
  }
  return out;
}

/** Each rated competency, by self and others, at the start and end of the period. */
function competencyLines(summary: Summary, theme: Theme, width: number): string[] {
  const out: string[] = [];
  const rated = summary.competencies.filter((c) => c.self.end !== null || c.others.end !== null);
  if (rated.length === 0) out.push(theme.dim('  No ratings yet. Rate yourself with: perf rate'));
  else {
    out.push(
      renderTable(
        [
          { header: 'Competency', flex: true },
          { header: 'Self', align: 'right' },
          { header: '±', align: 'right' },
          { header: 'Others', align: 'right' },
          { header: '±', align: 'right' },
          { header: 'Target', align: 'right' },
          { header: 'Focus' },
        ],
        rated.map((c) => [
          c.name,
          formatRatingSpan(c.self.start, c.self.end),
          changeOrNone(c.self.change, null),
          formatRatingSpan(c.others.start, c.others.end),
          changeOrNone(c.others.change, null),
          String(c.target),
          c.improvementTarget ? theme.warn('improve') : '',
        ]),
        { theme, width },
      ),
    );
    out.push(theme.dim(`  Ratings on a scale of 1 to ${summary.scaleMax}, at the start and end of the period.`));
  }
  return out;
}

/** Feedback counted by relationship, then quoted. */
function feedbackLines(summary: Summary, theme: Theme, width: number): string[] {
  const out: string[] = [];
  const { byRelationship, items } = summary.feedback;
  if (items.length === 0) out.push(theme.dim('  No feedback recorded in this period.'));
  else {
    const counts = RELATIONSHIPS.filter((r) => byRelationship[r] > 0).map((r) => `${relationshipLabel(r)} ${byRelationship[r]}`);
    out.push(`  ${counts.join(' · ')}`);
    for (const f of items) {
      out.push('');
      for (const line of wrapText(`“${f.text}”`, width - 6)) out.push(`    ${line}`);
      out.push(...attributionLines(f, width, '      ').map((line) => theme.dim(line)));
    }
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
  return wrapParts([item.title, about, `${theme.dim('—')} ${when}`], width, { first: `  ${mark} `, indent: '    ', separator: ' ' });
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
