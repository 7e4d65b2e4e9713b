import { latestRating, type Competency, type LatestRating, type Rating, type RatingSource } from '../domain/competencies.js';
import type { Day } from '../domain/calendar.js';
import { UsageError } from '../errors.js';
import type { Store } from '../storage/store.js';

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
