import { daysBetween, type Day } from '../domain/calendar.js';
import type { Pace } from '../domain/goal-progress.js';
import { STALE_AFTER_DAYS, arrangeGoals, staleGoals, type GoalRef, type GoalRow, type GoalView } from '../domain/goals.js';
import type { GoalDetail } from '../services/goals.js';
import { EXPECTED_MARK, renderBar, sparkline } from './charts.js';
import { formatShortDay, plural, wrapText } from './format.js';
import { formatAmount, formatChange, formatEstimate, formatPercent } from './numbers.js';
import type { Theme } from './theme.js';

export interface GoalRenderOptions {
  theme: Theme;
  width: number;
  today: Day;
}

const BAR_WIDTH = 20;
const PROJECT_AFTER_DAYS = 7;
const PACE_LABELS: Record<Pace, string> = {
  achieved: 'achieved',
  ahead: 'ahead',
  'on-track': 'on track',
  behind: 'behind',
  overdue: 'overdue',
  'no-target': 'no target',
};

export function paceLabel(pace: Pace, theme: Theme): string {
  return theme.pace(pace)(PACE_LABELS[pace]);
}

/** `perf goals`: objectives with their goals beneath, then the rest, then who needs a check-in. */
export function renderGoalList(views: readonly GoalView[], options: GoalRenderOptions & { finished: number }): string {
  const { theme } = options;
  if (views.length === 0) {
    return theme.dim(
      options.finished > 0
        ? `No active goals. perf goals --all shows the ${plural(options.finished, 'finished one')}.`
        : "No goals yet. Add one with: perf goals add 'Close $500,000 new ARR in 2026' --target 500000 --unit USD",
    );
  }
  const { objectives, others } = arrangeGoals(views);
  const out: string[] = [];
  const section = (title: string, rows: GoalRow[]) => {
    if (rows.length === 0) return;
    if (objectives.length > 0) out.push(theme.heading(title), '');
    for (const row of rows) out.push(...renderRow(row, options), '');
  };
  section('Organisational objectives', objectives);
  section(objectives.length > 0 ? 'Other goals' : 'Goals', others);
  out.push(...renderFooter(views, options));
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

function renderRow(row: GoalRow, options: GoalRenderOptions): string[] {
  const { theme, width } = options;
  const pad = '  '.repeat(row.depth);
  if (row.kind === 'objective') {
    return [`${pad}${theme.bold(`◇ ${truncate(row.text, width - pad.length - 2)}`)}`];
  }
  const { goal } = row.view;
  const marker = goal.status === 'done' ? '✓' : goal.status === 'dropped' ? '✗' : goal.org ? '◆' : '•';
  const inner = `${pad}  `;
  const title = `${pad}${marker} ${theme.bold(truncate(goal.title, width - pad.length - 2))}`;
  const meta = [theme.id(`#${goal.id} ${goal.slug}`), ...duePhrase(row.view, options), ...projectionPhrase(row.view, options)];
  if (row.depth === 0 && goal.alignsToId !== null && typeof row.view.alignsTo === 'object' && row.view.alignsTo) {
    meta.push(theme.dim(`↑ ${row.view.alignsTo.slug}`));
  }
  return [title, `${inner}${measureLine(row.view, theme)}`, ...fitParts(meta, width - inner.length).map((line) => `${inner}${line}`)];
}

/** Bar, current / target, percent and pace; a goal without a target says so. */
function measureLine(view: GoalView, theme: Theme): string {
  const { goal, assessment: a } = view;
  const pace = paceLabel(a.pace, theme);
  if (goal.target === null || a.percent === null) {
    const value = view.history.length ? `${formatAmount(a.current, goal.unit)} · ` : '';
    return `${value}${goal.status === 'active' ? pace : theme.pace(a.pace)(goal.status)}${theme.dim(' (done or not)')}`;
  }
  const expected = expectedFraction(view);
  const bar = theme.pace(a.pace)(renderBar(a.percent / 100, BAR_WIDTH, a.pace === 'behind' ? expected : null));
  const amounts = `${theme.bold(formatAmount(a.current, goal.unit))} / ${formatAmount(goal.target, goal.unit)}`;
  return `${bar} ${amounts}  ${formatPercent(Math.max(0, a.percent))}  ${pace}`;
}

function expectedFraction(view: GoalView): number | null {
  const { goal, assessment: a } = view;
  if (a.expected === null || goal.target === null || goal.target === goal.baseline) return null;
  return (a.expected - goal.baseline) / (goal.target - goal.baseline);
}

/** "due in 35 days (31 Dec 2026)", "3 days late", "done 12 Nov 2026". */
function duePhrase(view: GoalView, { theme, today }: GoalRenderOptions): string[] {
  const { goal, assessment: a } = view;
  if (goal.status !== 'active') return [`${goal.status}${goal.closedOn ? ` ${formatShortDay(goal.closedOn)}` : ''}`];
  const parts: string[] = [];
  if (goal.start > today) parts.push(`starts in ${plural(daysBetween(today, goal.start), 'day')}`);
  if (goal.due === null || a.daysLeft === null) return [...parts, theme.dim('no due date')];
  const date = formatShortDay(goal.due);
  if (a.daysLeft > 1) parts.push(`due in ${a.daysLeft} days (${date})`);
  else if (a.daysLeft === 1) parts.push(`due tomorrow (${date})`);
  else if (a.daysLeft === 0) parts.push(`due today (${date})`);
  else if (a.pace === 'achieved') parts.push(`was due ${date}`);
  else parts.push(theme.bad(`${plural(-a.daysLeft, 'day')} late (${date})`));
  return parts;
}

/** Where the goal lands at its due date at the rate so far, while that is still ahead. */
function projectionPhrase(view: GoalView, { theme, today }: GoalRenderOptions, wording = { before: 'projected ', after: ' at due' }): string[] {
  const { goal, assessment: a } = view;
  if (goal.status !== 'active' || goal.target === null || a.daysLeft === null || a.daysLeft <= 0) return [];
  if (a.pace === 'achieved' || goal.start > today) return [];
  if (a.projected === null) return [theme.dim('no check-in yet to project from')];
  // A few days' results stretched over a year say little: $25,000 on day 1 "projects" $9 million.
  if (daysBetween(goal.start, today) < PROJECT_AFTER_DAYS) return [theme.dim('projection from the second week')];
  const makesIt = fractionOf(view, a.projected) >= 1;
  const text = `${wording.before}${formatEstimate(a.projected, goal.unit)}${wording.after}`;
  return [makesIt ? theme.good(text) : theme.warn(text)];
}

function fractionOf(view: GoalView, value: number): number {
  const { baseline, target } = view.goal;
  if (target === null) return 0;
  if (target === baseline) return value === target ? 1 : 0;
  return (value - baseline) / (target - baseline);
}

function renderFooter(views: readonly GoalView[], { theme, width, today }: GoalRenderOptions): string[] {
  const out: string[] = [];
  const active = views.filter((v) => v.goal.status === 'active');
  const counts = new Map<Pace, number>();
  for (const view of active) counts.set(view.assessment.pace, (counts.get(view.assessment.pace) ?? 0) + 1);
  const order: Pace[] = ['overdue', 'behind', 'on-track', 'ahead', 'achieved', 'no-target'];
  const tally = order.filter((p) => counts.has(p)).map((p) => theme.pace(p)(`${counts.get(p)} ${PACE_LABELS[p]}`));
  if (active.length > 0) out.push(`${plural(active.length, 'active goal')}: ${tally.join(', ')}`);
  if (views.some((v) => v.assessment.pace === 'behind' && expectedFraction(v) !== null)) {
    out.push(theme.dim(`${EXPECTED_MARK} on a bar marks where the calendar says the goal should be today.`));
  }
  const stale = staleGoals(views, today);
  if (stale.length > 0) {
    const names = stale.map(({ view, days, neverCheckedIn }) =>
      neverCheckedIn ? `${view.goal.slug} (none since it started ${days} days ago)` : `${view.goal.slug} (${days} days)`,
    );
    const text = `No check-in for ${STALE_AFTER_DAYS} days or more: ${names.join(', ')}.`;
    out.push(...wrapText(text, width).map((line) => theme.warn(line)), theme.dim('Check in with: perf goals update <goal> <value>'));
  }
  return out;
}

// ── one goal ───────────────────────────────────────────────────────────────────────────────────

/** `perf goals show`: the goal, what it serves, a bar per check-in, and the notes behind it. */
export function renderGoalDetail(detail: GoalDetail, options: GoalRenderOptions): string {
  const { theme, width } = options;
  const { view } = detail;
  const { goal, assessment: a } = view;
  const kind = goal.org ? 'organisational objective' : 'goal';
  const out = [
    theme.bold(goal.title),
    theme.dim(`#${goal.id} ${goal.slug} · ${kind} · ${goal.status}${goal.closedOn ? ` ${formatShortDay(goal.closedOn)}` : ''}`),
    '',
  ];

  const rows: [string, string][] = [];
  detail.chain.forEach((link, i) => rows.push([i === 0 ? 'Aligns to' : '', `${i === 0 ? '' : '↑ '}${describeLink(link, theme)}`]));
  rows.push(['Progress', measureLine(view, theme)]);
  if (goal.status === 'active' && a.expected !== null && goal.target !== null && a.pace !== 'achieved') {
    rows.push(['Expected', `${formatEstimate(a.expected, goal.unit)} by today, on a straight line from start to due`]);
  }
  rows.push(['Baseline', `${formatAmount(goal.baseline, goal.unit)} · ${goal.start <= options.today ? 'started' : 'starts'} ${formatShortDay(goal.start)}`]);
  if (goal.due === null) rows.push(['Due', theme.dim('no due date')]);
  else rows.push(['Due', goal.status === 'active' ? duePhrase(view, options).join(' · ') : formatShortDay(goal.due)]);
  const projection = projectionPhrase(view, options, { before: '', after: ' at the due date, at the rate so far' });
  if (projection.length) rows.push(['Projected', projection.join(' ')]);
  const trend = trendValues(detail);
  if (trend.length >= 2) rows.push(['Trend', theme.pace(a.pace)(sparkline(trend))]);
  const label = Math.max(...rows.map(([k]) => k.length));
  out.push(...rows.map(([k, v]) => `  ${theme.dim(k.padEnd(label))}  ${v}`));

  if (detail.aligned.length) {
    out.push('', theme.heading('Aligned to this goal'));
    for (const child of detail.aligned) {
      const pct = child.assessment.percent === null ? '' : `${formatPercent(Math.max(0, child.assessment.percent))}  `;
      out.push(`  ${theme.id(`#${child.goal.id} ${child.goal.slug}`)}  ${pct}${paceLabel(child.assessment.pace, theme)}`);
    }
  }

  out.push('', theme.heading('Check-ins'));
  if (detail.checkins.length === 0) {
    out.push(theme.dim(`  None yet. Record one with: perf goals update ${goal.slug} <value>  (or +15, -5)`));
  } else {
    out.push(...renderCheckins(detail, options));
  }

  const linked = detail.notes.filter((note) => note.progress === null);
  if (linked.length) {
    out.push('', theme.heading('Other notes about this goal'));
    for (const note of linked) {
      const lines = wrapText(note.text, width - 20);
      out.push(`  ${formatShortDay(note.date).padEnd(11)}  ${theme.id(`#${note.id}`.padEnd(4))}  ${lines[0] ?? ''}`);
      for (const line of lines.slice(1)) out.push(`${' '.repeat(19)}${line}`);
    }
  }
  return out.join('\n');
}

function describeLink(link: GoalRef | string, theme: Theme): string {
  return typeof link === 'string' ? `${link} ${theme.dim('(objective outside the journal)')}` : `${link.title} ${theme.id(`#${link.id} ${link.slug}`)}`;
}

/** Progress toward the target after each check-in, or the value itself for a goal without one. */
function trendValues(detail: GoalDetail): number[] {
  const { goal } = detail.view;
  return detail.checkins.map((c) => (goal.target === null ? c.value : fractionOf(detail.view, c.value)));
}

function renderCheckins(detail: GoalDetail, { theme, width }: GoalRenderOptions): string[] {
  const { goal } = detail.view;
  const rows = detail.checkins.map((c) => ({
    date: formatShortDay(c.date),
    change: c.kind === 'add' ? formatChange(c.amount, goal.unit) : 'set',
    value: formatAmount(c.value, goal.unit),
    checkin: c,
  }));
  const dateWidth = Math.max(...rows.map((r) => r.date.length));
  const changeWidth = Math.max(...rows.map((r) => r.change.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  const high = Math.max(...detail.checkins.map((c) => Math.abs(c.value)), 1);
  const out: string[] = [];
  for (const { date, change, value, checkin } of rows) {
    const fraction = goal.target === null ? Math.abs(checkin.value) / high : fractionOf(detail.view, checkin.value);
    const percent = goal.target === null ? '' : `  ${formatPercent(Math.max(0, Math.round(fraction * 1000) / 10)).padStart(6)}`;
    out.push(`  ${date.padEnd(dateWidth)}  ${change.padStart(changeWidth)}  ${value.padStart(valueWidth)}  ${renderBar(fraction, 16)}${percent}`);
    const text = checkin.noteId !== null ? `${checkin.noteText ?? ''} ${theme.id(`(note #${checkin.noteId})`)}` : checkin.note;
    if (text) {
      const indent = ' '.repeat(dateWidth + 4);
      out.push(...wrapText(text, Math.max(20, width - indent.length)).map((line) => `${indent}${theme.dim(line)}`));
    }
  }
  return out;
}

// ── confirmations ──────────────────────────────────────────────────────────────────────────────

/** One line after add or edit: what was recorded, with the dates it runs between. */
export function renderGoalSaved(verb: 'Added' | 'Updated', view: GoalView, theme: Theme): string {
  const { goal } = view;
  const parts = [`${theme.good(verb)} ${goal.org ? 'objective' : 'goal'} ${theme.id(`#${goal.id}`)} ${theme.bold(goal.slug)}`];
  if (goal.target !== null) parts.push(`${formatAmount(goal.baseline, goal.unit)} → ${formatAmount(goal.target, goal.unit)}`);
  else parts.push('no numeric target (done or not)');
  parts.push(`${formatShortDay(goal.start)} – ${goal.due === null ? 'no due date' : formatShortDay(goal.due)}`);
  if (view.alignsTo !== null) parts.push(`↑ ${typeof view.alignsTo === 'string' ? view.alignsTo : view.alignsTo.slug}`);
  return parts.join(' · ');
}

/** After a check-in: the move, where the goal stands now and its pace. */
export function renderCheckinSaved(before: GoalView, after: GoalView, theme: Theme): string {
  const { goal, assessment: a } = after;
  const from = formatAmount(before.assessment.current, goal.unit);
  const to = theme.bold(formatAmount(a.current, goal.unit));
  const of = goal.target === null ? '' : ` of ${formatAmount(goal.target, goal.unit)}`;
  const percent = a.percent === null ? '' : ` (${formatPercent(Math.max(0, a.percent))})`;
  return `${theme.good('Checked in')} ${theme.bold(goal.slug)}: ${from} → ${to}${of}${percent} · ${standing(after, theme)}`;
}

/** The pace of an active goal; a done goal that still takes progress says that it is done. */
function standing(view: GoalView, theme: Theme): string {
  const { goal } = view;
  if (goal.status === 'active') return paceLabel(view.assessment.pace, theme);
  return theme.dim(`goal already ${goal.status}${goal.closedOn ? ` (${formatShortDay(goal.closedOn)})` : ''}`);
}

/** After `perf log --progress`: where the goal stands now. */
export function renderGoalStanding(view: GoalView, theme: Theme): string {
  const { goal, assessment: a } = view;
  const of = goal.target === null ? '' : ` of ${formatAmount(goal.target, goal.unit)}`;
  const percent = a.percent === null ? '' : ` (${formatPercent(Math.max(0, a.percent))})`;
  return `  ${theme.bold(goal.slug)} now ${theme.bold(formatAmount(a.current, goal.unit))}${of}${percent} · ${standing(view, theme)}`;
}

export function renderStatusChanged(view: GoalView, theme: Theme): string {
  const { goal, assessment: a } = view;
  const where = goal.target === null ? '' : ` at ${formatAmount(a.current, goal.unit)} of ${formatAmount(goal.target, goal.unit)}`;
  if (goal.status === 'done') return `${theme.good('Done')}: ${goal.title}${where}.`;
  if (goal.status === 'dropped') return `${theme.warn('Dropped')}: ${goal.title}${where}.`;
  return `${theme.good('Reopened')}: ${goal.title}${where} · ${paceLabel(a.pace, theme)}`;
}

// ── layout helpers ─────────────────────────────────────────────────────────────────────────────

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function visibleLength(text: string): number {
  return text.replace(ANSI, '').length;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** Parts joined with " · ", starting a new line where the next part would pass `width`. */
function fitParts(parts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line && visibleLength(line) + 3 + visibleLength(part) > width) {
      lines.push(line);
      line = part;
    } else {
      line = line ? `${line} · ${part}` : part;
    }
  }
  if (line) lines.push(line);
  return lines;
}
