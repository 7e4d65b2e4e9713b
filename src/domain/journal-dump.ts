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
import type { Checkin, Goal } from './goals.js';
import { importTag, refuseField, refuseFutureDay, refuseImport } from './import-records.js';
import { NOTE_TYPES, noteTextProblem, type Note } from './notes.js';
import { MAGNITUDE_RULE, isNumberInRange } from './numbers.js';
import type { OneToOne } from './report-data.js';

export const EXPORT_FORMAT = 'perf-journal';
/** Bump when the document changes shape; import refuses versions above it. */
export const EXPORT_VERSION = 1;

// The records are the domains' own, less what a table holds only by reference to another
// (a slug, a note's text) and plus what a listing leaves out (a competency's timestamps).

export type DumpCompetency = Competency & { createdAt: string; updatedAt: string };
/** A note with its tags and its competencies by id (the note_tags and note_competencies tables). */
export type DumpNote = Omit<Note, 'goal' | 'progress' | 'competencies'> & {
  competencyIds: number[];
  /** Where an imported note came from (see sourceKeyOf); null for a note typed into the journal. */
  sourceKey: string | null;
};
export type DumpGoalCheckin = Omit<Checkin, 'noteText'>;
export type DumpFeedback = Omit<Feedback, 'competency'>;
export type DumpDevelopment = Omit<DevelopmentActivity, 'competency'>;

export interface JournalTables {
  config: Record<string, string>;
  competencies: DumpCompetency[];
  goals: Goal[];
  notes: DumpNote[];
  goalCheckins: DumpGoalCheckin[];
  ratings: Rating[];
  feedback: DumpFeedback[];
  development: DumpDevelopment[];
  checkins: OneToOne[];
}

export interface JournalDump extends JournalTables {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
}

/** The record tables, in the order they are imported (referenced tables first). */
export const DUMP_TABLES = ['competencies', 'goals', 'notes', 'goalCheckins', 'ratings', 'feedback', 'development', 'checkins'] as const;
export type DumpTable = (typeof DUMP_TABLES)[number] | 'config';

export function makeJournalDump(tables: JournalTables, exportedAt: string): JournalDump {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, ...tables };
}

/** Number of records an import will go through (config entries included). */
export function countRecords(tables: JournalTables): number {
  return Object.keys(tables.config).length + DUMP_TABLES.reduce((sum, table) => sum + tables[table].length, 0);
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

/** Whether a parsed JSON document claims to be a perf-journal export. */
export function looksLikeJournalDump(value: unknown): boolean {
  return isObject(value) && 'format' in value;
}

export interface ParseDumpOptions {
  /** Names the file in messages. */
  source: string;
  /** The import's time, for records without timestamps. */
  now: string;
  /**
   * The import's day, named in refusals. Notes, ratings, feedback and check-ins are refused when
   * dated after the day in the zone furthest ahead at `now` (calendar.ts latestDayOf).
   */
  today: Day;
  /** The rating scale when the file has no `scale.max` of its own. */
  scaleMax: number;
}

/**
 * Checks a parsed document from top to bottom and returns it typed. The first problem is refused
 * with the record (`notes[3] (id 17)`) and the field named.
 */
export function parseJournalDump(value: unknown, options: ParseDumpOptions): JournalDump {
  const { source } = options;
  if (!isObject(value)) refuseImport(source, 'not a perf-journal export (expected a JSON object with "format": "perf-journal")');
  if (value.format !== EXPORT_FORMAT) refuseField(source, 'format', value.format, `use "${EXPORT_FORMAT}" (a file from perf export --format json)`);
  const version = value.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    refuseField(source, 'version', version, 'use a version number such as 1');
  }
  if (version > EXPORT_VERSION) {
    throw new UsageError(
      `${source} is a version ${version} export and this perf-journal reads up to version ${EXPORT_VERSION}: upgrade perf-journal; nothing was imported`,
    );
  }

  const records = (table: string): Json[] => {
    const list = value[table];
    if (list === undefined) return [];
    if (!Array.isArray(list)) refuseField(source, table, list, `use a list of records`);
    return list.map((record, index) => {
      if (!isObject(record)) refuseField(`${table}[${index}]`, 'record', record, 'use an object with the fields of the record');
      return record;
    });
  };
  const latest = latestDayOf(new Date(options.now));
  const readers = (table: string) =>
    records(table).map((record, index) => {
      const id = typeof record.id === 'number' ? ` (id ${record.id})` : '';
      return new RecordReader(`${table}[${index}]${id}`, record, options.now, options.today, latest);
    });

  const config = parseConfig(value.config, source);
  const scaleMax = config['scale.max'] !== undefined ? Number(config['scale.max']) : options.scaleMax;

  const competencies = readers('competencies').map(
    (r): DumpCompetency => ({
      id: r.id(),
      slug: r.slug('slug'),
      name: r.text('name'),
      description: r.optionalText('description'),
      target: r.optionalNumber('target') === null ? null : r.integer('target', 1, scaleMax),
      position: r.integer('position', 0),
      createdAt: r.instant('createdAt'),
      updatedAt: r.instant('updatedAt'),
    }),
  );
  const goals = readers('goals').map((r): Goal => {
    const goal: Goal = {
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
    };
    if (goal.target === goal.baseline) r.fail('target', `it equals the baseline, ${goal.baseline}; a goal needs a target different from where it starts`);
    if (goal.due !== null && goal.due < goal.start) r.fail('due', `it is before the start, ${goal.start}; use a day on or after it`);
    if (goal.alignsToId !== null && goal.alignsToText !== null) r.fail('alignsToText', 'alignsToId is set too; keep one of them');
    return goal;
  });
  const noteReaders = readers('notes');
  const notes = noteReaders.map(
    (r): DumpNote => ({
      id: r.id(),
      date: r.pastDay('date'),
      text: r.noteText('text'),
      type: r.oneOf('type', NOTE_TYPES, 'note'),
      account: r.optionalText('account'),
      starred: r.bool('starred'),
      goalId: r.optionalId('goalId'),
      tags: r.tags('tags'),
      sourceKey: r.optionalText('sourceKey'),
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
    }),
  );
  const checkinReaders = readers('goalCheckins');
  const goalCheckins = checkinReaders.map(
    (r): DumpGoalCheckin => ({
      id: r.id(),
      goalId: r.id('goalId'),
      date: r.pastDay('date'),
      kind: r.oneOf('kind', ['set', 'add'] as const),
      amount: r.number('amount'),
      note: r.optionalText('note'),
      noteId: r.optionalId('noteId'),
      createdAt: r.instant('createdAt'),
    }),
  );
  const ratingReaders = readers('ratings');
  const ratings = ratingReaders.map(
    (r): Rating => ({
      id: r.id(),
      competencyId: r.id('competencyId'),
      date: r.pastDay('date'),
      rating: r.integer('rating', 1, scaleMax),
      source: r.oneOf('source', RATING_SOURCES, 'self'),
      ratedBy: r.optionalText('ratedBy'),
      note: r.optionalText('note'),
      createdAt: r.instant('createdAt'),
    }),
  );
  const feedbackReaders = readers('feedback');
  const feedback = feedbackReaders.map(
    (r): DumpFeedback => ({
      id: r.id(),
      date: r.pastDay('date'),
      from: r.text('from'),
      relationship: r.oneOf('relationship', RELATIONSHIPS),
      competencyId: r.optionalId('competencyId'),
      text: r.text('text'),
      createdAt: r.instant('createdAt'),
    }),
  );
  const developmentReaders = readers('development');
  const development = developmentReaders.map(
    (r): DumpDevelopment => ({
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
    }),
  );
  const checkins = readers('checkins').map(
    (r): OneToOne => ({ id: r.id(), date: r.pastDay('date'), note: r.optionalText('note'), createdAt: r.instant('createdAt') }),
  );

  const tables: JournalTables = { config, competencies, goals, notes, goalCheckins, ratings, feedback, development, checkins };
  checkReferences(tables, {
    competencies: readers('competencies'),
    goals: readers('goals'),
    notes: noteReaders,
    goalCheckins: checkinReaders,
    ratings: ratingReaders,
    feedback: feedbackReaders,
    development: developmentReaders,
    checkins: readers('checkins'),
  });
  return { format: EXPORT_FORMAT, version, exportedAt: typeof value.exportedAt === 'string' ? value.exportedAt : options.now, ...tables };
}

function parseConfig(value: unknown, source: string): Record<string, string> {
  if (value === undefined) return {};
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

/** Unique ids and slugs, and every reference pointing at a record in the file. */
function checkReferences(tables: JournalTables, readers: Record<(typeof DUMP_TABLES)[number], RecordReader[]>): void {
  for (const table of DUMP_TABLES) {
    const seen = new Set<number>();
    tables[table].forEach((record, i) => {
      if (seen.has(record.id)) readers[table][i]?.fail('id', `an earlier record has it; give each ${table} record its own id`);
      seen.add(record.id);
    });
  }
  const unique = <T>(table: 'competencies' | 'goals', key: (record: T) => string, field: string) => {
    const seen = new Set<string>();
    (tables[table] as T[]).forEach((record, i) => {
      const k = key(record);
      if (seen.has(k)) readers[table][i]?.fail(field, `an earlier record has it; give each its own`);
      seen.add(k);
    });
  };
  unique<DumpCompetency>('competencies', (c) => c.slug, 'slug');
  unique<DumpCompetency>('competencies', (c) => c.name.toLowerCase(), 'name');
  unique<Goal>('goals', (g) => g.slug, 'slug');

  const ids = (table: (typeof DUMP_TABLES)[number]) => new Set(tables[table].map((r) => r.id));
  const goalIds = ids('goals');
  const noteIds = ids('notes');
  const competencyIds = ids('competencies');
  const must = (reader: RecordReader | undefined, field: string, id: number | null, known: Set<number>, what: string) => {
    if (id !== null && !known.has(id)) reader?.fail(field, `there is no ${what} with that id in the file`, id);
  };

  const parentOf = new Map(tables.goals.map((g) => [g.id, g.alignsToId]));
  tables.goals.forEach((g, i) => {
    must(readers.goals[i], 'alignsToId', g.alignsToId, goalIds, 'goal');
    if (g.alignsToId !== null && wouldCreateCycle(g.id, g.alignsToId, (id) => (id === g.id ? null : (parentOf.get(id) ?? null)))) {
      readers.goals[i]?.fail('alignsToId', 'goals would align to each other in a circle');
    }
  });
  tables.notes.forEach((n, i) => {
    must(readers.notes[i], 'goalId', n.goalId, goalIds, 'goal');
    for (const id of n.competencyIds) must(readers.notes[i], 'competencyIds', id, competencyIds, 'competency');
  });
  const linkedNotes = new Set<number>();
  tables.goalCheckins.forEach((c, i) => {
    must(readers.goalCheckins[i], 'goalId', c.goalId, goalIds, 'goal');
    must(readers.goalCheckins[i], 'noteId', c.noteId, noteIds, 'note');
    if (c.noteId !== null) {
      if (linkedNotes.has(c.noteId)) readers.goalCheckins[i]?.fail('noteId', 'the note already backs another check-in');
      linkedNotes.add(c.noteId);
    }
  });
  checkGoalValues(tables, readers.goalCheckins);
  tables.ratings.forEach((r, i) => must(readers.ratings[i], 'competencyId', r.competencyId, competencyIds, 'competency'));
  tables.feedback.forEach((f, i) => must(readers.feedback[i], 'competencyId', f.competencyId, competencyIds, 'competency'));
  tables.development.forEach((d, i) => must(readers.development[i], 'competencyId', d.competencyId, competencyIds, 'competency'));
}

/** What check-ins add up to stays within the number bound, as `perf goals update +N` keeps it. */
function checkGoalValues(tables: JournalTables, readers: RecordReader[]): void {
  const byGoal = new Map<number, number[]>();
  tables.goalCheckins.forEach((c, i) => {
    const list = byGoal.get(c.goalId) ?? [];
    list.push(i);
    byGoal.set(c.goalId, list);
  });
  for (const g of tables.goals) {
    const indexes = byGoal.get(g.id) ?? [];
    const values = valuesAfterEach(g.baseline, indexes.map((i) => tables.goalCheckins[i] as DumpGoalCheckin));
    const bad = values.findIndex((value) => !isNumberInRange(value));
    const index = indexes[bad];
    if (bad >= 0 && index !== undefined) {
      readers[index]?.fail('amount', `it takes goal ${g.slug} to ${values[bad]}, beyond 1e15; keep its value within ${MAGNITUDE_RULE}`);
    }
  }
}

/**
 * The key a record of a perf export is known by once imported: the one it was imported under,
 * or, for a record typed into the journal it was exported from, its table, id and creation instant
 * (which a restore keeps, so a copy knows the same records as its original).
 */
export function sourceKeyOf(table: (typeof DUMP_TABLES)[number], record: { id: number; createdAt: string; sourceKey?: string | null }): string {
  return record.sourceKey ?? `perf:${table}:${record.id}:${record.createdAt}`;
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
