import { settingsFrom } from '../domain/config.js';
import { uniqueSlug } from '../domain/goal-refs.js';
import { refuseField } from '../domain/import-records.js';
import type { ImportedNote } from '../domain/jrnl.js';
import {
  DUMP_TABLES,
  countRecords,
  noteKey,
  sourceKeyOf,
  type DumpNote,
  type DumpTable,
  type JournalTables,
} from '../domain/journal-dump.js';
import type { Goal } from '../domain/goals.js';
import type { JournalRepo } from '../storage/journal-repo.js';
import type { Store } from '../storage/store.js';
import { readJournalTables } from './export.js';

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

function progressCounter(total: number, onProgress: ImportOptions['onProgress']) {
  let done = 0;
  return {
    tick() {
      done++;
      if (onProgress && (done % PROGRESS_EVERY === 0 || done === total)) onProgress(done, total);
    },
  };
}

/**
 * Imports a perf-journal export in one transaction. Into a journal that holds nothing but the
 * seeded framework it restores the file exactly, ids included. Into one with data it adds what
 * is new, with new ids and references mapped to them, and skips exact duplicates; a goal whose
 * slug is taken by a different goal gets the next free slug.
 */
export function importJournalDump(store: Store, tables: JournalTables, options: ImportOptions): ImportResult {
  return store.transaction(() => {
    const repo = store.journal;
    const progress = progressCounter(countRecords(tables), options.onProgress);
    if (repo.holdsOnlySeededFramework()) return restore(repo, tables, progress.tick);
    return merge(repo, tables, readJournalTables(store), progress.tick);
  });
}

function restore(repo: JournalRepo, tables: JournalTables, tick: () => void): ImportResult {
  const counts = emptyCounts();
  repo.deferForeignKeys();
  // An export always holds the framework; a hand-written file with notes only keeps the seeded one.
  if (tables.competencies.length > 0) repo.removeAllCompetencies();
  const put = <T>(table: DumpTable, records: readonly T[], insert: (record: T) => unknown) => {
    for (const record of records) {
      insert(record);
      counts[table].added++;
      tick();
    }
  };
  put('config', Object.entries(tables.config), ([name, value]) => repo.insertConfig(name, value));
  put('competencies', tables.competencies, repo.insertCompetency);
  put('goals', tables.goals, repo.insertGoal);
  put('notes', tables.notes, repo.insertNote);
  put('goalCheckins', tables.goalCheckins, repo.insertGoalCheckin);
  put('ratings', tables.ratings, repo.insertRating);
  put('feedback', tables.feedback, repo.insertFeedback);
  put('development', tables.development, repo.insertDevelopment);
  put('checkins', tables.checkins, repo.insertCheckin);
  return result('restore', counts);
}

const key = (...parts: unknown[]) => JSON.stringify(parts);

function merge(repo: JournalRepo, tables: JournalTables, existing: JournalTables, tick: () => void): ImportResult {
  const counts = emptyCounts();
  const count = (table: DumpTable, wasAdded: boolean) => {
    counts[table][wasAdded ? 'added' : 'skipped']++;
    tick();
  };
  // A setting the journal already has is the journal's; the file only fills in the others.
  for (const [name, value] of Object.entries(tables.config)) {
    const isNew = existing.config[name] === undefined;
    if (isNew) repo.insertConfig(name, value);
    count('config', isNew);
  }
  const { scaleMax } = settingsFrom(new Map(Object.entries({ ...tables.config, ...existing.config })));

  // Competencies are the same one when the slug or the name matches.
  const competencyIds = new Map<number, number>();
  const competencyBySlug = new Map(existing.competencies.map((c) => [c.slug, c.id]));
  const competencyByName = new Map(existing.competencies.map((c) => [c.name.toLowerCase(), c.id]));
  for (const c of tables.competencies) {
    const found = competencyBySlug.get(c.slug) ?? competencyByName.get(c.name.toLowerCase());
    const id = found ?? repo.insertCompetency({ ...c, id: null });
    competencyIds.set(c.id, id);
    competencyBySlug.set(c.slug, id);
    competencyByName.set(c.name.toLowerCase(), id);
    count('competencies', found === undefined);
  }
  const competency = (id: number | null) => (id === null ? null : (competencyIds.get(id) ?? null));

  const goalIds = mergeGoals(repo, tables.goals, existing.goals, count);
  const goal = (id: number | null) => (id === null ? null : (goalIds.get(id) ?? null));

  const noteIds = new Map<number, number>();
  const notes = noteMatcher(existing.notes);
  for (const n of tables.notes) {
    const mapped = { ...n, goalId: goal(n.goalId), competencyIds: n.competencyIds.map((id) => competency(id) ?? id) };
    const sourceKey = sourceKeyOf('notes', n);
    const found = notes.find(sourceKey, noteKey(mapped));
    const id = found ?? repo.insertNote({ ...mapped, id: null, sourceKey });
    if (found === undefined) notes.add(sourceKey, id);
    noteIds.set(n.id, id);
    count('notes', found === undefined);
  }

  const checkinKey = (c: { goalId: number; date: string; kind: string; amount: number; note: string | null }) =>
    key(c.goalId, c.date, c.kind, c.amount, c.note);
  const checkinKeys = new Set(existing.goalCheckins.map(checkinKey));
  const linkedNotes = new Set(existing.goalCheckins.map((c) => c.noteId).filter((id) => id !== null));
  for (const c of tables.goalCheckins) {
    const mapped = { ...c, goalId: goal(c.goalId) ?? c.goalId, noteId: c.noteId === null ? null : (noteIds.get(c.noteId) ?? null) };
    const k = checkinKey(mapped);
    const isNew = !checkinKeys.has(k);
    if (isNew) {
      // A note backs at most one check-in; if the journal's copy of the note already backs one, keep that link.
      if (mapped.noteId !== null && linkedNotes.has(mapped.noteId)) mapped.noteId = null;
      repo.insertGoalCheckin({ ...mapped, id: null });
      checkinKeys.add(k);
      if (mapped.noteId !== null) linkedNotes.add(mapped.noteId);
    }
    count('goalCheckins', isNew);
  }

  // The remaining tables reference nothing but competencies: new records are added, exact copies skipped.
  const addNew = <T>(table: DumpTable, records: readonly T[], existingRecords: readonly T[], keyOf: (r: T) => string, insert: (r: T) => unknown) => {
    const keys = new Set(existingRecords.map(keyOf));
    for (const record of records) {
      const k = keyOf(record);
      const isNew = !keys.has(k);
      if (isNew) {
        insert(record);
        keys.add(k);
      }
      count(table, isNew);
    }
  };
  tables.ratings.forEach((r, index) => {
    if (r.rating > scaleMax) {
      refuseField(`ratings[${index}] (id ${r.id})`, 'rating', r.rating, `use a whole number from 1 to ${scaleMax}, this journal's scale`);
    }
  });
  addNew(
    'ratings',
    tables.ratings.map((r) => ({ ...r, competencyId: competency(r.competencyId) ?? r.competencyId })),
    existing.ratings,
    (r) => key(r.competencyId, r.date, r.rating, r.source, r.ratedBy, r.note),
    (r) => repo.insertRating({ ...r, id: null }),
  );
  addNew(
    'feedback',
    tables.feedback.map((f) => ({ ...f, competencyId: competency(f.competencyId) })),
    existing.feedback,
    (f) => key(f.date, f.from, f.relationship, f.competencyId, f.text),
    (f) => repo.insertFeedback({ ...f, id: null }),
  );
  addNew(
    'development',
    tables.development.map((d) => ({ ...d, competencyId: competency(d.competencyId) })),
    existing.development,
    (d) => key(d.title, d.competencyId, d.assignedBy, d.due, d.status, d.startedOn, d.startNote, d.completedOn, d.outcome),
    (d) => repo.insertDevelopment({ ...d, id: null }),
  );
  addNew(
    'checkins',
    tables.checkins,
    existing.checkins,
    (c) => key(c.date, c.note),
    (c) => repo.insertCheckin({ ...c, id: null }),
  );
  return result('merge', counts);
}

/**
 * Goals: a goal with the same content (alignment included) is a duplicate, under its own slug or
 * under the one an earlier import gave it. Goals are taken parents first, so that alignment can
 * be compared by the ids it maps to.
 */
function mergeGoals(
  repo: JournalRepo,
  incoming: readonly Goal[],
  existing: readonly Goal[],
  count: (table: DumpTable, wasAdded: boolean) => void,
): Map<number, number> {
  const ids = new Map<number, number>();
  const content = (g: Goal, alignsToId: number | null) =>
    key(g.title, g.org, g.unit, g.baseline, g.target, g.start, g.due, g.status, g.closedOn, g.alignsToText, alignsToId);
  const existingByContent = new Map<string, Goal[]>();
  for (const g of existing) {
    const k = content(g, g.alignsToId);
    existingByContent.set(k, [...(existingByContent.get(k) ?? []), g]);
  }
  const taken = new Set(existing.map((g) => g.slug));

  const pendingAlignment: [number, number][] = [];
  for (const g of parentsFirst(incoming)) {
    const alignsToId = g.alignsToId === null ? null : (ids.get(g.alignsToId) ?? -1);
    const candidates = existingByContent.get(content(g, alignsToId)) ?? [];
    const same = candidates.find((c) => c.slug === g.slug) ?? candidates[0];
    if (same) {
      ids.set(g.id, same.id);
      count('goals', false);
      continue;
    }
    const slug = uniqueSlug(g.slug, taken);
    taken.add(slug);
    const id = repo.insertGoal({ ...g, id: null, slug, alignsToId: null });
    ids.set(g.id, id);
    if (g.alignsToId !== null) pendingAlignment.push([id, g.alignsToId]);
    count('goals', true);
  }
  for (const [id, alignsTo] of pendingAlignment) repo.setGoalAlignment(id, ids.get(alignsTo) ?? null);
  return ids;
}

/** Goals ordered so that a goal comes after the one it aligns to (file order otherwise). */
function parentsFirst(goals: readonly Goal[]): Goal[] {
  const byId = new Map(goals.map((g) => [g.id, g]));
  const ordered: Goal[] = [];
  const placed = new Set<number>();
  // Up the alignment to the first goal already placed, then down again: a loop, not recursion,
  // since a chain can be thousands of goals deep.
  for (const goal of goals) {
    const chain: Goal[] = [];
    const onChain = new Set<number>();
    for (let g: Goal | undefined = goal; g && !placed.has(g.id) && !onChain.has(g.id); g = g.alignsToId === null ? undefined : byId.get(g.alignsToId)) {
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
 * Which incoming notes the journal holds already. A note is the same record when its source key
 * matches (sourceKeyOf). A note without a key was typed here, or imported before notes kept their
 * keys: one with the same content stands for one incoming note, never for two, so that two equal
 * records of a file are both kept.
 */
function noteMatcher(existing: readonly DumpNote[]) {
  const byKey = new Map<string, number>();
  const unkeyed = new Map<string, number[]>();
  for (const n of existing) {
    byKey.set(sourceKeyOf('notes', n), n.id);
    if (n.sourceKey !== null) continue;
    const content = noteKey(n);
    const ids = unkeyed.get(content) ?? [];
    ids.push(n.id);
    unkeyed.set(content, ids);
  }
  const claimed = new Set<number>();
  return {
    find(sourceKey: string, content: string): number | undefined {
      const id = byKey.get(sourceKey);
      if (id !== undefined) {
        claimed.add(id);
        return id;
      }
      const candidates = unkeyed.get(content) ?? [];
      for (let c = candidates.shift(); c !== undefined; c = candidates.shift()) {
        if (!claimed.has(c)) {
          claimed.add(c);
          return c;
        }
      }
      return undefined;
    },
    add(sourceKey: string, id: number): void {
      byKey.set(sourceKey, id);
      claimed.add(id);
    },
  };
}

/** Notes from a jrnl export, added in one transaction; notes already in the journal are skipped. */
export function importJrnlNotes(store: Store, notes: readonly ImportedNote[], options: ImportOptions): ImportResult {
  return store.transaction(() => {
    const counts = emptyCounts();
    const progress = progressCounter(notes.length, options.onProgress);
    const now = options.now.toISOString();
    const existing = noteMatcher(store.journal.notes());
    for (const note of notes) {
      const record = { ...note, account: null, goalId: null, competencyIds: [], createdAt: now, updatedAt: now };
      const isNew = existing.find(note.sourceKey, noteKey(record)) === undefined;
      if (isNew) existing.add(note.sourceKey, store.journal.insertNote({ ...record, id: null }));
      counts.notes[isNew ? 'added' : 'skipped']++;
      progress.tick();
    }
    return result('merge', counts);
  });
}
