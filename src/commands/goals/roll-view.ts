import type { RolledGoal } from '../../domain/goal-roll.js';
import { formatShortDay } from '../../terminal/format.js';
import { formatAmount } from '../../terminal/numbers.js';

/** `Rolled over meetings-q3-2026 (achieved: 42 of 40) → #7 meetings-q4-2026, 1 Oct 2026 – 31 Dec 2026`. */
export function describeRoll(r: RolledGoal): string {
  // A done-or-not goal has no value to report: its 0 read as a result.
  const result =
    r.from.target === null
      ? 'closed'
      : `${r.outcome ?? 'done'}: ${formatAmount(r.value, r.from.unit)} of ${formatAmount(r.from.target, r.from.unit)}`;
  return (
    `Rolled over ${r.from.slug} (${result}) → #${r.to.id} ${r.to.slug}, ` +
    `${formatShortDay(r.to.start)} – ${formatShortDay(r.to.due ?? r.to.start)}`
  );
}
