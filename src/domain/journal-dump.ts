/**
 * The complete, versioned export of a journal (`perf export --format json`) and its validation on
 * import. Every table is there with its ids and timestamps, so exporting, importing into an empty
 * journal and exporting again gives the same document apart from `exportedAt`. A note carries its
 * tags, goal ids and competency ids (note_tags, note_goals, note_competencies) in the note itself.
 * Version 2: a note's goals are `goalIds` (a list); version 1 had one `goalId`, still read.
 * Version 3: deals, a note's `dealId`, feedback's `starred` and `constructive`, and reflections;
 * a version 2 file has none of them and imports as before (no deals, flags false).
 */
import type { Competency, Rating } from './competencies.js';
import type { Deal } from './deals.js';
import type { DevelopmentActivity } from './development.js';
import type { Feedback } from './feedback.js';
import type { Goal, GoalUpdate } from './goals.js';
import type { Note } from './notes.js';
import type { OneToOne } from './report-data.js';
// Reading a record is in dump-records.ts, checking a whole file in dump-checker.ts.

export const EXPORT_FORMAT = 'perf-journal';
/** Bump when the document changes shape; import refuses versions above it. */
export const EXPORT_VERSION = 3;

// The records are the domains' own, less what a table holds only by reference to another
// (a slug, a note's text) and plus what a listing leaves out (a competency's timestamps), and
// the key an imported record keeps from its source (null for a record typed into the journal).

type Keyed = { sourceKey: string | null };
export type DumpCompetency = Competency & { createdAt: string; updatedAt: string };
export type DumpGoal = Goal & Keyed;
/** A note with its tags, goals and competencies by id (the note_tags, note_goals and note_competencies tables). */
export type DumpNote = Omit<Note, 'goal' | 'goalId' | 'progress' | 'goals' | 'competencies' | 'deal'> & {
  goalIds: number[];
  competencyIds: number[];
} & Keyed;
export type DumpGoalUpdate = Omit<GoalUpdate, 'noteText'> & Keyed;
export type DumpRating = Rating & Keyed;
export type DumpFeedback = Omit<Feedback, 'competency'> & { starred: boolean; constructive: boolean } & Keyed;
export type DumpDevelopment = Omit<DevelopmentActivity, 'competency'> & Keyed;
export type DumpOneToOne = OneToOne & Keyed;
export type DumpDeal = Deal & Keyed;
/** The rep's own words about a period (perf reflect): one per range. */
export interface DumpReflection {
  id: number;
  from: string;
  to: string;
  text: string;
  createdAt: string;
  updatedAt: string;
  sourceKey: string | null;
}

/** The record of each table of an export. */
export interface DumpRecords {
  competencies: DumpCompetency;
  goals: DumpGoal;
  deals: DumpDeal;
  notes: DumpNote;
  goalCheckins: DumpGoalUpdate;
  ratings: DumpRating;
  feedback: DumpFeedback;
  development: DumpDevelopment;
  checkins: DumpOneToOne;
  reflections: DumpReflection;
}

export type JournalTables = { config: Record<string, string> } & { [T in RecordTable]: DumpRecords[T][] };

export interface JournalDump extends JournalTables {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  /** The journal the file was exported from (its `meta.journal_id`); null in older files. */
  journalId: string | null;
}

/** The record tables, in the order they are imported (referenced tables first). */
export const DUMP_TABLES = [
  'competencies',
  'goals',
  'deals',
  'notes',
  'goalCheckins',
  'ratings',
  'feedback',
  'development',
  'checkins',
  'reflections',
] as const;
export type RecordTable = (typeof DUMP_TABLES)[number];
export type DumpTable = RecordTable | 'config';
/** The tables whose records keep a source key (competencies are matched by slug or name). */
export type KeyedTable = Exclude<RecordTable, 'competencies'>;

export function makeJournalDump(tables: JournalTables, exportedAt: string, journalId: string): JournalDump {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, journalId, ...tables };
}

/** Whether a top-level key of a document names a perf-journal export (it always starts with "format"). */
export function isDumpKey(key: string): boolean {
  return key === 'format' || key === 'config' || (DUMP_TABLES as readonly string[]).includes(key);
}

/**
 * The readings of the file a merge needs, each a list of tables taken in file order: a table is
 * taken once the tables it refers to have been (an export's own order needs one reading; a file
 * written by hand in another order, one more for each table that comes before one it refers to).
 */
export function importPasses(order: readonly DumpTable[]): DumpTable[][] {
  const needs: Record<DumpTable, DumpTable[]> = {
    config: [],
    competencies: ['config'],
    goals: [],
    deals: [],
    notes: ['goals', 'competencies', 'deals'],
    goalCheckins: ['goals', 'notes'],
    ratings: ['competencies', 'config'],
    feedback: ['competencies'],
    development: ['competencies'],
    checkins: [],
    reflections: [],
  };
  const present = new Set(order);
  const done = new Set<DumpTable>();
  const passes: DumpTable[][] = [];
  while (done.size < present.size) {
    const pass: DumpTable[] = [];
    for (const table of order) {
      if (done.has(table)) continue;
      if (needs[table].every((t) => done.has(t) || !present.has(t))) {
        pass.push(table);
        done.add(table);
      }
    }
    passes.push(pass);
  }
  return passes;
}

/**
 * The key a record of a perf export is known by once imported: the one it was imported under,
 * or, for a record typed into the journal it was exported from, that journal's identity, the
 * table, id and creation instant (a restore keeps all four, so a copy knows the same records as
 * its original, and two journals never share a key).
 */
export function sourceKeyOf(
  table: KeyedTable,
  record: { id: number; createdAt: string; sourceKey: string | null },
  journalId: string | null,
): string {
  if (record.sourceKey !== null) return record.sourceKey;
  // Exports written before journals had an identity: the id and instant alone.
  return journalId === null
    ? `perf:${table}:${record.id}:${record.createdAt}`
    : `perf:${journalId}:${table}:${record.id}:${record.createdAt}`;
}

/** A note's content without its id and timestamps: two notes with the same key are duplicates. */
export function noteKey(
  note: Pick<DumpNote, 'date' | 'text' | 'type' | 'account' | 'starred' | 'goalIds' | 'tags' | 'competencyIds'>,
): string {
  return JSON.stringify([
    note.date,
    note.text,
    note.type,
    note.account,
    note.starred,
    // One goal was a number before a note could have several; the key compares as it did then.
    note.goalIds.length === 0 ? null : note.goalIds.length === 1 ? note.goalIds[0] : [...note.goalIds].sort((a, b) => a - b),
    [...note.tags].sort(),
    [...note.competencyIds].sort((a, b) => a - b),
  ]);
}

/** The dump's notes oldest first (by day, then id), as the CSV and Markdown exports list them. */
export function notesOldestFirst(dump: JournalDump): DumpNote[] {
  return [...dump.notes].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
}

/** What a note added to one of its goals, or undefined: `(noteId, goalId) => amount`. */
export function noteProgress(dump: JournalDump): (noteId: number, goalId: number) => number | undefined {
  const amounts = new Map(
    dump.goalCheckins.filter((c) => c.noteId !== null && c.kind === 'add').map((c) => [`${c.noteId}:${c.goalId}`, c.amount]),
  );
  return (noteId, goalId) => amounts.get(`${noteId}:${goalId}`);
}
