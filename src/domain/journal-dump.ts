/**
 * The complete, versioned export of a journal (`perf export --format json`) and its validation on
 * import. Every table is there with its ids and timestamps, so exporting, importing into an empty
 * journal and exporting again gives the same document apart from `exportedAt`. A note carries its
 * tags and competency ids (the note_tags and note_competencies tables) in the note itself.
 */
import { UsageError, quote } from '../errors.js';
import { DAY_RANGE, isDay, latestDayOf, type Day } from './calendar.js';
import { RATING_SOURCES, type Competency, type Rating } from './competencies.js';
import { listWords } from './words.js';
import { findConfigKey } from './config.js';
import { DEV_STATUSES, type DevelopmentActivity } from './development.js';
import { RELATIONSHIPS, type Feedback } from './feedback.js';
import type { GoalStatus } from './goal-progress.js';
import { valuesAfterEach } from './goal-progress.js';
import { isValidSlug, wouldCreateCycle } from './goal-refs.js';
import type { Goal, GoalUpdate } from './goals.js';
import { importTag, refuseField, refuseFutureDay, refuseImport } from './import-records.js';
import { NOTE_TYPES, noteTextProblem, type Note } from './notes.js';
import { MAGNITUDE_RULE, isNumberInRange } from './numbers.js';
import type { OneToOne } from './report-data.js';

export const EXPORT_FORMAT = 'perf-journal';
/** Bump when the document changes shape; import refuses versions above it. */
export const EXPORT_VERSION = 1;

// The records are the domains' own, less what a table holds only by reference to another
// (a slug, a note's text) and plus what a listing leaves out (a competency's timestamps), and
// the key an imported record keeps from its source (null for a record typed into the journal).

type Keyed = { sourceKey: string | null };
export type DumpCompetency = Competency & { createdAt: string; updatedAt: string };
export type DumpGoal = Goal & Keyed;
/** A note with its tags and its competencies by id (the note_tags and note_competencies tables). */
export type DumpNote = Omit<Note, 'goal' | 'progress' | 'competencies'> & { competencyIds: number[] } & Keyed;
export type DumpGoalUpdate = Omit<GoalUpdate, 'noteText'> & Keyed;
export type DumpRating = Rating & Keyed;
export type DumpFeedback = Omit<Feedback, 'competency'> & Keyed;
export type DumpDevelopment = Omit<DevelopmentActivity, 'competency'> & Keyed;
export type DumpOneToOne = OneToOne & Keyed;

/** The record of each table of an export. */
export interface DumpRecords {
  competencies: DumpCompetency;
  goals: DumpGoal;
  notes: DumpNote;
  goalCheckins: DumpGoalUpdate;
  ratings: DumpRating;
  feedback: DumpFeedback;
  development: DumpDevelopment;
  checkins: DumpOneToOne;
}

export type JournalTables = { config: Record<string, string> } & { [T in RecordTable]: DumpRecords[T][] };

export interface JournalDump extends JournalTables {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  /** The journal the file was exported from (its `meta.journal_id`); null in older files. */
  journalId: string | null;
}

/** The record tables, in the order they are imported (referenced tables first). */
export const DUMP_TABLES = ['competencies', 'goals', 'notes', 'goalCheckins', 'ratings', 'feedback', 'development', 'checkins'] as const;
export type RecordTable = (typeof DUMP_TABLES)[number];
export type DumpTable = RecordTable | 'config';
/** The tables whose records keep a source key (competencies are matched by slug or name). */
export type KeyedTable = Exclude<RecordTable, 'competencies'>;

export function makeJournalDump(tables: JournalTables, exportedAt: string, journalId: string): JournalDump {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, journalId, ...tables };
}

type Json = Record<string, unknown>;

/** Reads one record's fields, naming the record and the field in every refusal. */
class RecordReader {
  constructor(
    readonly where: string,
    private readonly record: Json,
    private readonly now: string,
    private readonly today: Day,
    private readonly latest: Day,
  ) {}

  /** Refuses `field` of this record; `value` defaults to the one in the file. */
  fail(field: string, fix: string, value: unknown = this.raw(field)): never {
    return refuseField(this.where, field, value, fix);
  }

  private raw(field: string): unknown {
    return this.record[field];
  }

  id(field = 'id'): number {
    const value = this.raw(field);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      this.fail(field, 'use a whole number of 1 or more');
    }
    return value;
  }

  optionalId(field: string): number | null {
    return this.raw(field) === null || this.raw(field) === undefined ? null : this.id(field);
  }

  text(field: string): string {
    const value = this.raw(field);
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'use a text that is not empty');
    this.refuseNul(field, value);
    return value;
  }

  optionalText(field: string): string | null {
    const value = this.raw(field);
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') this.fail(field, 'use a text or null');
    this.refuseNul(field, value);
    return value;
  }

  /** A note's text, within what `perf log` takes. */
  noteText(field: string): string {
    const value = this.text(field);
    const problem = noteTextProblem(value);
    if (problem) this.fail(field, problem);
    return value;
  }

  // SQLite's text functions stop at a NUL, so the journal's checks would read such a text as another.
  private refuseNul(field: string, value: string): void {
    if (value.includes('\0')) this.fail(field, 'remove the NUL character (\\0); the journal cannot hold it');
  }

  day(field: string): Day {
    const value = this.raw(field);
    if (typeof value !== 'string' || !isDay(value)) this.fail(field, `use YYYY-MM-DD, ${DAY_RANGE}`);
    return value;
  }

  /** A day that has happened somewhere: the file may come from a zone ahead of ours. */
  pastDay(field: string): Day {
    const value = this.day(field);
    if (value > this.latest) refuseFutureDay(this.where, field, value, this.today);
    return value;
  }

  optionalDay(field: string): Day | null {
    const value = this.raw(field);
    return value === null || value === undefined ? null : this.day(field);
  }

  /** An instant; a missing one (a hand-written file) becomes the time of the import. */
  instant(field: string): string {
    const value = this.raw(field);
    if (value === undefined) return this.now;
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
      this.fail(field, 'use an ISO 8601 instant such as 2026-11-26T15:00:00.000Z');
    }
    return value;
  }

  /** Any stored number: the CLI's rule (numbers.ts), so that what imports is what could be typed. */
  number(field: string): number {
    const value = this.raw(field);
    if (typeof value !== 'number' || !isNumberInRange(value)) this.fail(field, `use ${MAGNITUDE_RULE}`);
    return value;
  }

  /** A slug as `--slug` takes it: never digits alone, which would read as an id. */
  slug(field: string): string {
    const value = this.text(field);
    if (/^\d+$/.test(value)) this.fail(field, 'a number names a record by its id; add letters');
    if (!isValidSlug(value)) this.fail(field, 'use lowercase letters, digits and single dashes, e.g. q4-new-arr');
    return value;
  }

  optionalNumber(field: string): number | null {
    const value = this.raw(field);
    return value === null || value === undefined ? null : this.number(field);
  }

  integer(field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.raw(field);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      this.fail(field, max === Number.MAX_SAFE_INTEGER ? `use a whole number of ${min} or more` : `use a whole number from ${min} to ${max}`);
    }
    return value;
  }

  bool(field: string): boolean {
    const value = this.raw(field);
    if (value === undefined) return false;
    if (typeof value !== 'boolean') this.fail(field, 'use true or false');
    return value;
  }

  oneOf<T extends string>(field: string, values: readonly T[], fallback?: T): T {
    const value = this.raw(field);
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      this.fail(field, `use ${listWords(values)}`);
    }
    return value as T;
  }

  list(field: string): unknown[] {
    const value = this.raw(field);
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(field, 'use a list');
    return value;
  }

  tags(field: string): string[] {
    return [...new Set(this.list(field).map((tag) => importTag(tag, this.where)))];
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a top-level key of a document names a perf-journal export (it always starts with "format"). */
export function isDumpKey(key: string): boolean {
  return key === 'format' || key === 'config' || (DUMP_TABLES as readonly string[]).includes(key);
}

export interface ParseDumpOptions {
  /** Names the file in messages. */
  source: string;
  /** The import's time, for records without timestamps. */
  now: string;
  /**
   * The import's day, named in refusals. Notes, goal updates, ratings, feedback and one-to-ones are
   * refused when dated after the day in the zone furthest ahead at `now` (calendar.ts latestDayOf).
   */
  today: Day;
  /** The rating scale when the file has no `scale.max` of its own. */
  scaleMax: number;
}

const recordName = (table: string, index: number, record: Json) =>
  `${table}[${index}]${typeof record.id === 'number' ? ` (id ${record.id})` : ''}`;

/** One record of `table`, checked field by field; `scaleMax` bounds ratings and competency targets. */
export function parseDumpRecord<T extends RecordTable>(table: T, index: number, value: unknown, options: ParseDumpOptions): DumpRecords[T] {
  if (!isObject(value)) refuseField(`${table}[${index}]`, 'record', value, 'use an object with the fields of the record');
  const r = new RecordReader(recordName(table, index, value), value, options.now, options.today, latestDay(options.now));
  return PARSERS[table](r, options.scaleMax) as DumpRecords[T];
}

// Worked out once per import, not once per record.
let latestSeen = { now: '', day: '' };
function latestDay(now: string): Day {
  if (latestSeen.now !== now) latestSeen = { now, day: latestDayOf(new Date(now)) };
  return latestSeen.day;
}

const PARSERS: { [T in RecordTable]: (r: RecordReader, scaleMax: number) => DumpRecords[T] } = {
  competencies: (r, scaleMax) => ({
    id: r.id(),
    slug: r.slug('slug'),
    name: r.text('name'),
    description: r.optionalText('description'),
    target: r.optionalNumber('target') === null ? null : r.integer('target', 1, scaleMax),
    position: r.integer('position', 0),
    createdAt: r.instant('createdAt'),
    updatedAt: r.instant('updatedAt'),
  }),
  goals: (r) => {
    const goal: DumpGoal = {
      id: r.id(),
      slug: r.slug('slug'),
      title: r.text('title'),
      org: r.bool('org'),
      unit: r.optionalText('unit'),
      baseline: r.optionalNumber('baseline') ?? 0,
      target: r.optionalNumber('target'),
      start: r.day('start'),
      due: r.optionalDay('due'),
      status: r.oneOf<GoalStatus>('status', ['active', 'done', 'dropped'], 'active'),
      closedOn: r.optionalDay('closedOn'),
      alignsToId: r.optionalId('alignsToId'),
      alignsToText: r.optionalText('alignsToText'),
      createdAt: r.instant('createdAt'),
      updatedAt: r.instant('updatedAt'),
      sourceKey: r.optionalText('sourceKey'),
    };
    if (goal.target === goal.baseline) r.fail('target', `it equals the baseline, ${goal.baseline}; a goal needs a target different from where it starts`);
    if (goal.due !== null && goal.due < goal.start) r.fail('due', `it is before the start, ${goal.start}; use a day on or after it`);
    if (goal.alignsToId !== null && goal.alignsToText !== null) r.fail('alignsToText', 'alignsToId is set too; keep one of them');
    return goal;
  },
  notes: (r) => ({
    id: r.id(),
    date: r.pastDay('date'),
    text: r.noteText('text'),
    type: r.oneOf('type', NOTE_TYPES, 'note'),
    account: r.optionalText('account'),
    starred: r.bool('starred'),
    goalId: r.optionalId('goalId'),
    tags: r.tags('tags'),
    competencyIds: [
      ...new Set(
        r.list('competencyIds').map((id): number => {
          if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return r.fail('competency id', 'use the id of a competency in the file', id);
          return id;
        }),
      ),
    ],
    createdAt: r.instant('createdAt'),
    updatedAt: r.instant('updatedAt'),
    sourceKey: r.optionalText('sourceKey'),
  }),
  goalCheckins: (r) => ({
    id: r.id(),
    goalId: r.id('goalId'),
    date: r.pastDay('date'),
    kind: r.oneOf('kind', ['set', 'add'] as const),
    amount: r.number('amount'),
    note: r.optionalText('note'),
    noteId: r.optionalId('noteId'),
    createdAt: r.instant('createdAt'),
    sourceKey: r.optionalText('sourceKey'),
  }),
  ratings: (r, scaleMax) => ({
    id: r.id(),
    competencyId: r.id('competencyId'),
    date: r.pastDay('date'),
    rating: r.integer('rating', 1, scaleMax),
    source: r.oneOf('source', RATING_SOURCES, 'self'),
    ratedBy: r.optionalText('ratedBy'),
    note: r.optionalText('note'),
    createdAt: r.instant('createdAt'),
    sourceKey: r.optionalText('sourceKey'),
  }),
  feedback: (r) => ({
    id: r.id(),
    date: r.pastDay('date'),
    from: r.text('from'),
    relationship: r.oneOf('relationship', RELATIONSHIPS),
    competencyId: r.optionalId('competencyId'),
    text: r.text('text'),
    createdAt: r.instant('createdAt'),
    sourceKey: r.optionalText('sourceKey'),
  }),
  development: (r) => ({
    id: r.id(),
    title: r.text('title'),
    competencyId: r.optionalId('competencyId'),
    assignedBy: r.optionalText('assignedBy'),
    due: r.optionalDay('due'),
    status: r.oneOf('status', DEV_STATUSES, 'planned'),
    startedOn: r.optionalDay('startedOn'),
    startNote: r.optionalText('startNote'),
    completedOn: r.optionalDay('completedOn'),
    outcome: r.optionalText('outcome'),
    createdAt: r.instant('createdAt'),
    updatedAt: r.instant('updatedAt'),
    sourceKey: r.optionalText('sourceKey'),
  }),
  checkins: (r) => ({
    id: r.id(),
    date: r.pastDay('date'),
    note: r.optionalText('note'),
    createdAt: r.instant('createdAt'),
    sourceKey: r.optionalText('sourceKey'),
  }),
};

/** What the first reading of an export found: enough to write it in a second reading. */
export interface DumpOutline {
  version: number;
  journalId: string | null;
  config: Record<string, string>;
  /** The rating scale records were checked against: the file's, else the journal's. */
  scaleMax: number;
  /** Records per table, and config entries. */
  counts: Record<DumpTable, number>;
  total: number;
  /** The tables (config included) in the order the file has them. */
  order: DumpTable[];
}

/** A record kept by its place and value only, for checks that need every record of a table. */
interface Seen {
  where: string;
  value: number;
}

/**
 * Checks an export record by record as it is read, never holding the records: it keeps the ids
 * of each table, the slugs and the goals' alignment (small), and checks what needs the whole file
 * (references to records later in it, alignment circles, goal values, the scale of a config that
 * comes after the ratings) in `finish`. The first problem is refused with the record
 * (`notes[3] (id 17)`) and the field named, as one line.
 */
export class DumpChecker {
  private format: unknown;
  private version: unknown;
  private journalId: string | null = null;
  private config: Record<string, string> | null = null;
  private readonly ids = Object.fromEntries(DUMP_TABLES.map((t) => [t, new Set<number>()])) as Record<RecordTable, Set<number>>;
  private readonly counts = Object.fromEntries(['config', ...DUMP_TABLES].map((t) => [t, 0])) as Record<DumpTable, number>;
  private readonly order: DumpTable[] = [];
  private readonly slugs = { competencies: new Set<string>(), names: new Set<string>(), goals: new Set<string>() };
  private readonly goals = new Map<number, { where: string; alignsToId: number | null; baseline: number; slug: string }>();
  /** References to records not read yet, checked once the whole file has been. */
  private readonly pending: { where: string; field: string; id: number; table: RecordTable; what: string }[] = [];
  private readonly linkedNotes = new Set<number>();
  private readonly updatesByGoal = new Map<number, { id: number; date: Day; kind: 'set' | 'add'; amount: number; where: string }[]>();
  // The records that set a new highest rating or target: the first above the final scale is among them.
  private readonly highRatings: Seen[] = [];
  private readonly highTargets: Seen[] = [];

  constructor(private readonly options: ParseDumpOptions) {}

  /** A top-level value that is not a list of records: format, version, config, or a table that is not a list. */
  head(key: string, value: unknown): void {
    const { source } = this.options;
    if (key === 'format') {
      if (value !== EXPORT_FORMAT) refuseField(source, 'format', value, `use "${EXPORT_FORMAT}" (a file from perf export --format json)`);
      this.format = value;
    } else if (key === 'version') {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) refuseField(source, 'version', value, 'use a version number such as 1');
      if (value > EXPORT_VERSION) {
        throw new UsageError(
          `${source} is a version ${value} export and this perf-journal reads up to version ${EXPORT_VERSION}: upgrade perf-journal; nothing was imported`,
        );
      }
      this.version = value;
    } else if (key === 'journalId') {
      if (value !== null && (typeof value !== 'string' || !/^[0-9a-z-]{1,64}$/.test(value))) {
        refuseField(source, 'journalId', value, 'use the journal id perf export wrote, or null');
      }
      this.journalId = value;
    } else if (key === 'config') {
      this.config = parseConfig(value, source);
      this.counts.config = Object.keys(this.config).length;
      this.order.push('config');
    } else if ((DUMP_TABLES as readonly string[]).includes(key)) {
      refuseField(source, key, value, 'use a list of records');
    }
  }

  /** A list of records starts: `table` is where the file has it. */
  table(table: RecordTable): void {
    this.order.push(table);
  }

  private get scaleMax(): number {
    return this.config?.['scale.max'] !== undefined ? Number(this.config['scale.max']) : this.options.scaleMax;
  }

  record<T extends RecordTable>(table: T, index: number, value: unknown): DumpRecords[T] {
    // Before the config is read, a rating is held to no scale here, and to the final one in finish.
    const scaleMax = this.config === null ? Number.MAX_SAFE_INTEGER : this.scaleMax;
    const record = parseDumpRecord(table, index, value, { ...this.options, scaleMax });
    const where = recordName(table, index, value as Json);
    const fail = (field: string, fix: string, shown: unknown) => refuseField(where, field, shown, fix);
    if (this.ids[table].has(record.id)) fail('id', `an earlier record has it; give each ${table} record its own id`, record.id);
    this.ids[table].add(record.id);
    this.counts[table]++;
    const must = (field: string, id: number | null, target: RecordTable, what: string) => {
      if (id !== null && !this.ids[target].has(id)) this.pending.push({ where, field, id, table: target, what });
    };
    const unique = (set: Set<string>, key: string, field: string, shown: string) => {
      if (set.has(key)) fail(field, 'an earlier record has it; give each its own', shown);
      set.add(key);
    };
    const highest = (list: Seen[], value: number | null) => {
      if (value !== null && value > (list.at(-1)?.value ?? 0)) list.push({ where, value });
    };
    if (table === 'competencies') {
      const c = record as DumpCompetency;
      unique(this.slugs.competencies, c.slug, 'slug', c.slug);
      unique(this.slugs.names, c.name.toLowerCase(), 'name', c.name);
      highest(this.highTargets, c.target);
    } else if (table === 'goals') {
      const g = record as DumpGoal;
      unique(this.slugs.goals, g.slug, 'slug', g.slug);
      this.goals.set(g.id, { where, alignsToId: g.alignsToId, baseline: g.baseline, slug: g.slug });
    } else if (table === 'notes') {
      const n = record as DumpNote;
      must('goalId', n.goalId, 'goals', 'goal');
      for (const id of n.competencyIds) must('competencyIds', id, 'competencies', 'competency');
    } else if (table === 'goalCheckins') {
      const c = record as DumpGoalUpdate;
      must('goalId', c.goalId, 'goals', 'goal');
      must('noteId', c.noteId, 'notes', 'note');
      if (c.noteId !== null) {
        if (this.linkedNotes.has(c.noteId)) fail('noteId', 'the note already backs another check-in', c.noteId);
        this.linkedNotes.add(c.noteId);
      }
      const list = this.updatesByGoal.get(c.goalId) ?? [];
      list.push({ id: c.id, date: c.date, kind: c.kind, amount: c.amount, where });
      this.updatesByGoal.set(c.goalId, list);
    } else if (table === 'ratings') {
      const r = record as DumpRating;
      must('competencyId', r.competencyId, 'competencies', 'competency');
      highest(this.highRatings, r.rating);
    } else if (table === 'feedback' || table === 'development') {
      must('competencyId', (record as DumpFeedback | DumpDevelopment).competencyId, 'competencies', 'competency');
    }
    return record;
  }

  /** After the whole file: what needs all of it, then the outline for writing it. */
  finish(): DumpOutline {
    const { source } = this.options;
    if (this.format === undefined) refuseField(source, 'format', undefined, `use "${EXPORT_FORMAT}" (a file from perf export --format json)`);
    if (this.version === undefined) refuseField(source, 'version', undefined, 'use a version number such as 1');
    for (const ref of this.pending) {
      if (!this.ids[ref.table].has(ref.id)) refuseField(ref.where, ref.field, ref.id, `there is no ${ref.what} with that id in the file`);
    }
    for (const [id, goal] of this.goals) {
      if (goal.alignsToId === null) continue;
      if (!this.goals.has(goal.alignsToId)) refuseField(goal.where, 'alignsToId', goal.alignsToId, 'there is no goal with that id in the file');
      if (wouldCreateCycle(id, goal.alignsToId, (g) => (g === id ? null : (this.goals.get(g)?.alignsToId ?? null)))) {
        refuseField(goal.where, 'alignsToId', goal.alignsToId, 'goals would align to each other in a circle');
      }
    }
    for (const [goalId, updates] of this.updatesByGoal) {
      const goal = this.goals.get(goalId);
      if (!goal) continue;
      const values = valuesAfterEach(goal.baseline, updates);
      const bad = values.findIndex((value) => !isNumberInRange(value));
      const update = updates[bad];
      if (update) {
        refuseField(update.where, 'amount', update.amount, `it takes goal ${goal.slug} to ${values[bad]}, beyond 1e15; keep its value within ${MAGNITUDE_RULE}`);
      }
    }
    const scaleMax = this.scaleMax;
    const over = (list: Seen[]) => list.find((seen) => seen.value > scaleMax);
    const rating = over(this.highRatings);
    if (rating) refuseField(rating.where, 'rating', rating.value, `use a whole number from 1 to ${scaleMax}`);
    const target = over(this.highTargets);
    if (target) refuseField(target.where, 'target', target.value, `use a whole number from 1 to ${scaleMax}`);
    const total = Object.values(this.counts).reduce((sum, n) => sum + n, 0);
    return {
      version: this.version as number,
      journalId: this.journalId,
      config: this.config ?? {},
      scaleMax,
      counts: this.counts,
      total,
      order: this.order,
    };
  }
}

function parseConfig(value: unknown, source: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) refuseField(source, 'config', value, 'use an object of settings, e.g. {"scale.max": "5"}');
  const config: Record<string, string> = {};
  for (const [key, raw] of Object.entries(value)) {
    const where = `setting config.${key}`;
    if (typeof raw !== 'string') refuseField(source, `setting config.${key}`, raw, 'use a text');
    try {
      const spec = findConfigKey(key);
      config[spec.key] = spec.normalize(raw);
    } catch (error) {
      if (error instanceof UsageError) refuseImport(where, error.message);
      throw error;
    }
  }
  return config;
}

/**
 * The readings of the file a merge needs, each a list of tables taken in file order: a table is
 * taken once the tables it refers to have been (an export's own order needs one reading; a file
 * written by hand in another order, one more for each table that comes before one it refers to).
 */
export function importPasses(order: readonly DumpTable[]): DumpTable[][] {
  const needs: Record<DumpTable, DumpTable[]> = {
    config: [],
    competencies: ['config'],
    goals: [],
    notes: ['goals', 'competencies'],
    goalCheckins: ['goals', 'notes'],
    ratings: ['competencies', 'config'],
    feedback: ['competencies'],
    development: ['competencies'],
    checkins: [],
  };
  const present = new Set(order);
  const done = new Set<DumpTable>();
  const passes: DumpTable[][] = [];
  while (done.size < present.size) {
    const pass: DumpTable[] = [];
    for (const table of order) {
      if (done.has(table)) continue;
      if (needs[table].every((t) => done.has(t) || !present.has(t))) {
        pass.push(table);
        done.add(table);
      }
    }
    passes.push(pass);
  }
  return passes;
}

/**
 * The key a record of a perf export is known by once imported: the one it was imported under,
 * or, for a record typed into the journal it was exported from, that journal's identity, the
 * table, id and creation instant (a restore keeps all four, so a copy knows the same records as
 * its original, and two journals never share a key).
 */
export function sourceKeyOf(table: KeyedTable, record: { id: number; createdAt: string; sourceKey: string | null }, journalId: string | null): string {
  if (record.sourceKey !== null) return record.sourceKey;
  // Exports written before journals had an identity: the id and instant alone.
  return journalId === null ? `perf:${table}:${record.id}:${record.createdAt}` : `perf:${journalId}:${table}:${record.id}:${record.createdAt}`;
}

/** A note's content without its id and timestamps: two notes with the same key are duplicates. */
export function noteKey(note: Pick<DumpNote, 'date' | 'text' | 'type' | 'account' | 'starred' | 'goalId' | 'tags' | 'competencyIds'>): string {
  return JSON.stringify([
    note.date,
    note.text,
    note.type,
    note.account,
    note.starred,
    note.goalId,
    [...note.tags].sort(),
    [...note.competencyIds].sort((a, b) => a - b),
  ]);
}
