import { UsageError, quote } from '../errors.js';
import type { Day } from './calendar.js';
import { listWords } from './words.js';

export const RELATIONSHIPS = ['manager', 'peer', 'other-manager', 'admin', 'customer', 'direct-report'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export interface Feedback {
  id: number;
  date: Day;
  from: string;
  relationship: Relationship;
  competencyId: number | null;
  /** The competency's slug, or null. */
  competency: string | null;
  text: string;
  /** Chosen by the rep to be quoted in the summary's accomplishments. */
  starred: boolean;
  /** Critical feedback: quoted under the growth area it concerns, not beside praise. */
  constructive: boolean;
  createdAt: string;
}

/**
 * `other manager`, `Other_Manager` and `other-manager` are the same relationship, and a plural
 * (`peers`, `direct-reports`) is its singular: a rep filtering "the peers" types it that way.
 */
export function parseRelationship(raw: string): Relationship {
  const value = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const found = RELATIONSHIPS.find((r) => r === value || `${r}s` === value);
  if (!found) throw new UsageError(`unknown relationship ${quote(raw)}: use ${listWords(RELATIONSHIPS)}`);
  return found;
}

/** Who gave it, typed by the user to filter by: any part of the name, whatever its case. */
export function parseGiverFilter(raw: string): string {
  const by = raw.replace(/\s+/g, ' ').trim();
  if (!by) throw new UsageError('--by needs a name or part of one, e.g. --by Maria');
  return by;
}

export function isGivenBy(f: Pick<Feedback, 'from'>, by: string): boolean {
  return f.from.toLocaleLowerCase().includes(by.toLocaleLowerCase());
}

/** What was said, as stored: trimmed, inner line breaks kept; empty is an error. */
export function normalizeFeedbackText(raw: string): string {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (!text)
    throw new UsageError(
      'the feedback is empty: give what they said, e.g. perf feedback add "Great demo" --from Maria --relationship manager',
    );
  return text;
}

/** Who gave it: required, white space collapsed. */
export function normalizeGiver(raw: string | undefined): string {
  const from = raw?.replace(/\s+/g, ' ').trim();
  if (!from) throw new UsageError('feedback needs --from <name>: who gave it (e.g. --from "Maria Lopez")');
  return from;
}

/** How many items came from each relationship, in the order of RELATIONSHIPS, zeros left out. */
export function countByRelationship(items: readonly Pick<Feedback, 'relationship'>[]): Partial<Record<Relationship, number>> {
  const counts: Partial<Record<Relationship, number>> = {};
  for (const relationship of RELATIONSHIPS) {
    const n = items.filter((f) => f.relationship === relationship).length;
    if (n > 0) counts[relationship] = n;
  }
  return counts;
}

/** The JSON shape of feedback in CLI.md. */
export function feedbackToJson(f: Feedback) {
  return {
    id: f.id,
    date: f.date,
    from: f.from,
    relationship: f.relationship,
    competency: f.competency,
    text: f.text,
    starred: f.starred,
    constructive: f.constructive,
    createdAt: f.createdAt,
  };
}
