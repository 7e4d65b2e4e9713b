import { UsageError, quote } from '../errors.js';
import type { Day } from './calendar.js';
import { parseNumber, type NumberReading } from './numbers.js';

/** The built-in note types: what a journal accepts until `note.types` names the rep's own list. */
export const NOTE_TYPES = ['call', 'email', 'meeting', 'demo', 'proposal', 'win', 'loss', 'learning', 'challenge', 'note'] as const;
/** Any word a journal accepts (see noteTypesFrom); the built-ins are only the default list. */
export type NoteType = string;
/** A note without `--type` is a `note`, so that word is accepted whatever `note.types` says. */
export const DEFAULT_NOTE_TYPE = 'note';

export interface Note {
  id: number;
  date: Day;
  text: string;
  tags: string[];
  type: NoteType;
  account: string | null;
  starred: boolean;
  /** The slug and id of the deal the note is about, or null. */
  deal: string | null;
  dealId: number | null;
  /** Every goal the note moves, in the order the goals were made; each with what it added, if anything. */
  goals: NoteGoal[];
  /** The goal, its id and progress when the note has exactly one goal; null with none or several. */
  goal: string | null;
  goalId: number | null;
  progress: number | null;
  competencies: string[];
  createdAt: string;
  updatedAt: string;
}

/** One goal a note moves: a link, with the amount of the goal update the note made (null: none). */
export interface NoteGoal {
  goalId: number;
  slug: string;
  progress: number | null;
}

/** `goal`, `goalId` and `progress` follow from the links: set only when there is exactly one. */
export function singleGoal(goals: readonly NoteGoal[]): Pick<Note, 'goal' | 'goalId' | 'progress'> {
  const [only] = goals;
  return goals.length === 1 && only
    ? { goal: only.slug, goalId: only.goalId, progress: only.progress }
    : { goal: null, goalId: null, progress: null };
}

/** The CSV cell and one-line form of a note's goals: `arr:34000;logos:1;refs`. */
export function goalsCell(goals: readonly { slug: string; progress: number | null }[]): string {
  return goals.map((g) => (g.progress === null ? g.slug : `${g.slug}:${g.progress}`)).join(';');
}

/** One `--goal` value: `q3-arr` links the goal, `q3-arr:34000` also adds 34000 to it. */
export interface GoalOption {
  ref: string;
  amount: number | null;
  /** As typed, for messages. */
  shown: string;
}

/** Reads `--goal <goal>[:<amount>]`; the goal itself is looked up later, the amount is checked here. */
export function parseGoalOption(value: string, reading: NumberReading = {}): GoalOption {
  const colon = value.indexOf(':');
  if (colon < 0) return { ref: value.trim(), amount: null, shown: value };
  const ref = value.slice(0, colon).trim();
  const raw = value.slice(colon + 1);
  if (!ref) throw new UsageError(`--goal ${quote(value)} names no goal before the colon: use <goal>[:<amount>], e.g. q3-arr:34000`);
  if (!raw.trim()) {
    throw new UsageError(
      `--goal ${quote(value)} has no amount after the colon: use <goal>:<amount> with a number, e.g. ${ref}:34000, or just ${ref}`,
    );
  }
  return { ref, amount: parseNumber(raw, `amount in --goal ${quote(value)},`, reading), shown: value };
}

/** One of the built-in types (a jrnl tag such as @win becomes the note's type). */
export function isNoteType(value: string): boolean {
  return (NOTE_TYPES as readonly string[]).includes(value);
}

/** What a note type may be: a lowercase word (dashes inside allowed), as `renewal` or `follow-up`. */
export function isNoteTypeWord(value: string): boolean {
  return /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(value) && value.length <= 30;
}

/** The types a journal accepts: its `note.types` setting (stored normalized), else the built-ins; `note` always. */
export function noteTypesFrom(setting: string | null | undefined): string[] {
  const listed = setting ? setting.split(',').map((word) => word.trim()) : [...NOTE_TYPES];
  return listed.includes(DEFAULT_NOTE_TYPE) ? listed : [...listed, DEFAULT_NOTE_TYPE];
}

/** Reads `perf config set note.types "call, email, renewal"`: lowercase words, given once each. */
export function parseNoteTypeList(value: string): string[] {
  const words = value
    .split(',')
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
  const bad = words.find((word) => !isNoteTypeWord(word));
  if (words.length === 0 || bad !== undefined) {
    throw new UsageError(
      `invalid note.types ${quote(value)}: ${bad === undefined ? 'it names no type' : `${quote(bad)} is not a word`}; use comma-separated lowercase words, e.g. "call,email,renewal,win,loss,note"`,
    );
  }
  return [...new Set(words)];
}

/** A type typed by the rep, checked against the journal's accepted list. */
export function parseNoteType(value: string, accepted: readonly string[] = noteTypesFrom(null), from?: string): NoteType {
  const type = value.trim().toLowerCase();
  if (!accepted.includes(type)) {
    // `from` says where a type the rep did not type comes from: `in template "renewal" (…)`.
    throw new UsageError(
      `unknown note type ${quote(value)}${from ? ` ${from}` : ''}: use one of ${accepted.join(', ')} (your own types: perf config set note.types)`,
    );
  }
  return type;
}

/**
 * The most text one note holds, in UTF-8 bytes. A journal entry is words, not a file: a 50 MB
 * "note" made every listing read and wrap it (8 s, 1.6 GB), so the limit is far above any real
 * entry and far below what hurts.
 */
export const MAX_NOTE_BYTES = 1024 * 1024;

/** What is wrong with a note's text as stored, or null: too long, or holding a NUL (SQLite's text functions stop at it). */
export function noteTextProblem(text: string): string | null {
  // Cheap bound first: a UTF-8 character is at most 3 bytes per UTF-16 unit.
  if (text.length * 3 > MAX_NOTE_BYTES) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_NOTE_BYTES)
      return `it is ${describeBytes(bytes)} of text; a note holds at most 1 MiB (${MAX_NOTE_BYTES.toLocaleString('en-US')} bytes)`;
  }
  if (text.includes('\0')) return 'it contains a NUL character (\\0), which a note cannot hold; remove it';
  return null;
}

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB (${bytes.toLocaleString('en-US')} bytes)`
    : `${bytes.toLocaleString('en-US')} bytes`;
}

/** Note text as stored: trailing white space trimmed, inner line breaks kept; empty is an error. */
export function normalizeNoteText(text: string): string {
  const problem = noteTextProblem(text);
  if (problem) throw new UsageError(`the note cannot be saved: ${problem}`);
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
    deal: note.deal,
    goals: note.goals.map((g) => ({ slug: g.slug, progress: g.progress })),
    goal: note.goal,
    progress: note.progress,
    competencies: note.competencies,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
  };
}

/** A note's text cut short for the undo log's summary: `"Called Acme about the…"`. */
export function noteGist(text: string, length = 30): string {
  const line = text.replace(/\s+/g, ' ').trim();
  // Quoted as typed (not JSON-escaped): the views show control characters inertly, as everywhere.
  return `"${line.length > length ? `${line.slice(0, length - 1).trimEnd()}…` : line}"`;
}
