import { makeJournalDump, type JournalDump } from '../domain/journal-dump.js';
import type { Store } from '../storage/store.js';

/** Every table of the journal as one versioned document. */
export function exportJournal(store: Store, now: Date): JournalDump {
  return makeJournalDump(store.journal.readTables(), now.toISOString());
}
