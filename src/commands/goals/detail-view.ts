/** `perf goals show`: one goal in full. The pieces it shares with the list are in view.ts. */
import { describeRule } from '../../domain/goal-rules.js';
import type { GoalDetail, GoalRef } from '../../domain/goals.js';
import { renderBar, sparkline } from '../../terminal/charts.js';
import { formatShortDay, wrapText } from '../../terminal/format.js';
import { formatAmount, formatChange, formatEstimate, formatPercent } from '../../terminal/numbers.js';
import { paceLabel } from '../../terminal/labels.js';
import type { Theme } from '../../terminal/theme.js';
import {
  alignedLines,
  closedPhrase,
  duePhrase,
  fitParts,
  fractionOf,
  measureLines,
  projectionPhrase,
  showsMeasure,
  statusWord,
  type GoalRenderOptions,
} from './view.js';

const LABEL_WIDTH = 'Projected'.length;

/**
 * `perf goals show`: the goal, what it serves, a bar per update, and the notes behind it. An
 * objective leads with the goals aligned to it and shows a baseline only when it has a target.
 */
export function renderGoalDetail(detail: GoalDetail, options: GoalRenderOptions): string {
  const { theme, width } = options;
  const { goal } = detail.view;
  const kind = goal.org ? 'organisational objective' : 'goal';
  const status = goal.status === 'active' ? 'active' : `${goal.status}${goal.closedOn ? ` ${formatShortDay(goal.closedOn)}` : ''}`;
  const out = [
    ...wrapText(goal.title, width).map((line) => theme.bold(line)),
    ...fitParts([`#${goal.id} ${goal.slug}`, kind, status], width).map((line) => theme.dim(line)),
    '',
  ];
  // Values sit right of a label column: "  Label      value".
  for (const [label, lines] of detailRows(detail, options, width - LABEL_WIDTH - 4)) {
    for (const [i, line] of lines.entries()) out.push(`  ${theme.dim((i === 0 ? label : '').padEnd(LABEL_WIDTH))}  ${line}`);
  }
  out.push(...renderAlignedGoals(detail, options), ...renderCheckinsSection(detail, options), ...renderOtherNotes(detail, options));
  return out.join('\n');
}

/** The labelled rows under the title: alignment, measure, rule, dates, projection and trend, each wrapped to `room`. */
function detailRows(detail: GoalDetail, options: GoalRenderOptions, room: number): [string, string[]][] {
  const { theme, today } = options;
  const { view } = detail;
  const { goal, assessment: a } = view;
  const rows: [string, string[]][] = [];
  for (const [i, link] of detail.chain.entries()) rows.push([i === 0 ? 'Aligns to' : '', describeLink(link, i > 0, theme, room)]);
  if (goal.org) rows.push(['Goals', alignedLines(detail.aligned, theme, room)]);
  if (showsMeasure(view)) rows.push(['Progress', measureLines(view, theme, room)]);
  if (goal.rule !== null)
    rows.push([
      'Counts',
      wrapText(
        `${describeRule(goal.rule)}, from ${formatShortDay(goal.start)} to ${goal.due === null ? 'today' : formatShortDay(goal.due)}`,
        room,
      ),
    ]);
  if (goal.every !== null) rows.push(['Rolls over', wrapText(`every ${goal.every} (perf goals roll)`, room)]);
  if (goal.status !== 'active') rows.push(['Closed', fitParts([closedPhrase(view, theme)], room)]);
  if (goal.status === 'active' && a.expected !== null && goal.target !== null && a.pace !== 'achieved') {
    rows.push(['Expected', wrapText(`${formatEstimate(a.expected, goal.unit)} by today, on a straight line from start to due`, room)]);
  }
  const started = `${goal.start <= today ? 'started' : 'starts'} ${formatShortDay(goal.start)}`;
  if (goal.target !== null) rows.push(['Baseline', fitParts([formatAmount(goal.baseline, goal.unit), started], room)]);
  else if (!goal.org) rows.push(['Started', [goal.start <= today ? formatShortDay(goal.start) : `starts ${formatShortDay(goal.start)}`]]);
  if (goal.due !== null) {
    rows.push(['Due', goal.status === 'active' ? fitParts(duePhrase(view, options), room) : [formatShortDay(goal.due)]]);
  } else if (goal.target !== null) {
    rows.push(['Due', [theme.dim('no due date')]]);
  }
  const projection = projectionPhrase(view, options, { before: '', after: ' at the due date, at the rate so far' });
  if (projection.length) rows.push(['Projected', fitParts(projection, room)]);
  // The latest updates, as many as the line holds.
  const trend = trendValues(detail).slice(-room);
  if (trend.length >= 2) rows.push(['Trend', [theme.pace(a.pace)(sparkline(trend))]]);
  return rows;
}

/** The goals aligned to this one, with their percent and pace. */
function renderAlignedGoals(detail: GoalDetail, options: GoalRenderOptions): string[] {
  const { theme, width } = options;
  const { goal } = detail.view;
  const out: string[] = [];
  if (detail.aligned.length) {
    out.push('', theme.heading(goal.org ? 'Goals aligned to this objective' : 'Goals aligned to this one'));
    for (const child of detail.aligned) {
      const { goal: g, assessment: ca } = child;
      const parts = [theme.id(`#${g.id} ${g.slug}`)];
      if (ca.percent !== null) parts.push(formatPercent(Math.max(0, ca.percent)));
      parts.push(g.status === 'active' ? paceLabel(ca.pace, theme) : statusWord(child, theme));
      out.push(...fitParts(parts, width - 2, '  ').map((line) => `  ${line}`));
    }
  }
  return out;
}

/** The goal's updates, or how to record the first. */
function renderCheckinsSection(detail: GoalDetail, options: GoalRenderOptions): string[] {
  const { theme, width } = options;
  const { goal } = detail.view;
  const out: string[] = [];
  // An objective without a target is met through its goals: updates only if someone made some.
  if (!goal.org || goal.target !== null || detail.updates.length > 0) {
    out.push('', theme.heading('Check-ins'));
    if (detail.updates.length === 0 && goal.status !== 'active') {
      out.push(theme.dim('  None.'));
    } else if (detail.updates.length === 0) {
      const change = goal.target === null ? '' : '  (or +15, -5)';
      out.push(
        ...wrapText(`None yet. Record one with: perf goals update ${goal.slug} <value>${change}`, width - 2).map((line) =>
          theme.dim(`  ${line}`),
        ),
      );
    } else {
      out.push(...renderUpdates(detail, options));
    }
  }
  return out;
}

/** Notes linked to the goal that moved no progress: the evidence about it. */
function renderOtherNotes(detail: GoalDetail, options: GoalRenderOptions): string[] {
  const { theme, width } = options;
  const { goal } = detail.view;
  const out: string[] = [];
  // Notes that moved this goal are listed with its updates; the others are evidence about it.
  const linked = detail.notes.filter((note) => (note.goals.find((g) => g.goalId === goal.id)?.progress ?? null) === null);
  if (linked.length) {
    out.push('', theme.heading(goal.org ? 'Notes about this objective' : 'Other notes about this goal'));
    const idWidth = Math.max(...linked.map((note) => `#${note.id}`.length));
    const indent = 2 + 11 + 2 + idWidth + 2;
    for (const note of linked) {
      const lines = wrapText(note.text, Math.max(20, width - indent));
      out.push(`  ${formatShortDay(note.date).padEnd(11)}  ${theme.id(`#${note.id}`.padEnd(idWidth))}  ${lines[0] ?? ''}`);
      for (const line of lines.slice(1)) out.push(`${' '.repeat(indent)}${line}`);
    }
  }
  return out;
}

/** A goal above this one, "Title #2 slug", or a free-text objective; wrapped to `width`. */
function describeLink(link: GoalRef | string, up: boolean, theme: Theme, width: number): string[] {
  const arrow = up ? '↑ ' : '';
  if (typeof link === 'string') return fitParts([`${arrow}${link}`, theme.dim('(objective outside the journal)')], width, ' ');
  return fitParts([`${arrow}${link.title}`, theme.id(`#${link.id} ${link.slug}`)], width, ' ');
}

/** Progress toward the target after each update, or the value itself for a goal without one. */
function trendValues(detail: GoalDetail): number[] {
  const { goal } = detail.view;
  return detail.updates.map((c) => (goal.target === null ? c.value : fractionOf(detail.view, c.value)));
}

function renderUpdates(detail: GoalDetail, { theme, width }: GoalRenderOptions): string[] {
  const { goal } = detail.view;
  const percentWidth = goal.target === null ? 0 : 8;
  const layout = (changeUnit: string | null) => {
    const rows = detail.updates.map((c) => ({
      date: formatShortDay(c.date),
      change: c.kind === 'add' ? formatChange(c.amount, changeUnit) : 'set',
      value: formatAmount(c.value, goal.unit),
      update: c,
    }));
    const widths = [rows.map((r) => r.date.length), rows.map((r) => r.change.length), rows.map((r) => r.value.length)].map((w) =>
      Math.max(...w),
    );
    return { rows, widths, used: 2 + (widths[0] ?? 0) + 2 + (widths[1] ?? 0) + 2 + (widths[2] ?? 0) + percentWidth };
  };
  // A long unit ("qualified opportunities") is said once, in the value column, when twice is too wide.
  let { rows, widths, used } = layout(goal.unit);
  if (used > width) ({ rows, widths, used } = layout(null));
  const [dateWidth = 0, changeWidth = 0, valueWidth = 0] = widths;
  // The bar takes what the columns leave, up to 16 cells; with long units it goes.
  const barWidth = Math.min(16, width - used - 2);
  const high = Math.max(...detail.updates.map((c) => Math.abs(c.value)), 1);
  const out: string[] = [];
  for (const { date, change, value, update } of rows) {
    const fraction = goal.target === null ? Math.abs(update.value) / high : fractionOf(detail.view, update.value);
    const percent = goal.target === null ? '' : `  ${formatPercent(Math.max(0, Math.round(fraction * 1000) / 10)).padStart(6)}`;
    const bar = barWidth >= 6 ? `  ${renderBar(fraction, barWidth)}` : '';
    out.push(`  ${date.padEnd(dateWidth)}  ${change.padStart(changeWidth)}  ${value.padStart(valueWidth)}${bar}${percent}`);
    // Plain text, wrapped and then dimmed line by line (the id is dim like the rest).
    const text = update.noteId !== null ? `${update.noteText ?? ''} (note #${update.noteId})` : update.note;
    if (text) {
      const indent = ' '.repeat(dateWidth + 4);
      out.push(...wrapText(text, Math.max(20, width - indent.length)).map((line) => `${indent}${theme.dim(line)}`));
    }
  }
  return out;
}
