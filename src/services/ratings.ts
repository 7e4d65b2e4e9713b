import {
  latestRating,
  type Competency,
  type LatestRating,
  type Rating,
  type RatingEntry,
  type RatingSource,
} from '../domain/competencies.js';
import type { Day } from '../domain/calendar.js';
import { UsageError } from '../errors.js';
import type { Store } from '../storage/store.js';
import { assertChanged } from '../domain/records.js';

export interface RatingInput {
  competencyId: number;
  rating: number;
}

export interface RatingContext {
  date: Day;
  source: RatingSource;
  ratedBy: string | null;
  note: string | null;
}

/** Records ratings (one, or a whole walk-through) in one transaction; returns them as stored. */
export function rateCompetencies(store: Store, inputs: readonly RatingInput[], context: RatingContext, now: Date): Rating[] {
  return store.transaction(() =>
    inputs.map((input) => {
      if (!store.competencies.get(input.competencyId)) {
        throw new UsageError(`no competency with id ${input.competencyId}: see the ids with perf competencies`);
      }
      const id = store.ratings.insert({ ...input, ...context }, now.toISOString());
      const rating = store.ratings.get(id);
      if (!rating) throw new Error(`rating ${id} vanished inside its own transaction`);
      return rating;
    }),
  );
}

/** The latest rating of each competency from one source, before a new one is given. */
export function latestBySource(store: Store, competencies: readonly Competency[], source: RatingSource): Map<number, LatestRating | null> {
  const ratings = store.ratings.list().filter((r) => r.source === source);
  return new Map(competencies.map((c) => [c.id, latestRating(ratings.filter((r) => r.competencyId === c.id))]));
}

/** Every rating, or one competency's, newest first. */
export function listRatings(store: Store, competencyId?: number): RatingEntry[] {
  return store.ratings.entries(competencyId);
}

export function findRating(store: Store, id: number): RatingEntry {
  const rating = store.ratings.get(id);
  const competency = rating && store.competencies.get(rating.competencyId);
  if (!rating || !competency) throw new UsageError(`no rating with id ${id}: see the ids with perf ratings`);
  return { ...rating, competency: competency.slug };
}

/** What a rating says, each part as it is to be stored; undefined keeps it. */
export interface RatingChanges {
  rating?: number | undefined;
  date?: Day | undefined;
  source?: RatingSource | undefined;
  ratedBy?: string | null | undefined;
  note?: string | null | undefined;
}

export function editRating(store: Store, id: number, changes: RatingChanges): RatingEntry {
  return store.transaction(() => {
    const current = findRating(store, id);
    store.ratings.update(id, {
      rating: changes.rating ?? current.rating,
      date: changes.date ?? current.date,
      source: changes.source ?? current.source,
      ratedBy: changes.ratedBy === undefined ? current.ratedBy : changes.ratedBy,
      note: changes.note === undefined ? current.note : changes.note,
    });
    const edited = findRating(store, id);
    assertChanged(current, edited, `rating #${id}`);
    return edited;
  });
}

/** Removes a rating; returns it as it was. */
export function removeRating(store: Store, id: number): RatingEntry {
  return store.transaction(() => {
    const rating = findRating(store, id);
    store.ratings.delete(id);
    return rating;
  });
}
