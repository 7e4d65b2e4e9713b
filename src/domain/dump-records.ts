/** One record of a perf export, read and checked field by field (see journal-dump.ts for the shape). */
import { DAY_RANGE, isDay, latestDayOf, type Day } from './calendar.js';
import { RATING_SOURCES } from './competencies.js';
import { DEV_STATUSES } from './development.js';
import { RELATIONSHIPS } from './feedback.js';
import type { GoalStatus } from './goal-progress.js';
import { RESERVED_SLUGS, isValidSlug } from './goal-refs.js';
import { checkGoalRule, isGoalRule, type GoalRule } from './goal-rules.js';
import { ROLL_EVERY, type GoalOutcome } from './goals.js';
import { importTag, refuseField, refuseFutureDay } from './import-records.js';
import { DEAL_STATUSES, DEAL_WORDS } from './deals.js';
import type { DumpDeal, DumpGoal, DumpRecords, DumpReflection, RecordTable } from './journal-dump.js';
import { isNoteTypeWord, noteTextProblem } from './notes.js';
import { MAGNITUDE_RULE, isNumberInRange } from './numbers.js';
import { listWords } from './words.js';

export type Json = Record<string, unknown>;

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

  /**
   * A slug as `--slug` takes it: never digits alone, which would read as an id. A command word
   * (`edit`), allowed before it was refused as a slug, gets the name the upgrade gives it (`goal-edit`).
   */
  slug(field: string, kind: 'goal' | 'competency' | 'deal'): string {
    const value = this.text(field);
    if (/^\d+$/.test(value)) this.fail(field, 'a number names a record by its id; add letters');
    if (!isValidSlug(value)) this.fail(field, 'use lowercase letters, digits and single dashes, e.g. q4-new-arr');
    const reserved = RESERVED_SLUGS.includes(value) || (kind === 'deal' && DEAL_WORDS.includes(value));
    return reserved ? `${kind}-${value}` : value;
  }

  optionalNumber(field: string): number | null {
    const value = this.raw(field);
    return value === null || value === undefined ? null : this.number(field);
  }

  integer(field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.raw(field);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      this.fail(
        field,
        max === Number.MAX_SAFE_INTEGER ? `use a whole number of ${min} or more` : `use a whole number from ${min} to ${max}`,
      );
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

  /** One of `values` or null; a version 1 or 2 file has none of these fields. */
  optionalOneOf<T extends string>(field: string, values: readonly T[]): T | null {
    return this.raw(field) === null || this.raw(field) === undefined ? null : this.oneOf(field, values);
  }

  /** A goal's counting rule (goal-rules.ts), checked as --counts and --sums are. */
  optionalRule(field: string): GoalRule | null {
    const value = this.raw(field);
    if (value === null || value === undefined) return null;
    if (!isGoalRule(value)) this.fail(field, 'use {"counts": ["type:meeting", …]} or {"sums": ["deals:won"]}');
    try {
      return checkGoalRule(value);
    } catch (error) {
      return this.fail(field, error instanceof Error ? error.message : String(error));
    }
  }

  /** A word such as a note type: any that `accepts`, since the rep may have types of their own. */
  word(field: string, accepts: (value: string) => boolean, fix: string, fallback: string): string {
    const value = this.raw(field);
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !accepts(value)) this.fail(field, fix);
    return value;
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

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

export const recordName = (table: string, index: number, record: Json) =>
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
    slug: r.slug('slug', 'competency'),
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
      slug: r.slug('slug', 'goal'),
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
      rule: r.optionalRule('rule'),
      every: r.optionalOneOf('every', ROLL_EVERY),
      outcome: r.optionalOneOf<GoalOutcome>('outcome', ['achieved', 'missed']),
      rolledFrom: r.optionalId('rolledFrom'),
      createdAt: r.instant('createdAt'),
      updatedAt: r.instant('updatedAt'),
      sourceKey: r.optionalText('sourceKey'),
    };
    if (goal.target === goal.baseline)
      r.fail('target', `it equals the baseline, ${goal.baseline}; a goal needs a target different from where it starts`);
    if (goal.due !== null && goal.due < goal.start) r.fail('due', `it is before the start, ${goal.start}; use a day on or after it`);
    if (goal.alignsToId !== null && goal.alignsToText !== null) r.fail('alignsToText', 'alignsToId is set too; keep one of them');
    return goal;
  },
  deals: (r) => {
    const deal: DumpDeal = {
      id: r.id(),
      slug: r.slug('slug', 'deal'),
      name: r.text('name'),
      account: r.optionalText('account'),
      value: r.number('value'),
      stage: r.optionalText('stage'),
      status: r.oneOf('status', DEAL_STATUSES, 'open'),
      expectedClose: r.optionalDay('expectedClose'),
      closedOn: r.optionalDay('closedOn'),
      reason: r.optionalText('reason'),
      externalId: r.optionalText('externalId'),
      createdAt: r.instant('createdAt'),
      updatedAt: r.instant('updatedAt'),
      sourceKey: r.optionalText('sourceKey'),
    };
    if (deal.value < 0) r.fail('value', "a deal's value is 0 or more");
    if ((deal.status === 'open') !== (deal.closedOn === null)) {
      r.fail(
        'closedOn',
        deal.status === 'open' ? 'an open deal has no closedOn; use null' : `a ${deal.status} deal needs the day it closed`,
      );
    }
    return deal;
  },
  notes: (r) => ({
    id: r.id(),
    date: r.pastDay('date'),
    text: r.noteText('text'),
    type: r.word('type', isNoteTypeWord, 'use a lowercase word such as call, email or renewal', 'note'),
    account: r.optionalText('account'),
    starred: r.bool('starred'),
    // Version 1 files give one goalId; version 2 a list, goalIds.
    goalIds: [
      ...new Set([
        ...(r.optionalId('goalId') === null ? [] : [r.id('goalId')]),
        ...r.list('goalIds').map((id): number => {
          if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1)
            return r.fail('goal id', 'use the id of a goal in the file', id);
          return id;
        }),
      ]),
    ],
    dealId: r.optionalId('dealId'),
    tags: r.tags('tags'),
    competencyIds: [
      ...new Set(
        r.list('competencyIds').map((id): number => {
          if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1)
            return r.fail('competency id', 'use the id of a competency in the file', id);
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
    starred: r.bool('starred'),
    constructive: r.bool('constructive'),
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
  reflections: (r) => {
    const reflection: DumpReflection = {
      id: r.id(),
      from: r.day('from'),
      to: r.day('to'),
      text: r.text('text'),
      createdAt: r.instant('createdAt'),
      updatedAt: r.instant('updatedAt'),
      sourceKey: r.optionalText('sourceKey'),
    };
    if (reflection.to < reflection.from) r.fail('to', `it is before from, ${reflection.from}; use a day on or after it`);
    return reflection;
  },
};
