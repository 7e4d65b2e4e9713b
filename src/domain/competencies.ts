/**
 * Competencies and their ratings.
 *
 * - A competency's target is its own `target`, else the top of the rating scale (`scale.max`); a
 *   target above the scale (the scale was lowered later) counts as the top of the scale.
 * - The gap is measured against what others said when anyone else has rated it (a manager's
 *   appraisal outweighs a self-assessment), else against the latest self rating; unrated, it is null.
 * - Every competency whose rating used for the gap is below the top of the scale is an improvement
 *   target, even when it has reached its own target: the scale's top is the bar the appraisal uses.
 * - The trend looks at the last few ratings from every source, oldest first: the latest one against
 *   the average of those before it.
 */
import { UsageError, quote } from '../errors.js';
import type { Day } from './calendar.js';
import type { DevelopmentActivity } from './development.js';
import type { Feedback } from './feedback.js';
import { listWords } from './words.js';
import { RESERVED_SLUGS, assertNotReservedSlug, closestMatches, isValidSlug, slugify } from './goal-refs.js';
import type { Note } from './notes.js';

export const RATING_SOURCES = ['self', 'manager', 'peer', 'customer', 'other'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

export interface Competency {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  /** The target as stored; null means the top of the scale. */
  target: number | null;
  position: number;
}

export interface Rating {
  id: number;
  competencyId: number;
  date: Day;
  rating: number;
  source: RatingSource;
  ratedBy: string | null;
  note: string | null;
  createdAt: string;
}

/** A rating as `perf ratings` lists it: with its competency's slug. */
export interface RatingEntry extends Rating {
  competency: string;
}

export interface LatestRating {
  rating: number;
  date: Day;
  source: RatingSource;
  by: string | null;
}

export type TrendDirection = 'up' | 'down' | 'flat';

export interface Trend {
  /** The last ratings, oldest first. */
  ratings: number[];
  /** Null with fewer than two ratings. */
  direction: TrendDirection | null;
}

export interface CompetencyAssessment {
  target: number;
  latest: LatestRating | null;
  latestOthers: LatestRating | null;
  gap: number | null;
  improvementTarget: boolean;
  trend: Trend;
}

/** A competency as `perf competencies` lists it. */
export interface CompetencyOverview {
  competency: Competency;
  assessment: CompetencyAssessment;
  /** Development activities planned or in progress for it. */
  openDevelopment: number;
}

/** A competency with everything recorded about it, for `perf competencies show`. */
export interface CompetencyDetail extends CompetencyOverview {
  ratings: Rating[];
  notes: Note[];
  feedback: Feedback[];
  development: DevelopmentActivity[];
}

const MAX_SLUG_LENGTH = 60;

/** How many of the last ratings the trend looks at. */
export const TREND_WINDOW = 6;

const SPARKS = '▁▂▃▄▅▆▇█';
const ARROWS: Record<TrendDirection, string> = { up: '↑', down: '↓', flat: '→' };

/** The target a competency is measured against: its own, else the top of the scale. */
export function effectiveTarget(target: number | null, scaleMax: number): number {
  return target === null ? scaleMax : Math.min(target, scaleMax);
}

/** The most recent rating (by date, then by the order it was entered) among `ratings`. */
export function latestRating(ratings: readonly Rating[]): LatestRating | null {
  let latest: Rating | null = null;
  for (const r of ratings) {
    if (!latest || r.date > latest.date || (r.date === latest.date && r.id > latest.id)) latest = r;
  }
  return latest && { rating: latest.rating, date: latest.date, source: latest.source, by: latest.ratedBy };
}

/** target − the rating that counts (others', else self); null when unrated. */
export function computeGap(target: number, latest: LatestRating | null, latestOthers: LatestRating | null): number | null {
  const basis = latestOthers ?? latest;
  return basis === null ? null : target - basis.rating;
}

/** Whether the rating that counts for the gap is below the top of the scale. */
export function isImprovementTarget(latest: LatestRating | null, latestOthers: LatestRating | null, scaleMax: number): boolean {
  const basis = latestOthers ?? latest;
  return basis !== null && basis.rating < scaleMax;
}

/** The trend over the last `window` ratings, given oldest first. */
export function computeTrend(ratings: readonly number[], window = TREND_WINDOW): Trend {
  const recent = ratings.slice(-window);
  const last = recent[recent.length - 1];
  if (last === undefined || recent.length < 2) return { ratings: recent, direction: null };
  const before = recent.slice(0, -1);
  const average = before.reduce((sum, r) => sum + r, 0) / before.length;
  const direction: TrendDirection = last > average ? 'up' : last < average ? 'down' : 'flat';
  return { ratings: recent, direction };
}

/** Ratings as bars on the whole scale (so bars compare across competencies): 1 is ▁, the top █. */
export function sparkline(ratings: readonly number[], scaleMax: number): string {
  const top = SPARKS.length - 1;
  return ratings
    .map((r) => {
      const level = scaleMax <= 1 ? top : Math.round(((r - 1) / (scaleMax - 1)) * top);
      return SPARKS[Math.max(0, Math.min(top, level))] ?? '';
    })
    .join('');
}

export function trendArrow(direction: TrendDirection | null): string {
  return direction === null ? '' : ARROWS[direction];
}

/** Everything the list and the reports show for one competency, from its ratings in any order. */
export function assessCompetency(competency: Competency, ratings: readonly Rating[], scaleMax: number): CompetencyAssessment {
  const target = effectiveTarget(competency.target, scaleMax);
  const latest = latestRating(ratings.filter((r) => r.source === 'self'));
  const latestOthers = latestRating(ratings.filter((r) => r.source !== 'self'));
  const ordered = [...ratings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  return {
    target,
    latest,
    latestOthers,
    gap: computeGap(target, latest, latestOthers),
    improvementTarget: isImprovementTarget(latest, latestOthers, scaleMax),
    trend: computeTrend(ordered.map((r) => r.rating)),
  };
}

export function ratingToJson(r: Rating) {
  return { id: r.id, date: r.date, rating: r.rating, source: r.source, by: r.ratedBy, note: r.note };
}

/** The JSON shape of a rating in `perf ratings`: `{id, competency, date, rating, source, by, note}`. */
export function ratingEntryToJson(r: RatingEntry) {
  return { id: r.id, competency: r.competency, date: r.date, rating: r.rating, source: r.source, by: r.ratedBy, note: r.note };
}

/**
 * Who gave a rating: nobody else for a self rating (naming someone is refused: they forgot
 * `--source`), and for a manager's rating without a name, the manager from config.
 */
export function ratedByFor(source: RatingSource, by: string | null, manager: string | null): string | null {
  if (source === 'self' && by !== null) {
    throw new UsageError(`--by ${JSON.stringify(by)} names who rated you: add --source manager, peer, customer or other`);
  }
  return by ?? (source === 'manager' ? manager : null);
}

/** The JSON shape of a competency in CLI.md (`target` is the effective one; `ownTarget` null means the top of the scale). */
export function competencyToJson({ competency: c, assessment: a, openDevelopment }: CompetencyOverview) {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    description: c.description,
    target: a.target,
    ownTarget: c.target,
    latest: a.latest,
    latestOthers: a.latestOthers,
    gap: a.gap,
    improvementTarget: a.improvementTarget,
    trend: a.trend,
    openDevelopment,
  };
}

/**
 * A competency named by the user: its id, its slug, its name, or the start of its name or slug
 * (case-insensitive). An exact slug or name wins over prefixes; several prefixes are an error
 * listing them, in framework order.
 */
export function resolveCompetencyRef<T extends Pick<Competency, 'id' | 'slug' | 'name'>>(ref: string, competencies: readonly T[]): T {
  const needle = ref.replace(/\s+/g, ' ').trim().toLowerCase();
  if (needle === '') throw new UsageError(`invalid competency ${quote(ref)}: give its id, slug or the start of its name`);
  if (/^#?\d+$/.test(needle)) {
    const id = Number(needle.replace('#', ''));
    const found = competencies.find((c) => c.id === id);
    if (!found) throw new UsageError(`no competency with id ${id}: see the ids with perf competencies`);
    return found;
  }
  const exact = competencies.find((c) => c.slug === needle || c.name.toLowerCase() === needle);
  if (exact) return exact;
  const matches = competencies.filter((c) => c.name.toLowerCase().startsWith(needle) || c.slug.startsWith(needle));
  const [only] = matches;
  if (only && matches.length === 1) return only;
  if (matches.length > 1) {
    throw new UsageError(`competency ${quote(ref)} is ambiguous: it matches ${matches.map((c) => c.slug).join(', ')}`);
  }
  const suggestions = closestMatches(
    needle,
    competencies.map((c) => c.slug),
  );
  const hint = suggestions.length ? `did you mean ${suggestions.join(' or ')}?` : 'see the list with perf competencies';
  throw new UsageError(`unknown competency ${quote(ref)}: ${hint}`);
}

export function parseRatingSource(raw: string): RatingSource {
  const source = raw.trim().toLowerCase();
  if (!(RATING_SOURCES as readonly string[]).includes(source)) {
    throw new UsageError(`unknown source ${quote(raw)}: use ${listWords(RATING_SOURCES)}`);
  }
  return source as RatingSource;
}

/** A rating typed by the user: a whole number from 1 to the top of the scale. */
export function parseRating(raw: string, scaleMax: number): number {
  return parseOnScale(raw, scaleMax, 'rating');
}

/** A competency's own target: a whole number on the scale. */
export function parseTarget(raw: string, scaleMax: number): number {
  return parseOnScale(raw, scaleMax, 'target', ' (the top of the scale)');
}

function parseOnScale(raw: string, scaleMax: number, what: string, note = ''): number {
  const text = raw.trim();
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > scaleMax) {
    throw new UsageError(`invalid ${what} ${quote(raw)}: use a whole number from 1 to ${scaleMax}${note}`);
  }
  return value;
}

/** A competency's name with white space collapsed; it must hold a letter so it never reads as an id. */
export function normalizeCompetencyName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(name)) {
    throw new UsageError(`invalid competency name ${quote(raw)}: use a name with letters, e.g. "Negotiation"`);
  }
  return name;
}

/** The slug made for a new competency from its name; a name with no latin letters still gets one. */
export function competencySlug(name: string): string {
  const slug = slugify(name);
  return slug === '' ? 'competency' : /^\p{Nd}+$/u.test(slug) || RESERVED_SLUGS.includes(slug) ? `competency-${slug}` : slug;
}

/** A slug typed with `--slug`. Digits alone would read as an id, so they are refused. */
export function parseCompetencySlug(raw: string): string {
  const slug = raw.trim();
  assertNotReservedSlug(slug, 'competency');
  if (/^#?\d+$/.test(slug)) {
    throw new UsageError(
      `slug ${quote(raw)} is ambiguous: a number names a competency by its id; add letters, e.g. skill-${slug.replace('#', '')}`,
    );
  }
  if (!isValidSlug(slug)) {
    throw new UsageError(`invalid slug ${quote(raw)}: use lowercase letters, digits and single dashes, e.g. social-selling`);
  }
  // As long as a slug made from a name can be, so that lists of slugs still wrap within 80 columns.
  if (slug.length > MAX_SLUG_LENGTH) {
    throw new UsageError(`invalid slug ${quote(raw)}: it has ${slug.length} characters; use at most ${MAX_SLUG_LENGTH}`);
  }
  return slug;
}

/** Optional free text (a description, a note, a name): white space tidied, empty means none. */
export function optionalText(raw: string | undefined | null): string | null {
  const text = raw?.replace(/[ \t]+/g, ' ').trim();
  return text ? text : null;
}

/** What hangs off a competency. */
export interface CompetencyUsage {
  ratings: number;
  feedback: number;
  notes: number;
  development: number;
}

const USAGE_NOUNS: Record<keyof CompetencyUsage, [string, string]> = {
  ratings: ['rating', 'ratings'],
  feedback: ['feedback item', 'feedback items'],
  notes: ['linked note', 'linked notes'],
  development: ['development activity', 'development activities'],
};

/** "3 ratings, 1 feedback item and 2 linked notes" for the given kinds, zeros left out; '' when all are zero. */
export function describeUsage(
  usage: CompetencyUsage,
  kinds: readonly (keyof CompetencyUsage)[] = ['ratings', 'feedback', 'notes', 'development'],
): string {
  const parts = kinds.filter((kind) => usage[kind] > 0).map((kind) => `${usage[kind]} ${USAGE_NOUNS[kind][usage[kind] === 1 ? 0 : 1]}`);
  return listWords(parts, 'and');
}
