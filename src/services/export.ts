import {
  DUMP_TABLES,
  makeJournalDump,
  type DumpTable,
  type JournalDump,
  type JournalTables,
  type KeyedTable,
} from '../domain/journal-dump.js';
import { LONG_TABLES, type LongTable } from '../storage/export-json.js';
import type { Store } from '../storage/store.js';

const byId = <T extends { id: number }>(records: T[]): T[] => records.sort((a, b) => a.id - b.id);

/**
 * Every table of the journal with its ids and timestamps, each in id order, read in one
 * snapshot: through the tables' own repos, and the journal repo where a listing leaves out what
 * an exact copy needs (a competency's timestamps, a note's competency ids). Without `long`, the
 * tables the JSON export has SQLite write (LONG_TABLES) are left empty.
 */
export function readJournalTables(store: Store, { long = true } = {}): JournalTables {
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
      notes: long ? store.journal.notes() : [],
      // The note's text and the competency's slug are in their own tables.
      goalCheckins: long ? keyed('goalCheckins', byId(store.goals.allUpdates().map(({ noteText: _, ...update }) => update))) : [],
      ratings: long ? keyed('ratings', byId(store.ratings.list())) : [],
      feedback: long ? keyed('feedback', byId(feedbackWithFlags(store))) : [],
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

/**
 * The export as JSON, the same text as `JSON.stringify(exportJournal(…), null, 2)`, handed to
 * `write` in pieces: the long tables (notes, goal updates, ratings, feedback) a chunk at a time,
 * as the UTF-8 SQLite writes (~1 MiB of notes each), so ten years of notes are never one document
 * in memory (issue 12: 123 MiB at 26k notes), and the rest as JSON.stringify writes it, around
 * them. Apart from SQLite's, the text is JSON.stringify's, so it never holds a raw control
 * character but in its line ends.
 */
export function writeJournalJson(store: Store, now: Date, write: (chunk: string | Buffer) => void): Record<DumpTable, number> {
  return store.reports.snapshot(() => {
    const dump = makeJournalDump(readJournalTables(store, { long: false }), now.toISOString(), store.journal.journalId());
    // The rest of the document, cut where each long table goes (`[]` here): the only line that
    // starts with two spaces and its name is its top-level key (a string holds no raw line end;
    // deeper keys are indented further). One stringify of the whole, not one per table re-indented.
    const text = `${JSON.stringify(dump, null, 2)}\n`;
    const counts = countRecords(dump);
    let from = 0;
    let close = '';
    for (const table of LONG_TABLES) {
      const key = `\n  ${JSON.stringify(table)}: `;
      const at = text.indexOf(`${key}[]`, from);
      if (at < 0) throw new Error(`the export has no ${table} key`);
      write(close + text.slice(from, at + key.length));
      counts[table] = writeRecords(store, table, write);
      close = counts[table] === 0 ? '[]' : '\n  ]';
      from = at + key.length + 2;
    }
    write(close + text.slice(from));
    return counts;
  });
}

/** How many records each table of a dump holds (config: its settings). */
export function countRecords(tables: JournalTables): Record<DumpTable, number> {
  const counts = { config: Object.keys(tables.config).length } as Record<DumpTable, number>;
  for (const table of DUMP_TABLES) counts[table] = tables[table].length;
  return counts;
}

/** Writes a long table's array but its end (`]`, or `[]` when empty); how many records it holds. */
function writeRecords(store: Store, table: LongTable, write: (chunk: string | Buffer) => void): number {
  let count = 0;
  store.journal.eachJsonChunk(table, (json, records) => {
    write(json);
    count += records;
  });
  return count;
}
