import { timeAgo, type Change } from '../../domain/changes.js';
import { formatInstant } from '../../terminal/format.js';
import { inert } from '../../terminal/inert.js';
import type { Theme } from '../../terminal/theme.js';

/** `Undid: log #42 "Called Acme…" (2 minutes ago)`. */
export function renderUndo(change: Change, now: Date, verb: string): string {
  return `${verb}: ${inert(change.summary)} (${timeAgo(change.at, now)})`;
}

/** `perf history`: one line a change, newest first, the undone ones marked. */
export function renderHistory(changes: readonly Change[], total: number, view: { now: Date; theme: Theme }): string {
  const { theme } = view;
  if (changes.length === 0)
    return theme.dim('No changes yet: every command that writes is listed here, and perf undo reverses the newest.');
  const idWidth = Math.max(...changes.map((c) => String(c.id).length)) + 1;
  const lines = changes.map((c) => {
    const id = theme.id(`#${c.id}`.padStart(idWidth));
    const when = theme.dim(`${formatInstant(c.at)}  ${timeAgo(c.at, view.now).padEnd(14)}`);
    const summary = c.undoneAt === null ? inert(c.summary) : `${theme.dim(inert(c.summary))} ${theme.warn('(undone)')}`;
    return `${id}  ${when}  ${summary}`;
  });
  if (total > changes.length) lines.push(theme.dim(`${total - changes.length} older not shown: perf history -n all`));
  return lines.join('\n');
}
