import { makeJournalDump, type JournalDump, type JournalTables, type KeyedTable } from '../domain/journal-dump.js';
import type { Store } from '../storage/store.js';

const byId = <T extends { id: number }>(records: T[]): T[] => records.sort((a, b) => a.id - b.id);

/**
 * Every table of the journal with its ids and timestamps, each in id order, read in one
 * snapshot: through the tables' own repos, and the journal repo where a listing leaves out what
 * an exact copy needs (a competency's timestamps, a note's competency ids).
 */
export function readJournalTables(store: Store): JournalTables {
  return store.reports.snapshot(() => {
    // Every record carries its source key (null: typed here), so an export imported and exported again is the same.
    const keyed = <T extends { id: number }>(table: KeyedTable, records: T[]): (T & { sourceKey: string | null })[] => {
      const keys = store.journal.sourceKeys(table);
      return records.map((record) => ({ ...record, sourceKey: keys.get(record.id) ?? null }));
    };
    return {
      config: Object.fromEntries(store.config.all()),
      competencies: store.journal.competencies(),
      goals: keyed('goals', store.goals.list()),
      deals: store.journal.deals(),
      notes: store.journal.notes(),
      // The note's text and the competency's slug are in their own tables.
      goalCheckins: keyed('goalCheckins', byId(store.goals.allUpdates().map(({ noteText: _, ...update }) => update))),
      ratings: keyed('ratings', byId(store.ratings.list())),
      feedback: keyed('feedback', byId(feedbackWithFlags(store))),
      development: keyed('development', byId(store.development.list().map(({ competency: _, ...activity }) => activity))),
      checkins: keyed('checkins', store.oneToOnes.list()),
      reflections: store.journal.reflections(),
    };
  });
}

/** Feedback without its competency's slug (a reference by id) and with its starred and constructive flags. */
function feedbackWithFlags(store: Store) {
  const flags = store.journal.feedbackFlags();
  return store.feedback
    .list()
    .map(({ competency: _, ...feedback }) => ({ ...feedback, ...(flags.get(feedback.id) ?? { starred: false, constructive: false }) }));
}

/** Every table of the journal as one versioned document, with the journal's identity. */
export function exportJournal(store: Store, now: Date): JournalDump {
  return store.reports.snapshot(() => makeJournalDump(readJournalTables(store), now.toISOString(), store.journal.journalId()));
}
