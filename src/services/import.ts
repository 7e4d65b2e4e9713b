import type { ImportCounts, ImportResult } from '../domain/import-result.js';
import type { ImportedNote } from '../domain/jrnl.js';
import { DUMP_TABLES, importPasses, noteKey, type DumpRecords, type DumpTable, type RecordTable } from '../domain/journal-dump.js';
import type { DumpOutline } from '../domain/dump-checker.js';
import { merger, type Count, type Writer } from './import-merge.js';
import type { JournalRepo } from '../storage/journal-repo.js';
import type { Store } from '../storage/store.js';

export interface ImportOptions {
  now: Date;
  /** Called as records are written, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 250;

function emptyCounts(): ImportCounts {
  const counts = { config: { added: 0, skipped: 0 } } as ImportCounts;
  for (const table of DUMP_TABLES) counts[table] = { added: 0, skipped: 0 };
  return counts;
}

function result(mode: ImportResult['mode'], counts: ImportCounts): ImportResult {
  const values = Object.values(counts);
  return {
    mode,
    counts,
    added: values.reduce((sum, c) => sum + c.added, 0),
    skipped: values.reduce((sum, c) => sum + c.skipped, 0),
  };
}

function counter(total: number, onProgress: ImportOptions['onProgress']) {
  const counts = emptyCounts();
  let done = 0;
  return {
    counts,
    count(table: DumpTable, wasAdded: boolean) {
      counts[table][wasAdded ? 'added' : 'skipped']++;
      done++;
      if (onProgress && (done % PROGRESS_EVERY === 0 || done === total)) onProgress(done, total);
    },
  };
}

/**
 * A perf export being written as it is read a second time (the first checked it: DumpChecker),
 * in one write transaction that stays open across the readings, so that memory holds one record
 * at a time and a failure anywhere, Ctrl-C included, leaves the journal as it was.
 */
export interface DumpImport {
  /** The readings of the file to make, each taking these tables (config is written at the start). */
  readonly passes: RecordTable[][];
  record<T extends RecordTable>(table: T, index: number, record: DumpRecords[T]): void;
  /** The file's list of `table` ends (in a reading that takes it). */
  end(table: RecordTable): void;
  /** Commits. */
  finish(): ImportResult;
  /** Rolls back; harmless after finish. */
  abort(): void;
}

/**
 * Starts importing a checked export. Into a journal that holds nothing but the seeded framework
 * it restores the file exactly, ids and the source journal's identity included. Into one with
 * data it adds the records it does not know, with new ids and references mapped to them: a record
 * is known by its source key (sourceKeyOf), or, when the file comes from this journal, as the
 * typed record with its id and creation instant; a record the journal holds without a key (typed
 * here, or imported before records kept keys) matches one incoming record of equal content, once.
 * A goal whose slug is taken by a different goal gets the next free slug.
 */
export function startDumpImport(store: Store, outline: DumpOutline, options: ImportOptions): DumpImport {
  const transaction = store.begin();
  try {
    const repo = store.journal;
    const progress = counter(outline.total, options.onProgress);
    const tables = outline.order.filter((t): t is RecordTable => t !== 'config');
    const writer = repo.holdsOnlySeededFramework() ? restorer(repo, outline, progress.count) : merger(store, outline, progress.count);
    return {
      passes:
        writer.mode === 'restore' ? [tables] : importPasses(tables).map((pass) => pass.filter((t): t is RecordTable => t !== 'config')),
      record: writer.record,
      end: writer.end,
      finish() {
        writer.finish();
        transaction.commit();
        return result(writer.mode, progress.counts);
      },
      abort: () => transaction.rollback(),
    };
  } catch (error) {
    transaction.rollback();
    throw error;
  }
}

function restorer(repo: JournalRepo, outline: DumpOutline, count: Count): Writer {
  // Goals may align to goals later in the file, and a file written by hand may list notes before
  // their goals: the references are checked at the commit.
  repo.deferForeignKeys();
  if (outline.journalId !== null) repo.setJournalId(outline.journalId);
  // An export always holds the framework; a hand-written file with notes only keeps the seeded one.
  if (outline.counts.competencies > 0) repo.removeAllCompetencies();
  for (const [name, value] of Object.entries(outline.config)) {
    repo.insertConfig(name, value);
    count('config', true);
  }
  const insert: { [T in RecordTable]: (record: DumpRecords[T]) => unknown } = {
    competencies: repo.insertCompetency,
    goals: repo.insertGoal,
    notes: repo.insertNote,
    goalCheckins: repo.insertGoalUpdate,
    ratings: repo.insertRating,
    feedback: repo.insertFeedback,
    development: repo.insertDevelopment,
    checkins: repo.insertOneToOne,
    deals: repo.insertDeal,
    reflections: repo.insertReflection,
  };
  return {
    mode: 'restore',
    record(table, _index, record) {
      (insert[table] as (r: typeof record) => unknown)(record);
      count(table, true);
    },
    end() {},
    finish() {},
  };
}

/**
 * Notes from a jrnl export, added in one transaction. A note is skipped when the journal holds
 * one with its source key, or, once, a note without a key of the same content (typed here, or
 * imported before notes kept their keys), so that two equal entries of a file are both kept.
 */
export function importJrnlNotes(store: Store, notes: readonly ImportedNote[], options: ImportOptions): ImportResult {
  return store.transaction(() => {
    const repo = store.journal;
    const progress = counter(notes.length, options.onProgress);
    const now = options.now.toISOString();
    const claimed = new Set<number>();
    for (const note of notes) {
      const record = { ...note, account: null, goalIds: [], competencyIds: [], createdAt: now, updatedAt: now };
      const content = noteKey(record);
      let found = repo.findBySourceKey('notes', note.sourceKey);
      found ??= repo.keylessNotes(note.date, note.text).find((c) => !claimed.has(c.id) && noteKey(c) === content)?.id;
      if (found !== undefined) claimed.add(found);
      else repo.insertNote({ ...record, id: null });
      progress.count('notes', found === undefined);
    }
    return result('merge', progress.counts);
  });
}
