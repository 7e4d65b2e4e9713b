/**
 * The how behind the summary: each competency's evidence (the period's notes and feedback linked
 * to it), the growth areas (the seed's rule: every competency rated below the top) with what is
 * being done about each, and the feedback chosen to quote among the accomplishments.
 */
import type { Day } from './calendar.js';
import type { Feedback } from './feedback.js';
import type { Note } from './notes.js';
import type { developmentToJson } from './development.js';
import type { feedbackToJson } from './feedback.js';

type DevelopmentItem = ReturnType<typeof developmentToJson>;
type FeedbackItem = ReturnType<typeof feedbackToJson>;

/** A rating at the period's start and end; a missing one is null. */
export interface RatingChange {
  start: number | null;
  end: number | null;
  change: number | null;
}

/** What growthAreas reads of a summary competency. */
interface AssessedCompetency {
  slug: string;
  name: string;
  target: number;
  gap: number | null;
  improvementTarget: boolean;
  self: RatingChange;
  others: RatingChange;
}

/** A note of the period linked to the competency. */
export interface NoteEvidence {
  kind: 'note';
  id: number;
  date: Day;
  type: string;
  text: string;
}

/** Feedback of the period about the competency, with its flags. */
export interface FeedbackEvidence {
  kind: 'feedback';
  id: number;
  date: Day;
  from: string;
  relationship: string;
  text: string;
  starred: boolean;
  constructive: boolean;
}

export type Evidence = NoteEvidence | FeedbackEvidence;

/** A competency below the top of its scale, and what is being done about it. */
export interface GrowthArea {
  slug: string;
  name: string;
  target: number;
  gap: number | null;
  self: RatingChange;
  others: RatingChange;
  /** Development activities for it: done in the period, or open at its end. */
  development: DevelopmentItem[];
  /** The period's notes linked to it: evidence of progress. */
  progress: NoteEvidence[];
  /** Constructive feedback about it in the period. */
  feedback: FeedbackItem[];
}

/**
 * The period's notes and feedback linked to `slug`, oldest first (a note before feedback on the
 * same day); with a `cap`, the most telling few: starred first, then the most recent.
 */
export function evidenceFor(slug: string, notes: readonly Note[], feedback: readonly Feedback[], cap: number | null = null): Evidence[] {
  // A note's star is not part of its evidence (CLI.md's shape) but counts in the picking.
  const fromNotes = notes.filter((n) => n.competencies.includes(slug)).map((n) => ({ starred: n.starred, evidence: noteEvidence(n) }));
  const fromFeedback = feedback
    .filter((f) => f.competency === slug)
    .map((f) => ({
      starred: f.starred,
      evidence: {
        kind: 'feedback',
        id: f.id,
        date: f.date,
        from: f.from,
        relationship: f.relationship,
        text: f.text,
        starred: f.starred,
        constructive: f.constructive,
      } satisfies FeedbackEvidence,
    }));
  const all: { starred: boolean; evidence: Evidence }[] = [...fromNotes, ...fromFeedback];
  const shown =
    cap === null || all.length <= cap
      ? all
      : all
          .sort(
            (a, b) =>
              Number(b.starred) - Number(a.starred) ||
              compare(b.evidence.date, a.evidence.date) ||
              kindOrder(a.evidence, b.evidence) ||
              b.evidence.id - a.evidence.id,
          )
          .slice(0, cap);
  return shown.map((e) => e.evidence).sort((a, b) => compare(a.date, b.date) || kindOrder(a, b) || a.id - b.id);
}

/** A note as evidence: what the summary quotes of it. */
export function noteEvidence(n: Note): NoteEvidence {
  return { kind: 'note', id: n.id, date: n.date, type: n.type, text: n.text };
}

/** A note before feedback: on the same day it is shown first, and picked first. */
function kindOrder(a: Evidence, b: Evidence): number {
  return Number(a.kind === 'feedback') - Number(b.kind === 'feedback');
}

/**
 * The improvement targets as growth areas: those with a plan (a development activity) or
 * constructive feedback first, then the widest gap, then the framework's order. `progress` gives
 * each one's notes of the period (all of them, or the most telling few).
 */
export function growthAreas(
  competencies: readonly AssessedCompetency[],
  development: { completed: readonly DevelopmentItem[]; open: readonly DevelopmentItem[] },
  feedback: readonly FeedbackItem[],
  progress: (slug: string) => NoteEvidence[],
): GrowthArea[] {
  const areas = competencies
    .filter((c) => c.improvementTarget)
    .map((c, position) => ({
      position,
      area: {
        slug: c.slug,
        name: c.name,
        target: c.target,
        gap: c.gap,
        self: c.self,
        others: c.others,
        development: [...development.completed, ...development.open].filter((d) => d.competency === c.slug),
        progress: progress(c.slug),
        feedback: feedback.filter((f) => f.constructive && f.competency === c.slug),
      },
    }));
  const acted = (a: GrowthArea) => Number(a.development.length > 0 || a.feedback.length > 0);
  return areas
    .sort((a, b) => acted(b.area) - acted(a.area) || (b.area.gap ?? 0) - (a.area.gap ?? 0) || a.position - b.position)
    .map(({ area }) => area);
}

/** Starred feedback when any is starred, else all the praise (everything not constructive). */
export function feedbackToQuote(items: readonly FeedbackItem[]): FeedbackItem[] {
  const starred = items.filter((f) => f.starred);
  return starred.length > 0 ? starred : items.filter((f) => !f.constructive);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
