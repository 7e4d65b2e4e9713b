/**
 * Notes from a `jrnl --export json` file. An entry's title and body become the note's text, its
 * `@tags` (or `#tags`) become tags, lower-cased and without the sign, a tag that names a note type
 * (`@win`, `@call`) also sets the type, `starred` is kept and the entry's date is the note's date.
 */
import { createHash } from 'node:crypto';
import { isDay, type Day } from './calendar.js';
import { importTag, refuseField, refuseFutureDay, refuseImport } from './import-records.js';
import { isNoteType, noteTextProblem, type NoteType } from './notes.js';
import { extractHashtags, uniqueTags } from './tags.js';

export interface ImportedNote {
  /** The entry's date, time, title and body, and its occurrence among exact repeats in the file. */
  sourceKey: string;
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

/** The entries as notes, oldest first (by date and time, file order for ties). */
/**
 * `today` is the import's day; an entry dated after `latest` is refused, as `perf log` refuses
 * one. `latest` is the day in the zone furthest ahead (calendar.ts latestDayOf): the file may
 * come from a machine whose today is our tomorrow.
 */
export function parseJrnlExport(value: unknown, source: string, today: Day, latest: Day = today): ImportedNote[] {
  if (!looksLikeJrnlExport(value)) {
    refuseImport(source, 'not a jrnl export (expected a JSON object with an "entries" list, from jrnl --export json)');
  }
  const entries = (value as { entries: unknown[] }).entries;
  const seen = new Map<string, number>();
  const notes = entries.map((entry, index) => {
    const where = `entries[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      refuseField(where, 'entry', entry, 'use an object with a date, a title and a body');
    }
    const e = entry as Record<string, unknown>;
    const time = typeof e.time === 'string' ? e.time : '';
    const parsed = parseEntry(e, where, today, latest);
    // jrnl writes the same entry twice only when it was written twice; each repeat is its own record.
    const identity = createHash('sha256')
      .update(JSON.stringify([e.date, time, e.title ?? '', e.body ?? '']))
      .digest('hex');
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return { note: { ...parsed, sourceKey: `jrnl:${identity}:${occurrence}` }, time, index };
  });
  return notes
    .sort(
      (a, b) =>
        (a.note.date < b.note.date ? -1 : a.note.date > b.note.date ? 1 : 0) ||
        (a.time < b.time ? -1 : a.time > b.time ? 1 : 0) ||
        a.index - b.index,
    )
    .map(({ note }) => note);
}

function parseEntry(e: Record<string, unknown>, where: string, today: Day, latest: Day): Omit<ImportedNote, 'sourceKey'> {
  if (typeof e.date !== 'string' || !isDay(e.date)) refuseField(where, 'date', e.date, 'use YYYY-MM-DD');
  if (e.date > latest) refuseFutureDay(where, 'date', e.date, today);
  if (e.title !== undefined && typeof e.title !== 'string') refuseField(where, 'title', e.title, 'use a text');
  if (e.body !== undefined && e.body !== null && typeof e.body !== 'string') refuseField(where, 'body', e.body, 'use a text');
  const title = ((e.title as string | undefined) ?? '').trim();
  const body = ((e.body as string | null | undefined) ?? '').replace(/\r\n?/g, '\n').trim();
  const text = [title, body].filter(Boolean).join('\n');
  if (!text) refuseImport(where, 'its title and body are both empty; give it words in one of them');
  const problem = noteTextProblem(text);
  if (problem) refuseField(where, 'body', text, problem);

  if (e.starred !== undefined && typeof e.starred !== 'boolean') refuseField(where, 'starred', e.starred, 'use true or false');
  if (e.tags !== undefined && !Array.isArray(e.tags)) refuseField(where, 'tags', e.tags, 'use a list of tags');
  // jrnl writes tags with their sign: "@work".
  const listed = ((e.tags as unknown[] | undefined) ?? []).map((tag) => importTag(tag, where, (t) => t.trim().replace(/^[@#]/, '')));
  const tags = uniqueTags([...listed, ...extractHashtags(text)]);
  return {
    date: e.date,
    text,
    type: tags.find(isNoteType) ?? 'note',
    starred: e.starred === true,
    tags,
  };
}
