/** The `perf goals` list and the goal commands' confirmations; the detail view (detail-view.ts) shares the phrases exported here. */
import { describeRule } from '../../domain/goal-rules.js';
import { daysBetween, type Day } from '../../domain/calendar.js';
import { arrangeGoals, tallyGoals, type GoalRow } from '../../domain/goal-list.js';
import { STALE_AFTER_DAYS, isProjectionShown, staleGoals, type GoalView } from '../../domain/goals.js';
import { EXPECTED_MARK, renderBar } from '../../terminal/charts.js';
import { formatShortDay, plural, truncate, visibleLength, wrapText } from '../../terminal/format.js';
import { formatAmount, formatEstimate, formatPercent } from '../../terminal/numbers.js';
import { PACE_LABELS, paceLabel } from '../../terminal/labels.js';
import type { Theme } from '../../terminal/theme.js';

export interface GoalRenderOptions {
  theme: Theme;
  width: number;
  today: Day;
}

const BAR_WIDTH = 20;
const MIN_BAR_WIDTH = 8;
// Deeper alignment still nests, but stops pushing the text right past this many levels, and past
// the point where "#id slug" (a 60-character slug at most) would no longer fit on the line.
const MAX_INDENT_DEPTH = 6;
const WIDEST_REF = 66;
/** `perf goals`: objectives with their goals beneath, then the rest, then which goals need an update. */
export function renderGoalList(views: readonly GoalView[], options: GoalRenderOptions & { finished: number }): string {
  const { theme } = options;
  if (views.length === 0) {
    return options.finished > 0
      ? theme.dim(`No active goals. perf goals --all shows the ${plural(options.finished, 'finished one')}.`)
      : [theme.dim('No goals yet. Add one with:'), "  perf goals add 'Close $500,000 new ARR in 2026' --target 500000 --unit USD"].join(
          '\n',
        );
  }
  const { objectives, others } = arrangeGoals(views);
  const out: string[] = [];
  const section = (title: string, rows: GoalRow[]) => {
    if (rows.length === 0) return;
    if (objectives.length > 0) out.push(theme.heading(title), '');
    for (const row of rows) out.push(...renderRow(row, views, options), '');
  };
  section('Organisational objectives', objectives);
  section(objectives.length > 0 ? 'Other goals' : 'Goals', others);
  out.push(...renderFooter(views, objectives.filter((row) => row.kind === 'objective').length, options));
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

function renderRow(row: GoalRow, views: readonly GoalView[], options: GoalRenderOptions): string[] {
  const { theme, width } = options;
  const pad = '  '.repeat(Math.max(0, Math.min(row.depth, MAX_INDENT_DEPTH, Math.floor((width - 2 - WIDEST_REF) / 2))));
  if (row.kind === 'objective') {
    return [`${pad}${theme.bold(`◇ ${truncate(row.text, width - pad.length - 2)}`)}`];
  }
  const { view } = row;
  const { goal } = view;
  const marker = goal.status === 'done' ? '✓' : goal.status === 'dropped' ? '✗' : goal.org ? '◆' : '•';
  const inner = `${pad}  `;
  const room = width - inner.length;
  const lines = [`${pad}${marker} ${theme.bold(truncate(goal.title, width - pad.length - 2))}`];
  if (showsMeasure(view)) lines.push(...measureLines(view, theme, room).map((line) => `${inner}${line}`));
  if (goal.org) {
    const aligned = views.filter((v) => v.goal.alignsToId === goal.id && v.goal.id !== goal.id);
    lines.push(...alignedLines(aligned, theme, room).map((line) => `${inner}${line}`));
  }
  const meta = [theme.id(`#${goal.id} ${goal.slug}`), ...statusPhrase(view, options), ...projectionPhrase(view, options)];
  if (goal.rule !== null) meta.push(theme.dim(`counts ${describeRule(goal.rule)}`));
  if (row.depth === 0 && goal.alignsToId !== null && typeof view.alignsTo === 'object' && view.alignsTo) {
    meta.push(theme.dim(`↑ ${view.alignsTo.slug}`));
  }
  lines.push(...fitParts(meta, room).map((line) => `${inner}${line}`));
  return lines;
}

/**
 * Whether a goal has a progress line: an objective only with a target, and a finished goal without
 * a target only when it has a value (its status is said elsewhere).
 */
export function showsMeasure(view: GoalView): boolean {
  const { goal } = view;
  if (goal.target !== null) return true;
  if (goal.org) return false;
  return goal.status === 'active' || view.history.length > 0;
}

/**
 * Bar, current / target, percent, and the pace of an active goal or the status of a finished one;
 * a goal without a target says so. Fits `width`: the bar narrows, then the parts wrap.
 */
export function measureLines(view: GoalView, theme: Theme, width: number): string[] {
  const { goal, assessment: a } = view;
  const standing = goal.status === 'active' ? paceLabel(a.pace, theme) : statusWord(view, theme);
  if (goal.target === null || a.percent === null) {
    const value = view.history.length ? formatAmount(a.current, goal.unit) : null;
    const what = goal.status === 'active' ? `${standing}${theme.dim(' (done or not)')}` : standing;
    return fitParts(value === null ? [what] : [value, what], width);
  }
  const amounts = `${theme.bold(formatAmount(a.current, goal.unit))} / ${formatAmount(goal.target, goal.unit)}`;
  const rest = `${amounts}  ${formatPercent(Math.max(0, a.percent))}  ${standing}`;
  const barWidth = Math.min(BAR_WIDTH, width - visibleLength(rest) - 1);
  if (barWidth < MIN_BAR_WIDTH) return fitParts([amounts, formatPercent(Math.max(0, a.percent)), standing], width, '  ');
  const behind = goal.status === 'active' && a.pace === 'behind';
  const bar = theme.pace(a.pace)(renderBar(a.percent / 100, barWidth, behind ? expectedFraction(view) : null));
  return [`${bar} ${rest}`];
}

/** `done` or `dropped`, in the colour of how the goal ended. */
export function statusWord(view: GoalView, theme: Theme): string {
  const { goal, assessment: a } = view;
  if (goal.status === 'done') return a.pace === 'achieved' ? theme.pace('achieved')('done') : theme.warn('done');
  return theme.dim(goal.status);
}

function expectedFraction(view: GoalView): number | null {
  const { goal, assessment: a } = view;
  if (a.expected === null || goal.target === null || goal.target === goal.baseline) return null;
  return (a.expected - goal.baseline) / (goal.target - goal.baseline);
}

/** "2 aligned goals: 1 behind, 1 on track, 1 done" (or that none is aligned yet), in lines of `width`. */
export function alignedLines(aligned: readonly GoalView[], theme: Theme, width: number): string[] {
  if (aligned.length === 0) return [theme.dim('no goals aligned yet')];
  const tally = tallyGoals(aligned);
  const counts = [
    ...tally.paces.map(([pace, n]) => theme.pace(pace)(`${n} ${PACE_LABELS[pace]}`)),
    ...(tally.done ? [`${tally.done} done`] : []),
    ...(tally.dropped ? [`${tally.dropped} dropped`] : []),
  ];
  const parts = [`${plural(aligned.length, 'aligned goal')}:`, ...counts.map((c, i) => (i < counts.length - 1 ? `${c},` : c))];
  return fitParts(parts, width, ' ');
}

/** For an active goal "due in 35 days (31 Dec 2026)", "3 days late"; for a finished one how it ended. */
function statusPhrase(view: GoalView, options: GoalRenderOptions): string[] {
  const { goal } = view;
  if (goal.status !== 'active') return [closedPhrase(view, options.theme)];
  return duePhrase(view, options);
}

/** "dropped 20 Nov 2026 while behind", "done 12 Nov 2026, target reached", "done 12 Nov 2026". */
export function closedPhrase(view: GoalView, theme: Theme): string {
  const { goal, assessment: a } = view;
  const when = `${goal.status}${goal.closedOn ? ` ${formatShortDay(goal.closedOn)}` : ''}`;
  if (goal.target === null) return when;
  if (a.pace === 'achieved') return `${when}, target reached`;
  return `${when} while ${paceLabel(a.pace, theme)}`;
}

export function duePhrase(view: GoalView, { theme, today }: GoalRenderOptions): string[] {
  const { goal, assessment: a } = view;
  const parts: string[] = [];
  if (goal.start > today) parts.push(`starts in ${plural(daysBetween(today, goal.start), 'day')}`);
  if (goal.due === null || a.daysLeft === null) return goal.org && goal.target === null ? parts : [...parts, theme.dim('no due date')];
  const date = formatShortDay(goal.due);
  if (a.daysLeft > 1) parts.push(`due in ${a.daysLeft} days (${date})`);
  else if (a.daysLeft === 1) parts.push(`due tomorrow (${date})`);
  else if (a.daysLeft === 0) parts.push(`due today (${date})`);
  else if (a.pace === 'achieved') parts.push(`was due ${date}`);
  else parts.push(theme.bad(`${plural(-a.daysLeft, 'day')} late (${date})`));
  return parts;
}

/** Where the goal lands at its due date at the rate so far, while that is still ahead. */
export function projectionPhrase(
  view: GoalView,
  { theme, today }: GoalRenderOptions,
  wording = { before: 'projected ', after: ' at due' },
): string[] {
  const { goal, assessment: a } = view;
  if (goal.status !== 'active' || goal.target === null || a.daysLeft === null || a.daysLeft <= 0) return [];
  if (a.pace === 'achieved' || goal.start > today) return [];
  if (a.projected === null) return [theme.dim('no check-in yet to project from')];
  if (!isProjectionShown(goal.start, today)) return [theme.dim('projection from the second week')];
  const makesIt = fractionOf(view, a.projected) >= 1;
  const text = `${wording.before}${formatEstimate(a.projected, goal.unit)}${wording.after}`;
  return [makesIt ? theme.good(text) : theme.warn(text)];
}

export function fractionOf(view: GoalView, value: number): number {
  const { baseline, target } = view.goal;
  if (target === null) return 0;
  if (target === baseline) return value === target ? 1 : 0;
  return (value - baseline) / (target - baseline);
}

/** Goals and objectives counted apart: "3 active goals: 1 behind, 2 on track · 2 objectives · 1 done". */
function renderFooter(views: readonly GoalView[], freeTextObjectives: number, { theme, width, today }: GoalRenderOptions): string[] {
  const out: string[] = [];
  const goals = tallyGoals(views.filter((v) => !v.goal.org));
  const objectives = views.filter((v) => v.goal.org && v.goal.status === 'active').length + freeTextObjectives;
  const parts: string[] = [];
  if (goals.active > 0) {
    const paces = goals.paces.map(([pace, n]) => theme.pace(pace)(`${n} ${PACE_LABELS[pace]}`));
    parts.push(`${plural(goals.active, 'active goal')}: ${paces.join(', ')}`);
  }
  if (objectives > 0) parts.push(plural(objectives, 'objective'));
  const finished = tallyGoals(views.filter((v) => v.goal.status !== 'active'));
  if (finished.done) parts.push(`${finished.done} done`);
  if (finished.dropped) parts.push(`${finished.dropped} dropped`);
  out.push(...fitParts(parts, width));
  if (views.some((v) => v.goal.status === 'active' && v.assessment.pace === 'behind' && expectedFraction(v) !== null)) {
    out.push(
      ...wrapText(`${EXPECTED_MARK} on a bar marks where the calendar says the goal should be today.`, width).map((line) =>
        theme.dim(line),
      ),
    );
  }
  const stale = staleGoals(views, today);
  if (stale.length > 0) {
    const names = stale.map(({ view, days, neverUpdated }) =>
      neverUpdated ? `${view.goal.slug} (none since it started ${days} days ago)` : `${view.goal.slug} (${days} days)`,
    );
    const text = `No check-in for ${STALE_AFTER_DAYS} days or more: ${names.join(', ')}.`;
    out.push(...wrapText(text, width).map((line) => theme.warn(line)), theme.dim('Check in with: perf goals update <goal> <value>'));
  }
  return out;
}

// ── confirmations ──────────────────────────────────────────────────────────────────────────────

/** After add or edit: what was recorded, with the dates it runs between. */
export function renderGoalSaved(verb: 'Added' | 'Updated', view: GoalView, theme: Theme, width = 80): string {
  const { goal } = view;
  const parts = [`${theme.good(verb)} ${goal.org ? 'objective' : 'goal'} ${theme.id(`#${goal.id}`)} ${theme.bold(goal.slug)}`];
  if (goal.target !== null) parts.push(`${formatAmount(goal.baseline, goal.unit)} → ${formatAmount(goal.target, goal.unit)}`);
  else if (!goal.org) parts.push('no numeric target (done or not)');
  if (!goal.org || goal.target !== null || goal.due !== null) {
    parts.push(`${formatShortDay(goal.start)} – ${goal.due === null ? 'no due date' : formatShortDay(goal.due)}`);
  }
  if (view.alignsTo !== null) parts.push(`↑ ${typeof view.alignsTo === 'string' ? view.alignsTo : view.alignsTo.slug}`);
  if (goal.rule !== null) parts.push(`counts ${describeRule(goal.rule)}`);
  if (goal.every !== null) parts.push(`rolls over every ${goal.every}`);
  return fitParts(parts, width, ' · ', 2).join('\n');
}

/** After `perf goals update`: the move, where the goal stands now and its pace. */
export function renderGoalUpdated(before: GoalView, after: GoalView, theme: Theme, width = 80): string {
  const { goal, assessment: a } = after;
  const from = formatAmount(before.assessment.current, goal.unit);
  const to = theme.bold(formatAmount(a.current, goal.unit));
  const of = goal.target === null ? '' : ` of ${formatAmount(goal.target, goal.unit)}`;
  const percent = a.percent === null ? '' : ` (${formatPercent(Math.max(0, a.percent))})`;
  const parts = [`${theme.good('Checked in')} ${theme.bold(goal.slug)}:`, `${from} → ${to}${of}${percent}`, standing(after, theme)];
  return fitParts(parts, width, [' ', ' · '], 2).join('\n');
}

/** The pace of an active goal; a done goal that still takes progress says that it is done. */
function standing(view: GoalView, theme: Theme): string {
  const { goal } = view;
  if (goal.status === 'active') return paceLabel(view.assessment.pace, theme);
  return theme.dim(`goal already ${goal.status}${goal.closedOn ? ` (${formatShortDay(goal.closedOn)})` : ''}`);
}

/** After `perf log --progress`: where the goal stands now. */
export function renderGoalStanding(view: GoalView, theme: Theme, width = 80): string {
  const { goal, assessment: a } = view;
  const of = goal.target === null ? '' : ` of ${formatAmount(goal.target, goal.unit)}`;
  const percent = a.percent === null ? '' : ` (${formatPercent(Math.max(0, a.percent))})`;
  const parts = [`${theme.bold(goal.slug)} now`, `${theme.bold(formatAmount(a.current, goal.unit))}${of}${percent}`, standing(view, theme)];
  return fitParts(parts, width - 2, [' ', ' · '], 2)
    .map((line) => `  ${line}`)
    .join('\n');
}

/** After done, drop or reopen: the goal and where it stands; done says when it fell short. */
export function renderStatusChanged(view: GoalView, theme: Theme, width = 80): string {
  const { goal, assessment: a } = view;
  const verb = goal.status === 'done' ? 'Done' : goal.status === 'dropped' ? 'Dropped' : 'Reopened';
  const where = goal.target === null ? '' : ` at ${formatAmount(a.current, goal.unit)} of ${formatAmount(goal.target, goal.unit)}`;
  let ending = '.';
  if (goal.status === 'done' && goal.target !== null && a.percent !== null) {
    ending = ` (${formatPercent(Math.max(0, a.percent))})${a.pace === 'achieved' ? '' : ', short of the target'}.`;
  }
  let lines = wrapText(`${verb}: ${goal.title}${where}${goal.status === 'active' ? '' : ending}`, width);
  if (goal.status === 'active') lines = withTail(lines, `· ${paceLabel(a.pace, theme)}`, width);
  const paint = goal.status === 'dropped' ? theme.warn : theme.good;
  lines[0] = `${paint(verb)}${(lines[0] ?? '').slice(verb.length)}`;
  return lines.join('\n');
}

// ── layout helpers ─────────────────────────────────────────────────────────────────────────────

/** `tail` after the last line when it fits there, else on a line of its own. */
function withTail(lines: string[], tail: string, width: number): string[] {
  const last = lines[lines.length - 1] ?? '';
  if (last && visibleLength(last) + 1 + visibleLength(tail) <= width) return [...lines.slice(0, -1), `${last} ${tail}`];
  return [...lines, tail];
}

/**
 * Parts joined with `separator` (one for all, or the one before each part from the second on),
 * starting a new line where the next part would pass `width`; lines after the first are indented
 * by `hang` spaces. A part is kept whole unless it is wider than a line by itself: then its words flow.
 */
export function fitParts(parts: readonly string[], width: number, separator: string | readonly string[] = ' · ', hang = 0): string[] {
  const tokens: { text: string; sep: string }[] = [];
  parts.forEach((part, i) => {
    const sep = typeof separator === 'string' ? separator : (separator[Math.min(i, separator.length) - 1] ?? ' · ');
    const words = visibleLength(part) > width - hang ? part.split(' ') : [part];
    for (const [j, text] of words.entries()) tokens.push({ text, sep: j === 0 ? sep : ' ' });
  });
  const lines: string[] = [];
  let line = '';
  for (const { text, sep } of tokens) {
    if (line && visibleLength(line) + sep.length + visibleLength(text) > width) {
      lines.push(line);
      line = `${' '.repeat(hang)}${text}`;
    } else {
      line = line ? `${line}${sep}${text}` : text;
    }
  }
  if (line) lines.push(line);
  return lines;
}
