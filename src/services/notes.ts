import type { Day } from '../domain/calendar.js';
import { UsageError } from '../errors.js';
import { assertCanAdd, assertUpdateDate, assertGoalValuesInRange, assertProgressHasGoal } from '../domain/goals.js';
import { noteGist, type Note, type NoteType } from '../domain/notes.js';
import { extractHashtags, uniqueTags } from '../domain/tags.js';
import type { NoteFilter } from '../storage/notes-repo.js';
import type { Store } from '../storage/store.js';

export interface NoteInput {
  date: Day;
  text: string;
  type: NoteType;
  account: string | null;
  starred: boolean;
  /** Tags given with `-t`; the text's #hashtags are added here. */
  tags: readonly string[];
  /** The goal the note is about (`--goal`). */
  goalId?: number | null;
  /** What the note added to its goal (`--progress`): a goal update linked to the note. */
  progress?: number | null;
  /** Competencies the note is evidence for. */
  competencyIds?: readonly number[];
}

/** Records a note and, with progress, the goal update it makes, in one transaction. */
export function logNote(store: Store, input: NoteInput, now: Date): Note {
  return store.transaction(() => {
    const goalId = input.goalId ?? null;
    assertProgressHasGoal(input.progress, goalId);
    const id = store.notes.insert({ ...input, goalId }, now.toISOString());
    store.notes.setTags(id, uniqueTags([...extractHashtags(input.text), ...input.tags]));
    if (input.progress !== undefined && input.progress !== null) {
      saveProgress(store, id, { goalId, date: input.date, amount: input.progress }, now);
    }
    if (input.competencyIds?.length) store.competencies.linkNote(id, input.competencyIds);
    store.summarize(`log #${id} ${noteGist(input.text)}`);
    return mustGet(store, id);
  });
}

/** The id a note reference names: the id itself, or for `last` the newest note by id. */
export function resolveNoteRef(store: Store, ref: number | 'last'): number {
  if (ref !== 'last') return ref;
  const id = store.notes.newestId();
  if (id === null) throw new UsageError('there is no last note: the journal has no notes yet (perf log "..." adds one)');
  return id;
}

export function findNote(store: Store, id: number): Note {
  const note = store.notes.get(id);
  if (!note) throw new UsageError(`no note with id ${id}: see the ids with perf notes`);
  return note;
}

export function listNotes(store: Store, filter: NoteFilter): Note[] {
  return withSearchErrors(filter, () => store.notes.list(filter));
}

export function countNotes(store: Store, filter: NoteFilter): number {
  return withSearchErrors(filter, () => store.notes.count(filter));
}

function withSearchErrors<T>(filter: NoteFilter, read: () => T): T {
  try {
    return read();
  } catch (error) {
    // toFtsQuery quotes every word, so this is a last line of defence, not the usual path.
    if (filter.match && error instanceof Error && /fts5|MATCH/i.test(error.message)) {
      throw new UsageError(`invalid search ${JSON.stringify(filter.match)}: ${error.message}`);
    }
    throw error;
  }
}

export interface NoteChanges {
  text?: string;
  date?: Day;
  type?: NoteType;
  account?: string | null;
  starred?: boolean;
  addTags?: readonly string[];
  removeTags?: readonly string[];
  /** Another goal (its goal update moves with it), or null to unlink (its update goes). */
  goalId?: number | null;
  /** A new amount for the note's goal update, or null to remove the update and keep the link. */
  progress?: number | null;
  addCompetencyIds?: readonly number[];
  removeCompetencyIds?: readonly number[];
}

export function hasChanges(changes: NoteChanges): boolean {
  return Object.values(changes).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined));
}

/**
 * Changes a note. Tags follow the text: hashtags removed from the text are dropped, new ones
 * added; tags given with `-t` are kept until removed with `--untag`. A goal's value is the replay
 * of its updates, so the note's goal update follows the note: to its new day, its new goal, its new
 * amount; unlinking the note from its goal removes the update.
 */
export function editNote(store: Store, id: number, changes: NoteChanges, now: Date): Note {
  return store.transaction(() => {
    const note = findNote(store, id);
    const goalId = changes.goalId === undefined ? note.goalId : changes.goalId;
    assertProgressHasGoal(changes.progress, goalId);
    const text = changes.text ?? note.text;
    const oldHashtags = new Set(extractHashtags(note.text));
    const removed = new Set(changes.removeTags ?? []);
    const kept = note.tags.filter((tag) => !oldHashtags.has(tag) && !removed.has(tag));
    const tags = uniqueTags([...kept, ...extractHashtags(text), ...(changes.addTags ?? [])]).filter(
      (tag) => !removed.has(tag) || (changes.addTags ?? []).includes(tag),
    );
    store.notes.update(
      id,
      {
        date: changes.date ?? note.date,
        text,
        type: changes.type ?? note.type,
        account: changes.account === undefined ? note.account : changes.account,
        starred: changes.starred ?? note.starred,
        goalId,
      },
      now.toISOString(),
    );
    store.notes.setTags(id, tags);
    const progress = changes.progress === undefined ? note.progress : changes.progress;
    const moved = changes.goalId !== undefined || changes.progress !== undefined || changes.date !== undefined;
    if (moved) saveProgress(store, id, { goalId, date: changes.date ?? note.date, amount: progress }, now);
    if (changes.removeCompetencyIds?.length) store.competencies.unlinkNote(id, changes.removeCompetencyIds);
    if (changes.addCompetencyIds?.length) store.competencies.linkNote(id, changes.addCompetencyIds);
    store.summarize(`notes edit #${id} ${noteGist(text)}`);
    return mustGet(store, id);
  });
}

export function removeNote(store: Store, id: number): Note {
  return store.transaction(() => {
    const note = findNote(store, id);
    store.notes.remove(id);
    store.summarize(`notes rm #${id} ${noteGist(note.text)}`);
    return note;
  });
}

/** Makes the note's goal update match: created, moved or changed, or removed when there is no amount or goal. */
function saveProgress(
  store: Store,
  noteId: number,
  want: { goalId: number | null; date: Day; amount: number | null },
  now: Date,
): void {
  const existing = store.goals.updateOfNote(noteId);
  if (want.amount === null || want.goalId === null) {
    if (existing) store.goals.removeUpdate(existing.id);
    return;
  }
  const goal = store.goals.get(want.goalId);
  if (!goal) throw new UsageError(`no goal with id ${want.goalId}: see the ids with perf goals --all`);
  const to = { goalId: goal.id, date: want.date, amount: want.amount };
  if (existing?.goalId !== goal.id || existing.amount !== want.amount) assertCanAdd(goal, `--progress ${want.amount}`);
  assertUpdateDate(goal, want.date);
  if (existing) store.goals.moveUpdate(existing.id, to);
  else store.goals.insertUpdate({ ...to, kind: 'add', note: null, noteId }, now.toISOString());
  assertGoalValuesInRange(goal, store.goals.updates(goal.id));
}

function mustGet(store: Store, id: number): Note {
  const note = store.notes.get(id);
  if (!note) throw new Error(`note ${id} vanished inside its own transaction`);
  return note;
}
