import type { Context, InStream } from '../context.js';
import type { Day } from '../domain/calendar.js';
import type { DateMode, DateParser } from '../domain/dates.js';
import type { DateOrder } from '../domain/locale.js';
import { MAX_NOTE_BYTES, describeBytes, noteTypesFrom } from '../domain/notes.js';
import { UsageError } from '../errors.js';

/** Reads all of stdin as UTF-8 (for `echo "..." | perf log`). */
export async function readStdin(stdin: InStream): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    bytes += buffer.length;
    // Past the limit only the size is kept, so a huge pipe costs no memory and the message can name it.
    if (bytes <= MAX_NOTE_BYTES) chunks.push(buffer);
  }
  if (bytes > MAX_NOTE_BYTES) {
    throw new UsageError(
      `the note cannot be saved: it is ${describeBytes(bytes)} of text; a note holds at most 1 MiB (${MAX_NOTE_BYTES.toLocaleString('en-US')} bytes)`,
    );
  }
  // Decoded once, whole, so that a character split between chunks is not garbled.
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A day typed by the user. The date parser (and chrono-node behind it) loads only when the text
 * is not simply today, so a plain `perf log "..."` never pays for it.
 */
export async function parseWhen(ctx: Context, text: string | undefined, mode: DateMode = 'past', label = 'date'): Promise<Day> {
  if (text === undefined) return ctx.today();
  const { parseDate } = await import('../domain/dates.js');
  return parseDate(text, { now: ctx.now(), mode, label, ...(await dateReading(ctx, text)) });
}

/**
 * The order of numeric dates (dates.order, else the locale's) and, for text with words in a
 * language chrono knows, its parser: loaded only then, as each costs tens of milliseconds.
 */
export async function dateReading(ctx: Context, text?: string): Promise<{ order: DateOrder; parser?: DateParser }> {
  const [{ hasWords, loadDateParser }, reading] = await Promise.all([import('../domain/dates.js'), ctx.reading()]);
  const wordy = text === undefined || (hasWords(text) && !/^\s*(today|yesterday|tomorrow)\s*$/i.test(text));
  const parser = wordy ? await loadDateParser(reading.language) : undefined;
  return parser ? { order: reading.dateOrder, parser } : { order: reading.dateOrder };
}

/** An amount typed by the user, read by the journal's decimal mark (numbers.decimal) or the locale's. */
export async function parseAmount(ctx: Context, raw: string, what: string): Promise<number> {
  const { parseNumber } = await import('../domain/numbers.js');
  return parseNumber(raw, what, await ctx.reading());
}

/** Commands that ask for confirmation need a terminal or `--yes`. */
export function requireYesWithoutTerminal(ctx: Context, yes: boolean | undefined, what: string): void {
  if (!yes && !ctx.interactive) throw new UsageError(`${what} needs --yes when not run in a terminal`);
}

/**
 * Competencies named with `--competency`, checked against the journal before anything is written.
 * Loads nothing when none were named, so a plain `perf log` stays light.
 */
export async function readCompetencyIds(ctx: Context, refs: readonly string[] | undefined): Promise<number[]> {
  if (!refs?.length) return [];
  const { resolveCompetencies } = await import('../services/competencies.js');
  return resolveCompetencies(await ctx.readStore(), refs).map((c) => c.id);
}

/** `--competency <ref>` on an edit links another competency, `--competency ""` unlinks it; undefined keeps it. */
export async function readCompetencyChange(ctx: Context, ref: string | undefined): Promise<number | null | undefined> {
  if (ref === undefined) return undefined;
  if (ref.trim() === '') return null;
  const [competencyId] = await readCompetencyIds(ctx, [ref]);
  return competencyId;
}

/** The journal's note types (`note.types`, else the built-ins): one small read of the journal once it is open. */
export async function readNoteTypes(ctx: Context): Promise<string[]> {
  return noteTypesFrom((await ctx.readStore()).config.get('note.types'));
}
