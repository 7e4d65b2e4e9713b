import { makeJournalDump, type JournalDump, type JournalTables } from '../domain/journal-dump.js';
import type { Store } from '../storage/store.js';

const byId = <T extends { id: number }>(records: T[]): T[] => records.sort((a, b) => a.id - b.id);

/**
 * Every table of the journal with its ids and timestamps, each in id order, read in one
 * snapshot: through the tables' own repos, and the journal repo where a listing leaves out what
 * an exact copy needs (a competency's timestamps, a note's competency ids).
 */
export function readJournalTables(store: Store): JournalTables {
  return store.reports.snapshot(() => ({
    config: Object.fromEntries(store.config.all()),
    competencies: store.journal.competencies(),
    goals: store.goals.list(),
    notes: store.journal.notes(),
    // The note's text and the competency's slug are in their own tables.
    goalCheckins: byId(store.goals.allCheckins().map(({ noteText: _, ...checkin }) => checkin)),
    ratings: byId(store.ratings.list()),
    feedback: byId(store.feedback.list().map(({ competency: _, ...feedback }) => feedback)),
    development: byId(store.development.list().map(({ competency: _, ...activity }) => activity)),
    checkins: store.checkins.list(),
  }));
}

/** Every table of the journal as one versioned document. */
export function exportJournal(store: Store, now: Date): JournalDump {
  return makeJournalDump(readJournalTables(store), now.toISOString());
}
