/**
 * CRM exports (Salesforce activity reports, HubSpot calls and meetings, any spreadsheet) as notes,
 * and opportunity exports as deals. Columns are found by their usual header names in any case;
 * `--map field=Header` names or overrides one. Every row keeps a source key (its id column, else a
 * hash of the row with an occurrence number for exact repeats), so importing the same file again
 * adds nothing. Any unreadable row refuses the whole file, naming its line.
 */
import { createHash } from 'node:crypto';
import { UsageError, quote } from '../errors.js';
import { isCalendarDay, makeDay, type Day } from './calendar.js';
import type { DecimalMark } from './locale.js';
import { noteTextProblem } from './notes.js';
import { parseNumber } from './numbers.js';
import { parseTag } from './tags.js';

export const NOTE_FIELDS = ['date', 'text', 'body', 'account', 'type', 'id', 'tags'] as const;
export const DEAL_FIELDS = ['name', 'account', 'value', 'stage', 'date', 'status', 'won', 'closed', 'id'] as const;
type NoteField = (typeof NOTE_FIELDS)[number];
type DealField = (typeof DEAL_FIELDS)[number];

/** The header names each field is known by, most specific first (compared in lower case, spaces squeezed). */
const NOTE_HEADERS: Record<NoteField, string[]> = {
  date: [
    'activity date',
    'date',
    'due date',
    'created date',
    'call date',
    'meeting date',
    'start date',
    'activity timestamp',
    'create date',
  ],
  text: ['subject', 'title', 'call title', 'meeting name', 'activity subject', 'task title'],
  body: ['comments', 'description', 'notes', 'body', 'call notes', 'meeting notes', 'full comments'],
  account: ['account', 'company', 'company / account', 'account name', 'associated company', 'company name', 'associated company name'],
  type: ['type', 'activity type', 'task type', 'task subtype', 'event type', 'call type'],
  id: ['activity id', 'record id', 'task id', 'event id', 'call id', 'meeting id', 'id'],
  tags: ['tags'],
};

const DEAL_HEADERS: Record<DealField, string[]> = {
  name: ['opportunity name', 'deal name', 'opportunity', 'name'],
  account: ['account name', 'account', 'company', 'associated company', 'company name'],
  value: ['amount', 'deal amount', 'value', 'opportunity amount'],
  stage: ['stage', 'deal stage', 'opportunity stage'],
  date: ['close date', 'closed date', 'expected close date', 'close date (expected)'],
  status: ['status', 'won/lost', 'outcome', 'deal status'],
  won: ['won', 'is won'],
  closed: ['closed', 'is closed'],
  id: ['opportunity id', 'deal id', 'record id', 'id'],
};

export type ColumnMap<F extends string> = Partial<Record<F, number>>;

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** `field=Header` from --map, checked against the fields of what is imported. */
export function parseMaps<F extends string>(raw: readonly string[], fields: readonly F[]): Partial<Record<F, string>> {
  const maps: Partial<Record<F, string>> = {};
  for (const entry of raw) {
    const at = entry.indexOf('=');
    const field = squeeze(at < 0 ? entry : entry.slice(0, at));
    const header = at < 0 ? '' : entry.slice(at + 1).trim();
    if (!(fields as readonly string[]).includes(field)) {
      throw new UsageError(`unknown --map field ${quote(field || entry)}: use ${fields.join(', ')} (e.g. --map date="Call Date")`);
    }
    if (header === '') throw new UsageError(`--map ${quote(entry)} names no column: write field=Header, e.g. --map text=Subject`);
    maps[field as F] = header;
  }
  return maps;
}

/** `"Sales Call=call"` from --map-type: a CRM type (any case) and the note type it becomes, one of the journal's `types`. */
export function parseTypeMaps(raw: readonly string[], types: readonly string[]): Map<string, string> {
  const maps = new Map<string, string>();
  for (const entry of raw) {
    const at = entry.lastIndexOf('=');
    const crm = squeeze(at < 0 ? '' : entry.slice(0, at));
    const type = squeeze(at < 0 ? entry : entry.slice(at + 1));
    if (crm === '' || !types.includes(type)) {
      throw new UsageError(
        `invalid --map-type ${quote(entry)}: write "CRM type=note type", e.g. --map-type "Sales Call=call"; the note types are ${types.join(', ')} (perf config set note.types)`,
      );
    }
    maps.set(crm, type);
  }
  return maps;
}

/** Which column holds each field: --map first, then the usual names; a --map header must exist. */
export function findColumns<F extends string>(
  header: readonly string[],
  known: Record<F, string[]>,
  maps: Partial<Record<F, string>>,
): ColumnMap<F> {
  const names = header.map(squeeze);
  const columns: ColumnMap<F> = {};
  const taken = new Set<number>();
  for (const [field, wanted] of Object.entries(maps) as [F, string][]) {
    const index = names.indexOf(squeeze(wanted));
    if (index < 0) throw new UsageError(`--map ${field}=${quote(wanted)}: the file has no such column (its columns: ${header.join(', ')})`);
    columns[field] = index;
    taken.add(index);
  }
  for (const field of Object.keys(known) as F[]) {
    if (columns[field] !== undefined) continue;
    for (const name of known[field]) {
      const index = names.indexOf(name);
      if (index >= 0 && !taken.has(index)) {
        columns[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return columns;
}

export interface CsvRow {
  /** The line of the file the row starts on, for messages. */
  line: number;
  cells: string[];
}

export interface CsvNote {
  line: number;
  date: Day;
  text: string;
  type: string;
  crmType: string | null;
  account: string | null;
  tags: string[];
  sourceKey: string;
}

/** Call → call, Email → email, Meeting and Event → meeting, anything else (Task, To-do…) → note. */
export function noteTypeOf(crmType: string | null, maps: ReadonlyMap<string, string>): string {
  const type = squeeze(crmType ?? '');
  const mapped = maps.get(type);
  if (mapped) return mapped;
  if (/\bcall\b|^phone/.test(type)) return 'call';
  if (/e-?mail/.test(type)) return 'email';
  if (/\bmeeting\b|\bevent\b/.test(type)) return 'meeting';
  return 'note';
}

/** A calls or meetings export (HubSpot's have no type column): its headers say what each row is. */
function typeOfExport(header: readonly string[]): string | null {
  const names = header.map(squeeze);
  if (names.some((name) => name.startsWith('call '))) return 'call';
  if (names.some((name) => name.startsWith('meeting '))) return 'meeting';
  return null;
}

export interface CsvContext {
  file: string;
  today: Day;
  /** Day-first for slashed dates (3/4/2026 is 3 April): a `;`-separated file comes from a European Excel. */
  dayFirst: boolean;
  /** The decimal mark where an amount does not show it (`45.000`): `,` in a `;`-separated file, for the same reason. */
  decimal: DecimalMark;
}

/**
 * The notes the rows make, every row checked; the first bad row refuses the file. A row dated after
 * today is a planned activity (a CRM's open task, next week's meeting): a note records what
 * happened, so it is left out and its line listed in `planned`; importing the file again once the
 * day has come adds it (rows imported before are known by their source key).
 */
export function csvNotes(
  header: readonly string[],
  rows: readonly CsvRow[],
  options: { maps: Partial<Record<NoteField, string>>; types: ReadonlyMap<string, string> },
  ctx: CsvContext,
): { notes: CsvNote[]; planned: number[] } {
  const columns = findColumns(header, NOTE_HEADERS, options.maps);
  if (columns.date === undefined) throw missingColumn(ctx.file, 'date', header, NOTE_HEADERS.date);
  if (columns.text === undefined && columns.body === undefined) throw missingColumn(ctx.file, 'text', header, NOTE_HEADERS.text);
  const keys = new SourceKeys(header, columns.id, 'csv');
  const fallback = typeOfExport(header);
  const notes: CsvNote[] = [];
  const planned: number[] = [];
  for (const row of rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const cell = (field: NoteField) => {
      const index = columns[field];
      return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const where = `line ${row.line} of ${quote(ctx.file)}`;
    const date = parseCsvDate(cell('date'), ctx.dayFirst);
    if (date === null)
      throw new UsageError(`${where}: unreadable date ${quote(cell('date'))}: use dates such as 2026-11-03, 11/3/2026 or 03.11.2026`);
    const subject = cell('text');
    const body = cell('body').replace(/\r\n?/g, '\n');
    const text = subject && body ? `${subject}\n${body}` : subject || body;
    if (text === '') throw new UsageError(`${where}: no text (the subject and comments are empty)`);
    const problem = noteTextProblem(text);
    if (problem) throw new UsageError(`${where}: ${problem}`);
    const crmType = cell('type') || null;
    const tags = cell('tags')
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((tag) => {
        try {
          return parseTag(tag);
        } catch (error) {
          throw new UsageError(`${where}: ${(error as Error).message}`);
        }
      });
    // Checked like every row (a bad one refuses the file), but not imported yet.
    const sourceKey = keys.next(row.cells, cell('id'));
    if (date > ctx.today) {
      planned.push(row.line);
      continue;
    }
    notes.push({
      line: row.line,
      date,
      text,
      type: crmType === null && fallback !== null ? fallback : noteTypeOf(crmType, options.types),
      crmType,
      account: cell('account') || null,
      tags: [...new Set(tags)],
      sourceKey,
    });
  }
  return { notes, planned };
}

export interface CsvDeal {
  line: number;
  name: string;
  account: string | null;
  value: number;
  stage: string | null;
  status: 'open' | 'won' | 'lost';
  /** The close date: when it closed (won or lost), or when it is expected to. */
  date: Day | null;
  externalId: string | null;
  sourceKey: string;
}

/** The deals an opportunities export makes, every row checked. */
export function csvDeals(
  header: readonly string[],
  rows: readonly CsvRow[],
  maps: Partial<Record<DealField, string>>,
  ctx: CsvContext,
): CsvDeal[] {
  const columns = findColumns(header, DEAL_HEADERS, maps);
  if (columns.name === undefined) throw missingColumn(ctx.file, 'name', header, DEAL_HEADERS.name);
  const keys = new SourceKeys(header, columns.id, 'csv-deal');
  const deals: CsvDeal[] = [];
  for (const row of rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const cell = (field: DealField) => {
      const index = columns[field];
      return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const where = `line ${row.line} of ${quote(ctx.file)}`;
    const name = cell('name');
    if (name === '') throw new UsageError(`${where}: the deal has no name`);
    const rawDate = cell('date');
    const date = rawDate === '' ? null : parseCsvDate(rawDate, ctx.dayFirst);
    if (rawDate !== '' && date === null)
      throw new UsageError(`${where}: unreadable close date ${quote(rawDate)}: use dates such as 2026-11-03`);
    const value = parseAmount(cell('value'), ctx.decimal);
    if (value === null)
      throw new UsageError(`${where}: unreadable amount ${quote(cell('value'))}: use a number such as 25000 or $25,000.00`);
    const status = dealStatus(cell('status'), cell('won'), cell('closed'), cell('stage'));
    if (status !== 'open' && date === null) throw new UsageError(`${where}: the deal is ${status} but has no close date`);
    const externalId = cell('id') || null;
    deals.push({
      line: row.line,
      name,
      account: cell('account') || null,
      value,
      stage: cell('stage') || null,
      status,
      date: status !== 'open' && date !== null && date > ctx.today ? ctx.today : date,
      externalId,
      sourceKey: keys.next(row.cells, externalId ?? ''),
    });
  }
  return deals;
}

/** Won or lost from a status column, Won/Closed flags (Salesforce) or the stage ("Closed Won", HubSpot's "closedwon"). */
export function dealStatus(status: string, won: string, closed: string, stage: string): 'open' | 'won' | 'lost' {
  const yes = (text: string) => /^(true|yes|y|1|x)$/i.test(text.trim());
  if (closed !== '' || won !== '') {
    if (closed !== '' && !yes(closed)) return 'open';
    if (won !== '') return yes(won) ? 'won' : closed !== '' ? 'lost' : 'open';
  }
  for (const text of [status, stage]) {
    const word = squeeze(text).replace(/[^a-z]/g, '');
    if (/won$/.test(word)) return 'won';
    if (/lost$/.test(word)) return 'lost';
  }
  return 'open';
}

/**
 * An amount as the export wrote it (`$25,000.00`, `25000`, `€ 1.234,50`, `45.000`, `2.5k`), read by
 * the one number parser; empty is 0. The decimal mark is the value's own where it shows (the later
 * of `.` and `,`; a comma not followed by a group of three), else the file's: `45.000` is 45,000 in
 * a `;` file (a European Excel) and 45 in a `,` file.
 */
export function parseAmount(raw: string, fileDecimal: DecimalMark): number | null {
  const text = raw.trim();
  if (text === '') return 0;
  try {
    const value = parseNumber(text, 'amount', { decimal: decimalMarkOf(text, fileDecimal) });
    return value >= 0 ? value : null;
  } catch {
    return null;
  }
}

function decimalMarkOf(text: string, fileDecimal: DecimalMark): DecimalMark {
  const dot = text.lastIndexOf('.');
  const comma = text.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  if (comma >= 0) return /^,\d{3}(?!\d)/.test(text.slice(comma)) ? '.' : ',';
  if (dot >= 0 && text.indexOf('.') !== dot) return ',';
  if (dot >= 0 && /^\.\d{3}(?!\d)/.test(text.slice(dot))) return fileDecimal;
  return '.';
}

/** ISO days (with or without a time), 11/3/2026 (month first unless `dayFirst` or the first part is over 12), 03.11.2026. */
export function parseCsvDate(raw: string, dayFirst: boolean): Day | null {
  const text = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:[ ,T].*)?$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = m[4]?.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    const first = m[2] === '.' || dayFirst || a > 12;
    return first ? day(year, b, a) : day(year, a, b);
  }
  return null;
}

function day(year: number, month: number, date: number): Day | null {
  if (month < 1 || month > 12 || date < 1 || date > 31) return null;
  const made = makeDay(year, month, date);
  return isCalendarDay(made) ? made : null;
}

function missingColumn(file: string, field: string, header: readonly string[], names: readonly string[]): UsageError {
  return new UsageError(
    `${quote(file)} has no ${field} column (looked for ${names.slice(0, 4).join(', ')}…; its columns: ${header.join(', ') || 'none'}): name it with --map ${field}=<Header>`,
  );
}

/** The id column's value, else a hash of the whole row and how many times that exact row came before. */
class SourceKeys {
  private readonly seen = new Map<string, number>();
  private readonly idName: string;

  constructor(
    header: readonly string[],
    idColumn: number | undefined,
    private readonly prefix: string,
  ) {
    this.idName = idColumn === undefined ? '' : squeeze(header[idColumn] ?? '');
  }

  next(cells: readonly string[], id: string): string {
    if (id !== '') return `${this.prefix}:${this.idName}:${id}`;
    const hash = createHash('sha256')
      .update(JSON.stringify(cells.map((cell) => cell.trim())))
      .digest('hex')
      .slice(0, 24);
    const count = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, count);
    return `${this.prefix}:row:${hash}:${count}`;
  }
}
