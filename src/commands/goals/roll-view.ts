import type { RolledGoal } from '../../domain/goal-roll.js';
import { formatShortDay } from '../../terminal/format.js';
import { formatAmount } from '../../terminal/numbers.js';

/** `Rolled over meetings-q3-2026 (achieved: 42 of 40) → #7 meetings-q4-2026, 1 Oct 2026 – 31 Dec 2026`. */
export function describeRoll(r: RolledGoal): string {
  const of = r.from.target === null ? '' : ` of ${formatAmount(r.from.target, r.from.unit)}`;
  const outcome = r.outcome === null ? 'done' : r.outcome;
  return (
    `Rolled over ${r.from.slug} (${outcome}: ${formatAmount(r.value, r.from.unit)}${of}) → #${r.to.id} ${r.to.slug}, ` +
    `${formatShortDay(r.to.start)} – ${formatShortDay(r.to.due ?? r.to.start)}`
  );
}
