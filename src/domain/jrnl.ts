/**
 * Notes from a `jrnl --export json` file. An entry's title and body become the note's text, its
 * `@tags` (or `#tags`) become tags, lower-cased and without the sign, a tag that names a note type
 * (`@win`, `@call`) also sets the type, `starred` is kept and the entry's date is the note's date.
 */
import { UsageError, quote } from '../errors.js';
import { isDay, type Day } from './calendar.js';
import { isNoteType, type NoteType } from './notes.js';
import { extractHashtags, parseTag, uniqueTags } from './tags.js';

export interface ImportedNote {
  date: Day;
  text: string;
  type: NoteType;
  starred: boolean;
  tags: string[];
}

/** Whether a parsed JSON document has the shape of a jrnl export. */
export function looksLikeJrnlExport(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Array.isArray((value as { entries?: unknown }).entries);
}

function fail(where: string, field: string, problem: string): never {
  throw new UsageError(`invalid ${where}: field "${field}" ${problem}; nothing was imported`);
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = typeof value === 'string' ? quote(value) : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** The entries as notes, oldest first (by date and time, file order for ties). */
export function parseJrnlExport(value: unknown, source: string): ImportedNote[] {
  if (!looksLikeJrnlExport(value)) {
    throw new UsageError(`invalid ${source}: not a jrnl export (expected a JSON object with an "entries" list, from jrnl --export json); nothing was imported`);
  }
  const entries = (value as { entries: unknown[] }).entries;
  const notes = entries.map((entry, index) => {
    const where = `entry entries[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new UsageError(`invalid ${where}: it is ${show(entry)}, not an object; nothing was imported`);
    }
    const e = entry as Record<string, unknown>;
    const label = typeof e.date === 'string' && typeof e.title === 'string' ? `${where} (${e.date} ${quote(e.title.slice(0, 30))})` : where;
    return { note: parseEntry(e, label), time: typeof e.time === 'string' ? e.time : '', index };
  });
  return notes
    .sort((a, b) => (a.note.date < b.note.date ? -1 : a.note.date > b.note.date ? 1 : 0) || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0) || a.index - b.index)
    .map(({ note }) => note);
}

function parseEntry(e: Record<string, unknown>, where: string): ImportedNote {
  if (typeof e.date !== 'string' || !isDay(e.date)) fail(where, 'date', `is ${show(e.date)}, not a date (YYYY-MM-DD)`);
  if (e.title !== undefined && typeof e.title !== 'string') fail(where, 'title', `is ${show(e.title)}, not a text`);
  if (e.body !== undefined && e.body !== null && typeof e.body !== 'string') fail(where, 'body', `is ${show(e.body)}, not a text`);
  const title = ((e.title as string | undefined) ?? '').trim();
  const body = ((e.body as string | null | undefined) ?? '').replace(/\r\n?/g, '\n').trim();
  const text = [title, body].filter(Boolean).join('\n');
  if (!text) fail(where, 'title', 'and "body" are both empty');

  if (e.starred !== undefined && typeof e.starred !== 'boolean') fail(where, 'starred', `is ${show(e.starred)}, not true or false`);
  if (e.tags !== undefined && !Array.isArray(e.tags)) fail(where, 'tags', `is ${show(e.tags)}, not a list`);
  const listed = ((e.tags as unknown[] | undefined) ?? []).map((tag) => {
    if (typeof tag !== 'string') fail(where, 'tags', `holds ${show(tag)}, not a tag`);
    try {
      return parseTag(tag.trim().replace(/^[@#]/, ''));
    } catch {
      return fail(where, 'tags', `holds ${show(tag)}, not a tag (letters, digits, "_", "-" or "/")`);
    }
  });
  const tags = uniqueTags([...listed, ...extractHashtags(text)]);
  return {
    date: e.date,
    text,
    type: tags.find(isNoteType) ?? 'note',
    starred: e.starred === true,
    tags,
  };
}
