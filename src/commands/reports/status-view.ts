import { STALE_AFTER_DAYS } from '../../domain/goals.js';
import type { JournalStatus } from '../../domain/status.js';
import { formatDay, formatRelativeDay, formatShortDay, plural } from '../../terminal/format.js';
import type { Theme } from '../../terminal/theme.js';
import { formatAmount } from '../../terminal/numbers.js';

/** After this many days without a note the status nudges. */
const QUIET_DAYS = 3;

export function renderStatus(status: JournalStatus, theme: Theme): string {
  const out: string[] = [theme.bold(`Journal status · ${formatDay(status.today)}`), ''];
  const row = (label: string, value: string) => out.push(`  ${theme.dim(label.padEnd(12))} ${value}`);

  if (status.lastNote === null || status.daysSinceLastNote === null) {
    row('Last note', theme.warn('none yet'));
  } else {
    const when = formatRelativeDay(status.lastNote.date, status.today);
    const quiet = status.daysSinceLastNote >= QUIET_DAYS;
    row('Last note', `${quiet ? theme.warn(when) : when} · ${plural(status.notes, 'note')} in all`);
    row('Streak', `${plural(status.currentStreak, 'working day')} ${theme.dim(`(longest ${status.longestStreak})`)}`);
  }
  row(
    'Next review',
    `${formatShortDay(status.nextReview)}, ${status.daysUntilNextReview === 1 ? 'tomorrow' : `in ${status.daysUntilNextReview} days`}`,
  );
  const { attention } = status;
  if (attention.nextOneToOne !== null && attention.daysToNextOneToOne !== null) {
    row('One-to-one', `${formatShortDay(attention.nextOneToOne)}, ${inDays(attention.daysToNextOneToOne)} ${theme.dim('(perf checkin)')}`);
  }
  out.push(...attentionLines(status, theme));

  if (status.staleGoals.length) {
    out.push('', theme.heading(`Goals with no update in ${STALE_AFTER_DAYS} days`));
    for (const goal of status.staleGoals) {
      out.push(
        `  ${theme.warn('!')} ${goal.title} ${theme.dim(`(${goal.slug}) — last update ${formatRelativeDay(goal.lastUpdate, status.today)}`)}`,
      );
    }
  }
  if (status.overdueDevelopment.length) {
    out.push('', theme.heading('Overdue development'));
    for (const item of status.overdueDevelopment) {
      out.push(`  ${theme.bad('!')} ${theme.id(`#${item.id}`)} ${item.title} ${theme.dim(`— due ${formatShortDay(item.due ?? '')}`)}`);
    }
  }

  if (status.lastNote === null) {
    out.push('', theme.dim('Start the habit: perf log "Called Acme about the renewal" --type call -a Acme'));
  } else if (status.daysSinceLastNote !== null && status.daysSinceLastNote >= QUIET_DAYS) {
    out.push('', theme.dim(`Nothing logged for ${plural(status.daysSinceLastNote, 'day')}: perf log "..." takes seconds.`));
  }
  return out.join('\n');
}

function inDays(days: number): string {
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}

/** What needs doing now: goals behind and due soon, goals ended and not closed, development due, today's note. */
function attentionLines(status: JournalStatus, theme: Theme): string[] {
  const { attention } = status;
  const lines: string[] = [];
  for (const goal of attention.behindDueSoon) {
    const of = goal.target === null ? '' : ` of ${formatAmount(goal.target, goal.unit)}`;
    const at = `behind at ${formatAmount(goal.current, goal.unit)}${of}`;
    lines.push(`  ${theme.warn('!')} ${goal.title} ${theme.dim(`(${goal.slug}) — ${at}, due ${inDays(goal.daysLeft)}`)}`);
  }
  for (const goal of attention.endedNotClosed) {
    const what = goal.rollsOver ? 'rolls over at the next change' : `perf goals done ${goal.slug}, or perf goals roll ${goal.slug}`;
    lines.push(`  ${theme.warn('!')} ${goal.title} ${theme.dim(`(${goal.slug}) — ended ${formatShortDay(goal.due)}: ${what}`)}`);
  }
  for (const item of attention.developmentDueSoon) {
    lines.push(
      `  ${theme.warn('!')} ${theme.id(`#${item.id}`)} ${item.title} ${theme.dim(`— development due ${formatShortDay(item.due ?? '')}`)}`,
    );
  }
  if (attention.noNoteToday && status.lastNote !== null)
    lines.push(`  ${theme.warn('!')} Nothing logged today ${theme.dim('— perf log "..."')}`);
  return lines.length ? ['', theme.heading('Needs attention'), ...lines] : [];
}
