/** The goal updates listing, the confirmations of update edits and removals, and of removing a goal. */
import type { Goal, GoalRemoval, GoalUpdateView, GoalView } from '../../domain/goals.js';
import type { Surprise } from '../../domain/goal-surprises.js';
import { formatShortDay, plural } from '../../terminal/format.js';
import { formatAmount, formatChange, formatNumber } from '../../terminal/numbers.js';
import { renderTable } from '../../terminal/table.js';
import type { Theme } from '../../terminal/theme.js';

/** The update JSON of docs/json.md: `note` is the update's own, else the text of the note that made it. */
export function updateToJson(goal: Pick<Goal, 'slug'>, update: GoalUpdateView) {
  const { id, date, kind, amount, value, note, noteId, noteText } = update;
  return { id, goal: goal.slug, date, kind, amount, value, note: note ?? noteText, noteId };
}

/** What an update records: `= $120,000` for a set, `+$15,000` for a change. */
export function updateMove(update: Pick<GoalUpdateView, 'kind' | 'amount'>, unit: string | null): string {
  return update.kind === 'set' ? `= ${formatAmount(update.amount, unit)}` : formatChange(update.amount, unit);
}

function noteOf(update: GoalUpdateView): string {
  if (update.noteId !== null) return `${update.noteText ?? ''} (note #${update.noteId})`;
  return update.note ?? '';
}

/** `perf goals updates <goal>`: oldest first, with the ids that edit and rm take. */
export function renderUpdateList(view: GoalView, updates: readonly GoalUpdateView[], theme: Theme, width: number): string {
  const { goal } = view;
  if (updates.length === 0) return theme.dim(`No updates for ${goal.slug} yet. Record one with: perf goals update ${goal.slug} <value>`);
  const rows = updates.map((u) => [
    theme.id(`#${u.id}`),
    formatShortDay(u.date),
    updateMove(u, goal.unit),
    formatAmount(u.value, goal.unit),
    noteOf(u),
  ]);
  const table = renderTable(
    [
      { header: 'id', align: 'right' },
      { header: 'date' },
      { header: 'update', align: 'right' },
      { header: 'value', align: 'right' },
      { header: 'note', flex: true },
    ],
    rows,
    { theme, width },
  );
  const hint = ['Correct one: perf goals updates edit <id> --value V, -d DATE or --note TEXT', 'Remove one:  perf goals updates rm <id>'];
  return [`${theme.bold(goal.slug)}: ${plural(updates.length, 'update')}`, table, ...hint.map((line) => theme.dim(line))].join('\n');
}

export function renderUpdateEdited(goal: Goal, before: GoalUpdateView, after: GoalUpdateView, theme: Theme): string {
  const was = `${formatShortDay(before.date)} ${updateMove(before, goal.unit)}`;
  const now = `${formatShortDay(after.date)} ${updateMove(after, goal.unit)}`;
  return `${theme.good('Corrected')} update #${after.id} of ${theme.bold(goal.slug)}: ${was} → ${now} (value after it ${formatAmount(after.value, goal.unit)}).`;
}

export function renderUpdateRemoved(goal: Goal, update: GoalUpdateView, current: number): string {
  const from = update.noteId === null ? '' : ` (note #${update.noteId} stays, linked to ${goal.slug}, without progress)`;
  return `Removed update #${update.id} of ${goal.slug}: ${formatShortDay(update.date)} ${updateMove(update, goal.unit)}${from}; ${goal.slug} is now at ${formatAmount(current, goal.unit)}.`;
}

/** One line for the question and the confirmation: what goes with the goal and what stays. */
export function describeGoalRemoval(removal: GoalRemoval): string {
  const { goal } = removal.view;
  const updates = removal.updates.length === 0 ? '' : ` with ${plural(removal.updates.length, 'update')}`;
  const parts = [`goal #${goal.id} ${goal.slug} ("${goal.title}")${updates}`];
  if (removal.noteIds.length > 0) {
    const ids = removal.noteIds.map((id) => `#${id}`).join(', ');
    const one = removal.noteIds.length === 1;
    parts.push(
      `${plural(removal.noteIds.length, 'note')} linked to it (${ids}) ${one ? 'stays' : 'stay'}, unlinked, without the progress ${one ? 'it' : 'they'} made`,
    );
  }
  if (removal.aligned.length > 0) {
    const slugs = removal.aligned.map((g) => g.slug).join(', ');
    parts.push(`${slugs} ${removal.aligned.length === 1 ? 'stays' : 'stay'}, aligned to nothing`);
  }
  return parts.join('; ');
}

/** "6x", "5.4x", "17x": a ratio as a person says it. */
function times(ratio: number): string {
  return `${formatNumber(ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10)}x`;
}

/** "q3-arr at $1,810,000 is 6x the target ($300,000)", and/or the jump, in one line. */
export function describeSurprises(goal: Goal, surprises: readonly Surprise[]): string {
  const { slug, unit, baseline, target } = goal;
  const clauses = surprises.map((s, i) => {
    if (s.kind === 'jump') {
      const move = formatChange(s.change, unit);
      const what = i === 0 ? `${slug} would move by ${move},` : `the change (${move}) is`;
      return `${what} ${times(s.ratio)} the largest earlier change (${formatChange(s.largest, unit)})`;
    }
    const aim = formatAmount(target ?? 0, unit);
    return baseline === 0
      ? `${slug} at ${formatAmount(s.value, unit)} is ${times(s.ratio)} the target (${aim})`
      : `${slug} at ${formatAmount(s.value, unit)} is ${times(s.ratio)} as far from the baseline (${formatAmount(baseline, unit)}) as the target (${aim})`;
  });
  return clauses.join(', and ');
}
