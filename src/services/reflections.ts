import type { Day } from '../domain/calendar.js';
import type { Reflection } from '../domain/reflections.js';
import type { Store } from '../storage/store.js';

/** Stores the reflection for the range, replacing the one there: one change in the undo log. */
export function saveReflection(store: Store, from: Day, to: Day, text: string, now: Date): { reflection: Reflection; replaced: boolean } {
  return store.transaction(() => {
    const replaced = store.reflections.forRange(from, to) !== null;
    store.summarize(`reflect ${from} – ${to}${replaced ? ' (replaced)' : ''}`);
    return { reflection: store.reflections.save(from, to, text, now.toISOString()), replaced };
  });
}
