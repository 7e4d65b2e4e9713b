/**
 * Importing an export into a journal that already holds records: each record is added unless the
 * journal has it already, with the file's ids mapped to the journal's (see startDumpImport).
 */
import { settingsFrom } from '../domain/config.js';
import type { DumpOutline } from '../domain/dump-checker.js';
import { uniqueSlug } from '../domain/goal-refs.js';
import { refuseField } from '../domain/import-records.js';
import {
  DUMP_TABLES,
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
import type { JournalRepo } from '../storage/journal-repo.js';
import type { Store } from '../storage/store.js';

export type Count = (table: DumpTable, wasAdded: boolean) => void;

/** Writes the records of a checked export as they are read: a restore or a merge. */
export interface Writer {
  /** `restore`: into a journal that holds nothing but the seeded framework. */
  mode: 'restore' | 'merge';
  record<T extends RecordTable>(table: T, index: number, record: DumpRecords[T]): void;
  end(table: RecordTable): void;
  finish(): void;
}

const key = (...parts: unknown[]) => JSON.stringify(parts);

type Handlers = { [T in RecordTable]: (record: DumpRecords[T], index: number) => void };
/** The journal's record that is this one, if any, and the source key it is known by. */
type Known = (
  table: KeyedTable,
  record: { id: number; createdAt: string; sourceKey: string | null },
  sameContent: () => number[],
) => { sourceKey: string; id: number | undefined };

export function merger(store: Store, outline: DumpOutline, count: Count): Writer {
  const repo = store.journal;
  const fileJournal = outline.journalId;
  const sameJournal = fileJournal !== null && fileJournal === repo.journalId();
  const claimed = Object.fromEntries(DUMP_TABLES.map((t) => [t, new Set<number>()])) as Record<RecordTable, Set<number>>;

  /** The journal's record that is this one (see startDumpImport), claimed so it stands for no other. */
  const known: Known = (table, record, sameContent) => {
    const sourceKey = sourceKeyOf(table, record, fileJournal);
    let id = repo.findBySourceKey(table, sourceKey);
    if (id === undefined && sameJournal && record.sourceKey === null) id = repo.findTyped(table, record.id, record.createdAt);
    id ??= sameContent().find((candidate) => !claimed[table].has(candidate));
    if (id !== undefined) claimed[table].add(id);
    return { sourceKey, id };
  };

  const scaleMax = mergeConfig(store, outline, count);

  const { competencies, competency } = competencyMerger(repo, count);

  // Goals are kept until their list ends, to be taken parents first (a journal has tens of them).
  const incomingGoals: DumpGoal[] = [];
  let goalIds = new Map<number, number>();
  const goal = (id: number | null) => (id === null ? null : (goalIds.get(id) ?? null));
  const noteIds = new Map<number, number>();
  const dealIds = new Map<number, number>();
  const dealSlugs = repo.dealSlugs();

  const handlers: Handlers = {
    competencies,
    goals(g) {
      incomingGoals.push(g);
    },
    deals(d) {
      // A deal a CRM knows by its id is the same deal however it came in: never entered twice.
      const byExternalId = d.externalId === null ? undefined : repo.dealByExternalId(d.externalId);
      const { sourceKey, id: knownId } =
        byExternalId === undefined
          ? known('deals', d, () => repo.keylessMatches('deals', dealContent(d)))
          : { sourceKey: sourceKeyOf('deals', d, fileJournal), id: byExternalId };
      let id = knownId;
      if (id === undefined) {
        const slug = uniqueSlug(d.slug, dealSlugs);
        dealSlugs.add(slug);
        id = repo.insertDeal({ ...d, id: null, slug, sourceKey });
      }
      dealIds.set(d.id, id);
      count('deals', knownId === undefined);
    },
    reflections(r) {
      // One reflection per range: the journal's own words for a range stand, as its settings do.
      const { sourceKey, id: found } = known('reflections', r, () => []);
      const same = found ?? repo.reflectionFor(r.from, r.to);
      if (same === undefined) repo.insertReflection({ ...r, id: null, sourceKey });
      count('reflections', same === undefined);
    },
    ...mergeRecordHandlers({ repo, count, scaleMax, known, competency, goal, noteIds, dealIds }),
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
 * Competencies are the same one when the slug or the name matches (a journal has a dozen). Returns
 * the handler and the lookup from the file's competency ids to the journal's.
 */
function competencyMerger(repo: JournalRepo, count: Count) {
  const competencyIds = new Map<number, number>();
  const existingCompetencies = repo.competencies();
  const competencyBySlug = new Map(existingCompetencies.map((c) => [c.slug, c.id]));
  const competencyByName = new Map(existingCompetencies.map((c) => [c.name.toLowerCase(), c.id]));
  return {
    competencies(c: DumpCompetency) {
      const found = competencyBySlug.get(c.slug) ?? competencyByName.get(c.name.toLowerCase());
      const id = found ?? repo.insertCompetency({ ...c, id: null });
      competencyIds.set(c.id, id);
      competencyBySlug.set(c.slug, id);
      competencyByName.set(c.name.toLowerCase(), id);
      count('competencies', found === undefined);
    },
    competency: (id: number | null) => (id === null ? null : (competencyIds.get(id) ?? null)),
  };
}

/** A setting the journal already has is the journal's; the file only fills in the others. Returns the rating scale. */
function mergeConfig(store: Store, outline: DumpOutline, count: Count): number {
  const existingConfig = Object.fromEntries(store.config.all());
  for (const [name, value] of Object.entries(outline.config)) {
    const isNew = existingConfig[name] === undefined;
    if (isNew) store.journal.insertConfig(name, value);
    count('config', isNew);
  }
  return settingsFrom(new Map(Object.entries({ ...outline.config, ...existingConfig }))).scaleMax;
}

/** What a merge has mapped so far, from the file's ids to the journal's. */
interface MergeState {
  repo: JournalRepo;
  count: Count;
  scaleMax: number;
  known: Known;
  competency: (id: number | null) => number | null;
  goal: (id: number | null) => number | null;
  noteIds: Map<number, number>;
  dealIds: Map<number, number>;
}

function dealContent(d: DumpRecords['deals']) {
  return {
    name: d.name,
    account: d.account,
    value: d.value,
    stage: d.stage,
    status: d.status,
    expectedClose: d.expectedClose,
    closedOn: d.closedOn,
    reason: d.reason,
  };
}

// What makes a record without a source key the same as one the journal holds (journal-lookups.ts
// RecordContent), with the competency id already mapped to the journal's.

function ratingContent(r: DumpRecords['ratings'], competencyId: number) {
  return { competencyId, date: r.date, rating: r.rating, source: r.source, ratedBy: r.ratedBy, note: r.note };
}

function feedbackContent(f: DumpRecords['feedback'], competencyId: number | null) {
  return { date: f.date, from: f.from, relationship: f.relationship, competencyId, text: f.text };
}

function developmentContent(d: DumpRecords['development'], competencyId: number | null) {
  return {
    title: d.title,
    competencyId,
    assignedBy: d.assignedBy,
    due: d.due,
    status: d.status,
    startedOn: d.startedOn,
    startNote: d.startNote,
    completedOn: d.completedOn,
    outcome: d.outcome,
  };
}

/** The tables after goals: each record is added unless the journal already has it. */
function mergeRecordHandlers({
  repo,
  count,
  scaleMax,
  known,
  competency,
  goal,
  noteIds,
  dealIds,
}: MergeState): Omit<Handlers, 'competencies' | 'goals' | 'deals' | 'reflections'> {
  return {
    notes(n: DumpNote) {
      const mapped = {
        ...n,
        goalIds: n.goalIds.map((id) => goal(id) ?? id),
        competencyIds: n.competencyIds.map((id) => competency(id) ?? id),
        dealId: n.dealId === null ? null : (dealIds.get(n.dealId) ?? null),
      };
      const content = noteKey(mapped);
      const { sourceKey, id: found } = known('notes', n, () =>
        repo
          .keylessNotes(n.date, n.text)
          .filter((c) => noteKey(c) === content)
          .map((c) => c.id),
      );
      const id = found ?? repo.insertNote({ ...mapped, id: null, sourceKey });
      noteIds.set(n.id, id);
      count('notes', found === undefined);
    },
    goalCheckins(c) {
      const goalId = goal(c.goalId) ?? c.goalId;
      const { sourceKey, id: found } = known('goalCheckins', c, () =>
        repo.keylessMatches('goalCheckins', { goalId, date: c.date, kind: c.kind, amount: c.amount, note: c.note }),
      );
      if (found === undefined) {
        let noteId = c.noteId === null ? null : (noteIds.get(c.noteId) ?? null);
        // A note backs at most one update per goal; if the journal's copy of the note already backs one, keep that link.
        if (noteId !== null && repo.noteBacksGoalUpdate(noteId, goalId)) noteId = null;
        repo.insertGoalUpdate({ ...c, id: null, goalId, noteId, sourceKey });
      }
      count('goalCheckins', found === undefined);
    },
    ratings(r, index) {
      if (r.rating > scaleMax) {
        refuseField(`ratings[${index}] (id ${r.id})`, 'rating', r.rating, `use a whole number from 1 to ${scaleMax}, this journal's scale`);
      }
      const competencyId = competency(r.competencyId) ?? r.competencyId;
      const { sourceKey, id: found } = known('ratings', r, () => repo.keylessMatches('ratings', ratingContent(r, competencyId)));
      if (found === undefined) repo.insertRating({ ...r, id: null, competencyId, sourceKey });
      count('ratings', found === undefined);
    },
    feedback(f) {
      const competencyId = competency(f.competencyId);
      const { sourceKey, id: found } = known('feedback', f, () => repo.keylessMatches('feedback', feedbackContent(f, competencyId)));
      if (found === undefined) repo.insertFeedback({ ...f, id: null, competencyId, sourceKey });
      count('feedback', found === undefined);
    },
    development(d) {
      const competencyId = competency(d.competencyId);
      const { sourceKey, id: found } = known('development', d, () =>
        repo.keylessMatches('development', developmentContent(d, competencyId)),
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
    // A rolled goal comes after the one it continues (a higher id), so that one is mapped already.
    const rolledFrom = g.rolledFrom === null ? null : (ids.get(g.rolledFrom) ?? null);
    const id = repo.insertGoal({ ...g, id: null, slug, alignsToId: null, rolledFrom, sourceKey });
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
    for (
      let g: DumpGoal | undefined = goal;
      g && !placed.has(g.id) && !onChain.has(g.id);
      g = g.alignsToId === null ? undefined : byId.get(g.alignsToId)
    ) {
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
