/** `perf remind`: at most one short line of what needs attention, for a shell's start-up or a timer. */
import { daysBetween, isWeekend, type Day } from './calendar.js';

export interface RemindFacts {
  today: Day;
  /** Active goals behind pace and due within 7 days, soonest first. */
  behindDueSoon: { slug: string; due: Day }[];
  /** Active goals whose due day has passed. */
  ended: { slug: string; rollsOver: boolean }[];
  /** Open development activities due within 14 days or overdue. */
  developmentDue: number;
  nextOneToOne: Day | null;
  loggedToday: boolean;
  hasNotes: boolean;
}

/** The most pressing first; at most three, so the line stays short. Null: nothing needs attention. */
export function remindLine(facts: RemindFacts): string | null {
  const parts: string[] = [];
  const { today } = facts;
  const [first, ...others] = facts.behindDueSoon;
  if (first) {
    const when = dueIn(daysBetween(today, first.due));
    parts.push(
      others.length === 0
        ? `${first.slug} is behind, due ${when}`
        : `${facts.behindDueSoon.length} goals behind, ${first.slug} due ${when}`,
    );
  }
  const toClose = facts.ended.filter((goal) => !goal.rollsOver);
  if (toClose.length === 1) parts.push(`${toClose[0]?.slug} has ended: close or roll it`);
  else if (toClose.length > 1) parts.push(`${toClose.length} goals have ended: close or roll them`);
  if (facts.nextOneToOne !== null && facts.nextOneToOne >= today && daysBetween(today, facts.nextOneToOne) <= 1) {
    parts.push(`one-to-one ${dueIn(daysBetween(today, facts.nextOneToOne))} (perf checkin)`);
  }
  if (facts.developmentDue > 0) parts.push(`${facts.developmentDue} development ${facts.developmentDue === 1 ? 'item' : 'items'} due`);
  if (!facts.loggedToday && facts.hasNotes && !isWeekend(today)) parts.push('nothing logged today');
  return parts.length === 0 ? null : `perf: ${parts.slice(0, 3).join(' · ')}`;
}

function dueIn(days: number): string {
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}
