import { UsageError, quote } from '../errors.js';
import type { Day } from './calendar.js';

export const NOTE_TYPES = ['call', 'meeting', 'demo', 'proposal', 'win', 'loss', 'learning', 'challenge', 'note'] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

export interface Note {
  id: number;
  date: Day;
  text: string;
  tags: string[];
  type: NoteType;
  account: string | null;
  starred: boolean;
  goal: string | null;
  goalId: number | null;
  progress: number | null;
  competencies: string[];
  createdAt: string;
  updatedAt: string;
}

export function isNoteType(value: string): value is NoteType {
  return (NOTE_TYPES as readonly string[]).includes(value);
}

export function parseNoteType(value: string): NoteType {
  const type = value.trim().toLowerCase();
  if (!isNoteType(type)) throw new UsageError(`unknown note type ${quote(value)}: use one of ${NOTE_TYPES.join(', ')}`);
  return type;
}

/** Note text as stored: trailing white space trimmed, inner line breaks kept; empty is an error. */
export function normalizeNoteText(text: string): string {
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  if (!trimmed) throw new UsageError('the note is empty: give its text as arguments, on stdin, or at the prompt');
  return trimmed;
}

/** An account name with inner white space collapsed; empty means none. */
export function normalizeAccount(account: string | undefined | null): string | null {
  const value = account?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
}

/** The JSON shape of a note in CLI.md. */
export function noteToJson(note: Note) {
  return {
    id: note.id,
    date: note.date,
    text: note.text,
    tags: note.tags,
    type: note.type,
    account: note.account,
    starred: note.starred,
    goal: note.goal,
    progress: note.progress,
    competencies: note.competencies,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
  };
}
