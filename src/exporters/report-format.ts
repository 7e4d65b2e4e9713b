/**
 * Numbers, ratings and labels as the reports write them, the same in every rendering. Numbers are
 * ui/numbers' (so a goal reads the same in `perf summary` as in `perf goals`); the `…OrNone`
 * variants add the dash a report cell shows for a value it does not have.
 */
import type { CheckinAgenda } from '../domain/checkin.js';
import type { GoalStatus, Pace } from '../domain/goal-progress.js';
import type { Relationship } from '../domain/feedback.js';
import type { ListCut, SalesNumbers } from '../domain/summary.js';
import { formatShortDay } from '../terminal/format.js';
import { paceLabel } from '../terminal/labels.js';
import { formatAmount, formatChange, formatEstimate, formatNumber, formatPercent } from '../terminal/numbers.js';
import type { Theme } from '../terminal/theme.js';

const NONE = '—';

function orNone<T>(value: T | null, format: (value: T) => string): string {
  return value === null ? NONE : format(value);
}

/** ui/numbers' formatAmount for a value the report may lack (a target, a projection): '—' for none. */
export function amountOrNone(value: number | null, unit: string | null): string {
  return orNone(value, (v) => formatAmount(v, unit));
}

/** A projection, rounded as `perf goals` rounds it; '—' for none. */
export function estimateOrNone(value: number | null, unit: string | null): string {
  return orNone(value, (v) => formatEstimate(v, unit));
}

/** A signed change (`+$25,000`, `-1`); '—' for none, e.g. a competency unrated at one end. */
export function changeOrNone(value: number | null, unit: string | null): string {
  return orNone(value, (v) => formatChange(v, unit));
}

/** A goal's percent as `perf goals` shows it (moving the wrong way reads 0%); '—' without a target. */
export function percentOrNone(percent: number | null): string {
  return orNone(percent, (p) => formatPercent(Math.max(0, p)));
}

/**
 * Where a pace would be, a closed goal shows its status (done, dropped), as `perf goals` does: a
 * dropped goal is not "on track", and done says more than "achieved". Plain theme for Markdown.
 */
export function goalStanding(goal: { status: GoalStatus; pace: Pace }, theme: Theme): string {
  return goal.status === 'active' ? paceLabel(goal.pace, theme) : theme.pace(goal.pace)(goal.status);
}

/** A goal with no target that was never updated (a qualitative goal): it has no number to show. `lastCheckin` is the goal JSON's key for its last update. */
function isQualitative(goal: { target: number | null; lastCheckin: unknown }): boolean {
  return goal.target === null && goal.lastCheckin === null;
}

/** A goal's value in a report; '—' for a qualitative goal, whose 0 would mean nothing. */
export function goalValue(goal: { target: number | null; lastCheckin: unknown; unit: string | null }, value: number): string {
  return isQualitative(goal) ? NONE : formatAmount(value, goal.unit);
}

/** A goal's change over a report's days; '—' for a qualitative goal. */
export function goalChange(goal: { target: number | null; lastCheckin: unknown; unit: string | null }, change: number): string {
  return isQualitative(goal) ? NONE : formatChange(change, goal.unit);
}

/** "3 → 4", "4", or "—" for a competency rated at neither end. */
export function formatRatingSpan(start: number | null, end: number | null): string {
  if (start === null && end === null) return NONE;
  if (start === end || start === null) return String(end);
  return `${start} → ${end ?? NONE}`;
}

type RatingEnds = { start: number | null; end: number | null; change: number | null };

/** A competency's cells after its name in every summary's ratings table: self, change, others, change, target. */
export function ratingCells(c: { self: RatingEnds; others: RatingEnds; target: number }): string[] {
  return [
    formatRatingSpan(c.self.start, c.self.end),
    changeOrNone(c.self.change, null),
    formatRatingSpan(c.others.start, c.others.end),
    changeOrNone(c.others.change, null),
    String(c.target),
  ];
}

/** What the numbers of a summary's ratings table mean. */
export function ratingsNote(scaleMax: number): string {
  return `Ratings on a scale of 1 to ${scaleMax}, at the start and end of the period; "others" are the manager, peers and customers.`;
}

/**
 * The rows of a summary's sales table, the same in Markdown and HTML; `text` escapes what comes
 * from the journal (a deal's name and account) for the format.
 */
export function salesRows(s: SalesNumbers, text: (raw: string) => string = (raw) => raw): [string, string][] {
  const money = (value: number | null) => (value === null ? NONE : formatAmount(value, s.currency));
  const d = s.largestDeal;
  const largest = d ? `${text(d.name)}${d.account ? ` (${text(d.account)})` : ''}, ${money(d.value)}, ${formatShortDay(d.closedOn)}` : NONE;
  return [
    ['Deals won', formatNumber(s.wins)],
    ['Deals lost', formatNumber(s.losses)],
    ['Win rate', s.winRate === null ? NONE : `${s.winRate.toFixed(1)}%`],
    ['Value won', money(s.wonValue)],
    ['Average deal won', money(s.averageDeal)],
    ['Largest deal', largest],
  ];
}

const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  manager: 'manager',
  peer: 'peer',
  'other-manager': 'other manager',
  admin: 'admin',
  customer: 'customer',
  'direct-report': 'direct report',
};

export function relationshipLabel(relationship: Relationship): string {
  return RELATIONSHIP_LABELS[relationship];
}

/** Which days a one-to-one agenda covers, in words. */
export function agendaBasisText(agenda: CheckinAgenda): string {
  if (agenda.basis === 'last-checkin' && agenda.lastOneToOne)
    return `since the last one-to-one on ${formatShortDay(agenda.lastOneToOne.date)}`;
  if (agenda.basis === 'since') return `since ${formatShortDay(agenda.from)}`;
  return 'the last two weeks (no one-to-one recorded yet)';
}

/** What lists the notes a cut list of the summary leaves out, when no `perf notes` filter does. */
export const ALL_NOTES_HINT = 'perf summary --all lists them';

/**
 * Under a list of notes the summary cut to its most telling few: "… and 277 more" and the command
 * that lists them all (null: `ALL_NOTES_HINT`); null when the list shows every note.
 */
export function moreNotes(cut: ListCut | undefined, shown: number): { more: string; command: string | null } | null {
  if (cut === undefined || cut.total <= shown) return null;
  return { more: `… and ${formatNumber(cut.total - shown)} more`, command: cut.command };
}
