import type { Day } from '../domain/calendar.js';
import type { OneToOne } from '../domain/report-data.js';
import { UsageError } from '../errors.js';
import type { Store } from '../storage/store.js';
import { assertChanged } from '../domain/records.js';

/** Records a one-to-one with the manager on `date`; one a day, so a second on the same day is refused. */
/**
 * Records a one-to-one. The planned one (checkin.next) it was is no longer ahead: a plan on or
 * before its day is forgotten, unless `next` plans the following one (null forgets it).
 */
export function recordOneToOne(store: Store, input: { date: Day; note: string | null; next?: Day | null }, now: Date): OneToOne {
  return store.transaction(() => {
    const same = store.oneToOnes.onDate(input.date);
    if (same)
      throw new UsageError(`a one-to-one on ${input.date} is already recorded (#${same.id}): perf checkin --done records one a day`);
    const recorded = store.oneToOnes.insert(input.date, input.note, now.toISOString());
    const planned = store.config.get(NEXT_KEY);
    if (input.next !== undefined) setNext(store, input.next);
    else if (planned !== null && planned <= input.date) store.config.unset(NEXT_KEY);
    return recorded;
  });
}

const NEXT_KEY = 'checkin.next';

/** Plans the next one-to-one on `day` (a config setting, so it travels with the journal's export); null forgets it. */
export function planNextOneToOne(store: Store, day: Day | null): void {
  store.transaction(() => setNext(store, day));
}

function setNext(store: Store, day: Day | null): void {
  if (day === null) store.config.unset(NEXT_KEY);
  else store.config.set(NEXT_KEY, day);
}

/** Every one-to-one, newest first: the latest meeting day first, the later record first on a tie. */
export function listOneToOnes(store: Store): OneToOne[] {
  return store.oneToOnes.list().sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
}

export function findOneToOne(store: Store, id: number): OneToOne {
  const found = store.oneToOnes.get(id);
  if (!found) throw new UsageError(`no one-to-one with id ${id}: see the ids with perf checkin history`);
  return found;
}

/** `undefined` keeps a field; a `null` note removes it. Still one a day. */
export interface OneToOneChanges {
  date?: Day;
  note?: string | null;
}

export function editOneToOne(store: Store, id: number, changes: OneToOneChanges): OneToOne {
  return store.transaction(() => {
    const current = findOneToOne(store, id);
    const date = changes.date ?? current.date;
    const same = store.oneToOnes.onDate(date);
    if (same && same.id !== id) {
      throw new UsageError(`a one-to-one on ${date} is already recorded (#${same.id}): one a day; edit or remove #${same.id} instead`);
    }
    const edited = store.oneToOnes.update(id, date, changes.note === undefined ? current.note : changes.note);
    assertChanged(current, edited, `one-to-one #${id}`);
    return edited;
  });
}

export function removeOneToOne(store: Store, id: number): OneToOne {
  return store.transaction(() => {
    const removed = findOneToOne(store, id);
    store.oneToOnes.remove(id);
    return removed;
  });
}
