/**
 * Pieces the summary and the one-to-one agenda both show in HTML: a note, a quote, a development
 * activity, and the goal-progress chart with its table. Journal text is escaped here, once.
 */
import type { GoalStatus, Pace } from '../../domain/goal-progress.js';
import type { DevelopmentItem, FeedbackItem, ListCut, NoteJson } from '../../domain/summary.js';
import { formatShortDay } from '../../terminal/format.js';
import { PLAIN_THEME } from '../../terminal/theme.js';
import {
  ALL_NOTES_HINT,
  amountOrNone,
  goalChange,
  goalStanding,
  goalValue,
  moreNotes,
  percentOrNone,
  relationshipLabel,
} from '../report-format.js';
import { escapeHtml, escapeLines } from './escape.js';
import { figure, type Html, table } from './page.js';
import { type ProgressRow, progressChart } from './svg-charts.js';

export function noteItem(note: NoteJson): Html {
  const meta = [formatShortDay(note.date)];
  if (note.type !== 'note') meta.push(note.type);
  if (note.account) meta.push(note.account);
  if (note.starred) meta.push('★');
  return `<strong>${escapeHtml(meta.join(' · '))}</strong> — ${escapeLines(note.text)}`;
}

/** Under a list cut to its most telling notes: how many more, and the command that lists them; '' when all are shown. */
export function moreNotesHtml(cut: ListCut | undefined, shown: number): Html {
  const more = moreNotes(cut, shown);
  if (more === null) return '';
  const how = more.command === null ? ` (${escapeHtml(ALL_NOTES_HINT)})` : `: <code>${escapeHtml(more.command)}</code>`;
  return `<p class="note">${escapeHtml(more.more)}${how}</p>`;
}

export function feedbackQuote(item: FeedbackItem): Html {
  const about = item.competency ? `, on ${item.competency}` : '';
  const by = `— ${item.from}, ${relationshipLabel(item.relationship)}, ${formatShortDay(item.date)}${about}`;
  return `<blockquote><p>${escapeLines(item.text)}</p><footer>${escapeHtml(by)}</footer></blockquote>`;
}

export function developmentItem(item: DevelopmentItem, done: boolean): Html {
  const when = done
    ? item.completedAt
      ? formatShortDay(item.completedAt)
      : 'done'
    : item.overdue
      ? `Overdue (due ${formatShortDay(item.due ?? '')})`
      : item.due
        ? `Due ${formatShortDay(item.due)}`
        : 'No due date';
  const extras = [
    item.competency,
    item.assignedBy ? `assigned by ${item.assignedBy}` : null,
    done ? null : item.status.replace('-', ' '),
  ].filter((x): x is string => Boolean(x));
  const outcome = done && item.outcome ? `: ${escapeLines(item.outcome)}` : '';
  return `<strong>${escapeHtml(when)}</strong> — ${escapeHtml(item.title)}${extras.length ? ` (${escapeHtml(extras.join(', '))})` : ''}${outcome}`;
}

/** What the progress chart needs of a goal (the goal JSON has it all). */
export interface ChartGoal {
  title: string;
  unit: string | null;
  baseline: number;
  target: number | null;
  expected: number | null;
  percent: number | null;
  pace: Pace;
  status: GoalStatus;
  lastCheckin: unknown;
}

/** The pace line's value as a percent of the way from baseline to target; null without a line. */
export function expectedPercent(goal: Pick<ChartGoal, 'baseline' | 'target' | 'expected'>): number | null {
  const { baseline, target, expected } = goal;
  if (target === null || expected === null || target === baseline) return null;
  return Math.round(((expected - baseline) / (target - baseline)) * 1000) / 10;
}

function tone(goal: ChartGoal): string {
  if (goal.status === 'done') return 'achieved';
  if (goal.status === 'dropped') return 'dropped';
  return goal.pace;
}

/** The progress chart's rows: a bar per goal, and the pace marker of each open one. */
export function progressRows(goals: readonly ChartGoal[]): ProgressRow[] {
  return goals.map((g) => ({
    label: g.title,
    percent: g.percent,
    expectedPercent: g.status === 'active' ? expectedPercent(g) : null,
    tone: tone(g),
    caption: `${percentOrNone(g.percent)} · ${goalStanding(g, PLAIN_THEME)}`,
  }));
}

/** Each goal's bar with its pace marker, and the table of the same numbers (with each goal's change over the report's days). */
export function goalProgressFigure(
  id: string,
  title: string,
  goals: readonly (ChartGoal & { value: number; change: number })[],
  valueHeading: string,
): Html {
  const rows = progressRows(goals);
  const numbers = table(
    null,
    ['Goal', 'Target', valueHeading, 'Change', '% of target', 'Pace line', 'Pace'],
    goals.map((g, i) => {
      const line = rows[i]?.expectedPercent ?? null;
      return [
        g.title,
        amountOrNone(g.target, g.unit),
        goalValue(g, g.value),
        goalChange(g, g.change),
        percentOrNone(g.percent),
        line === null ? '—' : `${line}%`,
        goalStanding(g, PLAIN_THEME),
      ];
    }),
    ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
  return figure(
    progressChart(id, title, rows),
    rows.some((row) => row.expectedPercent !== null)
      ? 'Bars show the share of the way from baseline to target; the vertical line is where an open goal should be by now.'
      : 'Bars show the share of the way from baseline to target.',
    numbers,
  );
}
