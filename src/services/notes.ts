import type { Day } from '../domain/calendar.js';
import { UsageError } from '../errors.js';
import { assertCanAdd, assertUpdateDate, assertGoalValuesInRange, assertProgressHasGoal } from '../domain/goals.js';
import { quote } from '../errors.js';
import { noteGist, type Note, type NoteType } from '../domain/notes.js';
import { extractHashtags, uniqueTags } from '../domain/tags.js';
import type { NoteFilter } from '../storage/notes-repo.js';
import type { Store } from '../storage/store.js';
import { assertChanged } from '../domain/records.js';

export interface NoteInput {
  date: Day;
  text: string;
  type: NoteType;
  account: string | null;
  starred: boolean;
  /** The deal the note is about (`--deal`), or none. */
  dealId?: number | null;
  /** Tags given with `-t`; the text's #hashtags are added here. */
  tags: readonly string[];
  /** The goals the note moves (`--goal`), each with what it added (a goal update linked to the note), or null. */
  goals?: readonly GoalLink[];
  /** Competencies the note is evidence for. */
  competencyIds?: readonly number[];
}

/** A goal a note moves and what it added to it (null: linked, no progress). */
export interface GoalLink {
  goalId: number;
  progress: number | null;
}

/** Records a note, its goal links and the goal updates it makes, in one transaction. */
export function logNote(store: Store, input: NoteInput, now: Date): Note {
  return store.transaction(() => {
    const id = store.notes.insert(input, now.toISOString());
    store.notes.setTags(id, uniqueTags([...extractHashtags(input.text), ...input.tags]));
    for (const link of input.goals ?? []) {
      store.notes.linkGoal(id, link.goalId);
      saveProgress(store, id, { goalId: link.goalId, date: input.date, amount: link.progress }, now);
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
    if ((filter.match || filter.trigram) && error instanceof Error && /fts5|MATCH/i.test(error.message)) {
      throw new UsageError(`invalid search ${JSON.stringify(filter.match ?? filter.trigram)}: ${error.message}`);
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
  /** `--deal` links another deal; null (`--no-deal`) unlinks it. */
  dealId?: number | null;
  addTags?: readonly string[];
  removeTags?: readonly string[];
  /** `--goal ""`: unlink every goal (their updates go). Applied first. */
  clearGoals?: boolean;
  /** `--remove-goal`: unlink these goals (their updates go). */
  removeGoalIds?: readonly number[];
  /**
   * `--goal g[:amount]`: link g, or change what the note added to it (an amount of undefined keeps
   * it). A bare goal given alone for a note with exactly one goal moves the note (and its
   * progress) to it, as `--goal` did when a note had one goal.
   */
  goals?: readonly { goalId: number; amount?: number; shown: string }[];
  /** A new amount for the note's only goal, or null to remove its update and keep the link. */
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
    const { links, movedFrom } = planGoals(store, note, changes);
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
        dealId: changes.dealId === undefined ? note.dealId : changes.dealId,
      },
      now.toISOString(),
    );
    store.notes.setTags(id, tags);
    const date = changes.date ?? note.date;
    for (const [goalId, amount] of links) {
      store.notes.linkGoal(id, goalId);
      const from = movedFrom !== null && goalId !== movedFrom ? movedFrom : goalId;
      saveProgress(store, id, { goalId, date, amount }, now, from);
    }
    for (const old of note.goals) {
      if (links.has(old.goalId)) continue;
      const update = store.goals.updateOfNote(id, old.goalId);
      if (update) store.goals.removeUpdate(update.id);
      store.notes.unlinkGoal(id, old.goalId);
    }
    if (changes.removeCompetencyIds?.length) store.competencies.unlinkNote(id, changes.removeCompetencyIds);
    if (changes.addCompetencyIds?.length) store.competencies.linkNote(id, changes.addCompetencyIds);
    const edited = mustGet(store, id);
    assertChanged(note, edited, `note #${id}`);
    store.summarize(`notes edit #${id} ${noteGist(text)}`);
    return edited;
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

/**
 * The goals a note edit leaves linked, each with its amount, in order; and the goal whose update
 * moves to another (a one-goal note given `--goal g`), or null. Refuses what cannot be meant.
 */
function planGoals(store: Store, note: Note, changes: NoteChanges): { links: Map<number, number | null>; movedFrom: number | null } {
  const slug = (goalId: number) => store.goals.get(goalId)?.slug ?? String(goalId);
  const links = new Map<number, number | null>(changes.clearGoals ? [] : note.goals.map((g) => [g.goalId, g.progress]));
  const given = changes.goals ?? [];
  const removed = changes.removeGoalIds ?? [];
  if (changes.clearGoals && removed.length > 0) {
    throw new UsageError(`--goal "" already unlinks every goal: leave out --remove-goal ${quote(slug(removed[0] as number))}`);
  }
  const twice = removed.find((goalId, i) => removed.indexOf(goalId) !== i);
  if (twice !== undefined) throw new UsageError(`goal ${quote(slug(twice))} is given twice with --remove-goal: give it once`);
  for (const goalId of removed) {
    if (given.some((g) => g.goalId === goalId)) {
      throw new UsageError(`goal ${quote(slug(goalId))} is both given with --goal and removed with --remove-goal: give it once`);
    }
    if (!links.delete(goalId)) {
      const linked = note.goals.map((g) => g.slug).join(', ') || 'none';
      throw new UsageError(`note #${note.id} is not linked to goal ${quote(slug(goalId))}: its goals are ${linked}`);
    }
  }
  let movedFrom: number | null = null;
  const [only] = given;
  const [current] = [...links.keys()];
  if (given.length === 1 && only && only.amount === undefined && links.size === 1 && current !== undefined && current !== only.goalId) {
    // The one-goal case as it always was: the note, with its progress, is about another goal now.
    movedFrom = current;
    links.set(only.goalId, links.get(current) ?? null);
    links.delete(current);
  } else {
    for (const goal of given) links.set(goal.goalId, goal.amount === undefined ? (links.get(goal.goalId) ?? null) : goal.amount);
  }
  if (changes.progress !== undefined) {
    assertProgressHasGoal(changes.progress, links.size > 0 ? true : null);
    const amounts = given.filter((g) => g.amount !== undefined);
    if (amounts.length > 0)
      throw new UsageError(`--progress and --goal ${quote(amounts[0]?.shown ?? '')} both give an amount: give it once`);
    const [goalId] = [...links.keys()];
    if (links.size === 0) throw new UsageError(`note #${note.id} moves no goal: link one with its amount, e.g. --goal <goal>:<amount>`);
    if (links.size !== 1 || goalId === undefined) {
      const names = [...links.keys()].map(slug);
      throw new UsageError(
        `--progress needs a note with one goal; note #${note.id} would have ${names.length} goals (${names.join(', ')}): give the amount with its goal instead, e.g. --goal ${names[0]}:${changes.progress ?? 0}`,
      );
    }
    links.set(goalId, changes.progress);
  }
  return { links: new Map([...links].sort(([a], [b]) => a - b)), movedFrom };
}

/**
 * Makes the note's update of a goal match: created, moved (from the update it made on `from`) or
 * changed, or removed when there is no amount.
 */
function saveProgress(
  store: Store,
  noteId: number,
  want: { goalId: number; date: Day; amount: number | null },
  now: Date,
  from = want.goalId,
): void {
  const existing = store.goals.updateOfNote(noteId, from);
  if (want.amount === null) {
    if (existing) store.goals.removeUpdate(existing.id);
    return;
  }
  const goal = store.goals.get(want.goalId);
  if (!goal) throw new UsageError(`no goal with id ${want.goalId}: see the ids with perf goals --all`);
  const to = { goalId: goal.id, date: want.date, amount: want.amount };
  if (existing?.goalId !== goal.id || existing.amount !== want.amount) assertCanAdd(goal, `--goal ${goal.slug}:${want.amount}`);
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
