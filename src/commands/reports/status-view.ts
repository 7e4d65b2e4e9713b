import { STALE_AFTER_DAYS } from '../../domain/goals.js';
import type { JournalStatus } from '../../domain/status.js';
import { formatDay, formatRelativeDay, formatShortDay, plural } from '../../terminal/format.js';
import type { Theme } from '../../terminal/theme.js';
import { formatAmount } from '../../terminal/numbers.js';
import { wrapParts } from '../../terminal/wrap.js';

/** After this many days without a note the status nudges. */
const QUIET_DAYS = 3;

export function renderStatus(status: JournalStatus, theme: Theme, width = 80): string {
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
  out.push(...attentionLines(status, theme, width));

  if (status.staleGoals.length) {
    out.push('', theme.heading(`Goals with no update in ${STALE_AFTER_DAYS} days`));
    for (const goal of status.staleGoals) {
      out.push(
        ...item(
          theme.warn('!'),
          goal.title,
          `(${goal.slug}) — last update ${formatRelativeDay(goal.lastUpdate, status.today)}`,
          theme,
          width,
        ),
      );
    }
  }
  if (status.overdueDevelopment.length) {
    out.push('', theme.heading('Overdue development'));
    for (const dev of status.overdueDevelopment) {
      out.push(...item(theme.bad('!'), `${theme.id(`#${dev.id}`)} ${dev.title}`, `— due ${formatShortDay(dev.due ?? '')}`, theme, width));
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
function attentionLines(status: JournalStatus, theme: Theme, width: number): string[] {
  const { attention } = status;
  const lines: string[] = [];
  for (const goal of attention.behindDueSoon) {
    const of = goal.target === null ? '' : ` of ${formatAmount(goal.target, goal.unit)}`;
    const at = `behind at ${formatAmount(goal.current, goal.unit)}${of}`;
    lines.push(...item(theme.warn('!'), goal.title, `(${goal.slug}) — ${at}, due ${inDays(goal.daysLeft)}`, theme, width));
  }
  for (const goal of attention.endedNotClosed) {
    const what = goal.rollsOver ? 'rolls over at the next change' : `perf goals done ${goal.slug}, or perf goals roll ${goal.slug}`;
    lines.push(...item(theme.warn('!'), goal.title, `(${goal.slug}) — ended ${formatShortDay(goal.due)}: ${what}`, theme, width));
  }
  for (const dev of attention.developmentDueSoon) {
    lines.push(
      ...item(
        theme.warn('!'),
        `${theme.id(`#${dev.id}`)} ${dev.title}`,
        `— development due ${formatShortDay(dev.due ?? '')}`,
        theme,
        width,
      ),
    );
  }
  if (attention.noNoteToday && status.lastNote !== null)
    lines.push(...item(theme.warn('!'), 'Nothing logged today', '— perf log "..."', theme, width));
  return lines.length ? ['', theme.heading('Needs attention'), ...lines] : [];
}

/**
 * One `!` line, its text then its detail dimmed, wrapped to the terminal under the text. Each word
 * is styled on its own, so that no colour code spans a line break.
 */
function item(marker: string, text: string, detail: string, theme: Theme, width: number): string[] {
  const words = (line: string) => line.split(' ').filter(Boolean);
  return wrapParts([...words(text), ...words(detail).map((word) => theme.dim(word))], width, {
    first: `  ${marker} `,
    indent: '    ',
    separator: ' ',
  });
}
