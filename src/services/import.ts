import { settingsFrom } from '../domain/config.js';
import { uniqueSlug } from '../domain/goal-refs.js';
import { refuseField } from '../domain/import-records.js';
import type { ImportedNote } from '../domain/jrnl.js';
import {
  DUMP_TABLES,
  importPasses,
  noteKey,
  sourceKeyOf,
  type DumpCompetency,
  type DumpGoal,
  type DumpNote,
  type DumpRecords,
  type DumpTable,
  type KeyedTable,
  type RecordTable,
} from '../domain/journal-dump.js';
import type { DumpOutline } from '../domain/dump-checker.js';
import type { JournalRepo } from '../storage/journal-repo.js';
import type { Store } from '../storage/store.js';

export type ImportCounts = Record<DumpTable, { added: number; skipped: number }>;

export interface ImportResult {
  /** `restore`: the journal was empty and now holds the file exactly, ids included. */
  mode: 'restore' | 'merge';
  counts: ImportCounts;
  added: number;
  skipped: number;
}

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
      passes: writer.mode === 'restore' ? [tables] : importPasses(tables).map((pass) => pass.filter((t): t is RecordTable => t !== 'config')),
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

type Count = (table: DumpTable, wasAdded: boolean) => void;

interface Writer {
  mode: ImportResult['mode'];
  record<T extends RecordTable>(table: T, index: number, record: DumpRecords[T]): void;
  end(table: RecordTable): void;
  finish(): void;
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

const key = (...parts: unknown[]) => JSON.stringify(parts);

function merger(store: Store, outline: DumpOutline, count: Count): Writer {
  const repo = store.journal;
  const fileJournal = outline.journalId;
  const sameJournal = fileJournal !== null && fileJournal === repo.journalId();
  const claimed = Object.fromEntries(DUMP_TABLES.map((t) => [t, new Set<number>()])) as Record<RecordTable, Set<number>>;

  /** The journal's record that is this one (see startDumpImport), claimed so it stands for no other. */
  const known = (table: KeyedTable, record: { id: number; createdAt: string; sourceKey: string | null }, sameContent: () => number[]) => {
    const sourceKey = sourceKeyOf(table, record, fileJournal);
    let id = repo.findBySourceKey(table, sourceKey);
    if (id === undefined && sameJournal && record.sourceKey === null) id = repo.findTyped(table, record.id, record.createdAt);
    id ??= sameContent().find((candidate) => !claimed[table].has(candidate));
    if (id !== undefined) claimed[table].add(id);
    return { sourceKey, id };
  };

  // A setting the journal already has is the journal's; the file only fills in the others.
  const existingConfig = Object.fromEntries(store.config.all());
  for (const [name, value] of Object.entries(outline.config)) {
    const isNew = existingConfig[name] === undefined;
    if (isNew) repo.insertConfig(name, value);
    count('config', isNew);
  }
  const { scaleMax } = settingsFrom(new Map(Object.entries({ ...outline.config, ...existingConfig })));

  // Competencies are the same one when the slug or the name matches (a journal has a dozen).
  const competencyIds = new Map<number, number>();
  const existingCompetencies = repo.competencies();
  const competencyBySlug = new Map(existingCompetencies.map((c) => [c.slug, c.id]));
  const competencyByName = new Map(existingCompetencies.map((c) => [c.name.toLowerCase(), c.id]));
  const competency = (id: number | null) => (id === null ? null : (competencyIds.get(id) ?? null));

  // Goals are kept until their list ends, to be taken parents first (a journal has tens of them).
  const incomingGoals: DumpGoal[] = [];
  let goalIds = new Map<number, number>();
  const goal = (id: number | null) => (id === null ? null : (goalIds.get(id) ?? null));
  const noteIds = new Map<number, number>();

  const handlers: { [T in RecordTable]: (record: DumpRecords[T], index: number) => void } = {
    competencies(c: DumpCompetency) {
      const found = competencyBySlug.get(c.slug) ?? competencyByName.get(c.name.toLowerCase());
      const id = found ?? repo.insertCompetency({ ...c, id: null });
      competencyIds.set(c.id, id);
      competencyBySlug.set(c.slug, id);
      competencyByName.set(c.name.toLowerCase(), id);
      count('competencies', found === undefined);
    },
    goals(g) {
      incomingGoals.push(g);
    },
    notes(n: DumpNote) {
      const mapped = { ...n, goalId: goal(n.goalId), competencyIds: n.competencyIds.map((id) => competency(id) ?? id) };
      const content = noteKey(mapped);
      const { sourceKey, id: found } = known('notes', n, () => repo.keylessNotes(n.date, n.text).filter((c) => noteKey(c) === content).map((c) => c.id));
      const id = found ?? repo.insertNote({ ...mapped, id: null, sourceKey });
      noteIds.set(n.id, id);
      count('notes', found === undefined);
    },
    goalCheckins(c) {
      const goalId = goal(c.goalId) ?? c.goalId;
      const { sourceKey, id: found } = known('goalCheckins', c, () =>
        repo.keylessMatches('goalCheckins', { goal_id: goalId, date: c.date, kind: c.kind, amount: c.amount, note: c.note }),
      );
      if (found === undefined) {
        let noteId = c.noteId === null ? null : (noteIds.get(c.noteId) ?? null);
        // A note backs at most one goal update; if the journal's copy of the note already backs one, keep that link.
        if (noteId !== null && repo.noteBacksGoalUpdate(noteId)) noteId = null;
        repo.insertGoalUpdate({ ...c, id: null, goalId, noteId, sourceKey });
      }
      count('goalCheckins', found === undefined);
    },
    ratings(r, index) {
      if (r.rating > scaleMax) {
        refuseField(`ratings[${index}] (id ${r.id})`, 'rating', r.rating, `use a whole number from 1 to ${scaleMax}, this journal's scale`);
      }
      const competencyId = competency(r.competencyId) ?? r.competencyId;
      const { sourceKey, id: found } = known('ratings', r, () =>
        repo.keylessMatches('ratings', { competency_id: competencyId, date: r.date, rating: r.rating, source: r.source, rated_by: r.ratedBy, note: r.note }),
      );
      if (found === undefined) repo.insertRating({ ...r, id: null, competencyId, sourceKey });
      count('ratings', found === undefined);
    },
    feedback(f) {
      const competencyId = competency(f.competencyId);
      const { sourceKey, id: found } = known('feedback', f, () =>
        repo.keylessMatches('feedback', { date: f.date, from_name: f.from, relationship: f.relationship, competency_id: competencyId, text: f.text }),
      );
      if (found === undefined) repo.insertFeedback({ ...f, id: null, competencyId, sourceKey });
      count('feedback', found === undefined);
    },
    development(d) {
      const competencyId = competency(d.competencyId);
      const { sourceKey, id: found } = known('development', d, () =>
        repo.keylessMatches('development', {
          title: d.title,
          competency_id: competencyId,
          assigned_by: d.assignedBy,
          due_date: d.due,
          status: d.status,
          started_on: d.startedOn,
          start_note: d.startNote,
          completed_on: d.completedOn,
          outcome: d.outcome,
        }),
      );
      if (found === undefined) repo.insertDevelopment({ ...d, id: null, competencyId, sourceKey });
      count('development', found === undefined);
    },
    checkins(c) {
      const { sourceKey, id: found } = known('checkins', c, () => repo.keylessMatches('checkins', { date: c.date, note: c.note }));
      if (found === undefined) repo.insertOneToOne({ ...c, id: null, sourceKey });
      count('checkins', found === undefined);
    },
  };
  const endGoals = () => {
    goalIds = mergeGoals(store, incomingGoals.splice(0), (g) => known('goals', g, () => []), claimed.goals, count);
  };
  return {
    mode: 'merge',
    record(table, index, record) {
      (handlers[table] as (r: typeof record, i: number) => void)(record, index);
    },
    end(table) {
      if (table === 'goals') endGoals();
    },
    finish() {
      if (incomingGoals.length > 0) endGoals();
    },
  };
}

/**
 * Goals: a goal the journal knows by its key is a duplicate; so is one with the same content
 * (alignment included) as a goal the journal holds without a key, under its own slug or under the
 * one an earlier import gave it. Goals are taken parents first, so that alignment can be compared
 * by the ids it maps to; alignment to a goal later in the file is set once all are in.
 */
function mergeGoals(
  store: Store,
  incoming: readonly DumpGoal[],
  knownByKey: (g: DumpGoal) => { sourceKey: string; id: number | undefined },
  claimed: Set<number>,
  count: Count,
): Map<number, number> {
  const repo = store.journal;
  const ids = new Map<number, number>();
  const keyed = repo.sourceKeys('goals');
  const existing = store.goals.list().filter((g) => !keyed.has(g.id));
  const content = (g: DumpGoal | (typeof existing)[number], alignsToId: number | null) =>
    key(g.title, g.org, g.unit, g.baseline, g.target, g.start, g.due, g.status, g.closedOn, g.alignsToText, alignsToId);
  const taken = new Set(store.goals.list().map((g) => g.slug));

  const pendingAlignment: [number, number][] = [];
  for (const g of parentsFirst(incoming)) {
    const byKey = knownByKey(g);
    const sourceKey = byKey.sourceKey;
    let found = byKey.id;
    if (found === undefined) {
      const alignsToId = g.alignsToId === null ? null : (ids.get(g.alignsToId) ?? -1);
      const candidates = existing.filter((c) => !claimed.has(c.id) && content(c, c.alignsToId) === content(g, alignsToId));
      found = (candidates.find((c) => c.slug === g.slug) ?? candidates[0])?.id;
      if (found !== undefined) claimed.add(found);
    }
    if (found !== undefined) {
      ids.set(g.id, found);
      count('goals', false);
      continue;
    }
    const slug = uniqueSlug(g.slug, taken);
    taken.add(slug);
    const id = repo.insertGoal({ ...g, id: null, slug, alignsToId: null, sourceKey });
    claimed.add(id);
    ids.set(g.id, id);
    if (g.alignsToId !== null) pendingAlignment.push([id, g.alignsToId]);
    count('goals', true);
  }
  for (const [id, alignsTo] of pendingAlignment) repo.setGoalAlignment(id, ids.get(alignsTo) ?? null);
  return ids;
}

/** Goals ordered so that a goal comes after the one it aligns to (file order otherwise). */
function parentsFirst(goals: readonly DumpGoal[]): DumpGoal[] {
  const byId = new Map(goals.map((g) => [g.id, g]));
  const ordered: DumpGoal[] = [];
  const placed = new Set<number>();
  // Up the alignment to the first goal already placed, then down again: a loop, not recursion,
  // since a chain can be thousands of goals deep.
  for (const goal of goals) {
    const chain: DumpGoal[] = [];
    const onChain = new Set<number>();
    for (let g: DumpGoal | undefined = goal; g && !placed.has(g.id) && !onChain.has(g.id); g = g.alignsToId === null ? undefined : byId.get(g.alignsToId)) {
      chain.push(g);
      onChain.add(g.id);
    }
    for (const g of chain.reverse()) {
      placed.add(g.id);
      ordered.push(g);
    }
  }
  return ordered;
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
      const record = { ...note, account: null, goalId: null, competencyIds: [], createdAt: now, updatedAt: now };
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
