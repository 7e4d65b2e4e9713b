import type { Day } from '../domain/calendar.js';
import { UsageError } from '../errors.js';
import type { Note, NoteType } from '../domain/notes.js';
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
  /** Competencies the note is evidence for. */
  competencyIds?: readonly number[];
}

export function logNote(store: Store, input: NoteInput, now: Date): Note {
  return store.transaction(() => {
    const id = store.notes.insert({ ...input, goalId: null }, now.toISOString());
    store.notes.setTags(id, uniqueTags([...extractHashtags(input.text), ...input.tags]));
    if (input.competencyIds?.length) store.competencies.linkNote(id, input.competencyIds);
    return mustGet(store, id);
  });
}

export function findNote(store: Store, id: number): Note {
  const note = store.notes.get(id);
  if (!note) throw new UsageError(`no note with id ${id}: see the ids with perf notes`);
  return note;
}

export function listNotes(store: Store, filter: NoteFilter): Note[] {
  try {
    return store.notes.list(filter);
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
  addCompetencyIds?: readonly number[];
  removeCompetencyIds?: readonly number[];
}

export function hasChanges(changes: NoteChanges): boolean {
  return Object.values(changes).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined));
}

/**
 * Changes a note. Tags follow the text: hashtags removed from the text are dropped, new ones
 * added; tags given with `-t` are kept until removed with `--untag`.
 */
export function editNote(store: Store, id: number, changes: NoteChanges, now: Date): Note {
  return store.transaction(() => {
    const note = findNote(store, id);
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
        goalId: note.goalId,
      },
      now.toISOString(),
    );
    store.notes.setTags(id, tags);
    if (changes.removeCompetencyIds?.length) store.competencies.unlinkNote(id, changes.removeCompetencyIds);
    if (changes.addCompetencyIds?.length) store.competencies.linkNote(id, changes.addCompetencyIds);
    return mustGet(store, id);
  });
}

export function removeNote(store: Store, id: number): Note {
  return store.transaction(() => {
    const note = findNote(store, id);
    store.notes.remove(id);
    return note;
  });
}

function mustGet(store: Store, id: number): Note {
  const note = store.notes.get(id);
  if (!note) throw new Error(`note ${id} vanished inside its own transaction`);
  return note;
}
