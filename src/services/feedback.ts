import type { Day } from '../domain/calendar.js';
import { isGivenBy, type Feedback, type Relationship } from '../domain/feedback.js';
import { UsageError } from '../errors.js';
import type { FeedbackFilter } from '../storage/feedback-repo.js';
import type { Store } from '../storage/store.js';
import { assertChanged } from '../domain/records.js';

export interface FeedbackInput {
  date: Day;
  from: string;
  relationship: Relationship;
  competencyId: number | null;
  text: string;
  starred?: boolean;
  constructive?: boolean;
}

export function addFeedback(store: Store, input: FeedbackInput, now: Date): Feedback {
  return store.transaction(() => findFeedback(store, store.feedback.insert(input, now.toISOString())));
}

export function findFeedback(store: Store, id: number): Feedback {
  const feedback = store.feedback.get(id);
  if (!feedback) throw new UsageError(`no feedback with id ${id}: see the ids with perf feedback`);
  return feedback;
}

/** Each part as it is to be stored; undefined keeps it (a null competency unlinks it). */
export type FeedbackChanges = { [K in keyof FeedbackInput]?: FeedbackInput[K] | undefined };

export function editFeedback(store: Store, id: number, changes: FeedbackChanges): Feedback {
  return store.transaction(() => {
    const current = findFeedback(store, id);
    store.feedback.update(id, {
      date: changes.date ?? current.date,
      from: changes.from ?? current.from,
      relationship: changes.relationship ?? current.relationship,
      competencyId: changes.competencyId === undefined ? current.competencyId : changes.competencyId,
      text: changes.text ?? current.text,
      starred: changes.starred ?? current.starred,
      constructive: changes.constructive ?? current.constructive,
    });
    const edited = findFeedback(store, id);
    assertChanged(current, edited, `feedback #${id}`);
    return edited;
  });
}

/** Removes a piece of feedback; returns it as it was. */
export function removeFeedback(store: Store, id: number): Feedback {
  return store.transaction(() => {
    const feedback = findFeedback(store, id);
    store.feedback.delete(id);
    return feedback;
  });
}

/** Newest first; `by` keeps what came from a person whose name contains it, whatever its case. */
export function listFeedback(store: Store, filter: FeedbackFilter, by?: string): Feedback[] {
  const items = store.feedback.list(filter);
  return by === undefined ? items : items.filter((f) => isGivenBy(f, by));
}
