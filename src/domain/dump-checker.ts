/** A whole perf export checked as it is read, before anything is written (see journal-dump.ts). */
import { UsageError } from '../errors.js';
import type { Day } from './calendar.js';
import { findConfigKey } from './config.js';
import { isObject, parseDumpRecord, recordName, type Json, type ParseDumpOptions } from './dump-records.js';
import { valuesAfterEach } from './goal-progress.js';
import { wouldCreateCycle } from './goal-refs.js';
import { refuseField, refuseImport } from './import-records.js';
import {
  DUMP_TABLES,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type DumpCompetency,
  type DumpDeal,
  type DumpDevelopment,
  type DumpReflection,
  type DumpFeedback,
  type DumpGoal,
  type DumpGoalUpdate,
  type DumpNote,
  type DumpRating,
  type DumpRecords,
  type DumpTable,
  type RecordTable,
} from './journal-dump.js';
import { MAGNITUDE_RULE, isNumberInRange } from './numbers.js';

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
  private readonly slugs = {
    competencies: new Set<string>(),
    names: new Set<string>(),
    goals: new Set<string>(),
    deals: new Set<string>(),
    externalIds: new Set<string>(),
    reflections: new Set<string>(),
  };
  private readonly goals = new Map<number, { where: string; alignsToId: number | null; baseline: number; slug: string }>();
  /** References to records not read yet, checked once the whole file has been. */
  private readonly pending: { where: string; field: string; id: number; table: RecordTable; what: string }[] = [];
  private readonly linkedNotes = new Set<string>();
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
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
        refuseField(source, 'version', value, 'use a version number such as 1');
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
    } else if (table === 'deals') {
      const d = record as DumpDeal;
      unique(this.slugs.deals, d.slug, 'slug', d.slug);
      if (d.externalId !== null) unique(this.slugs.externalIds, d.externalId, 'externalId', d.externalId);
    } else if (table === 'reflections') {
      const r = record as DumpReflection;
      unique(this.slugs.reflections, `${r.from}/${r.to}`, 'from', r.from);
    } else if (table === 'notes') {
      const n = record as DumpNote;
      must('dealId', n.dealId, 'deals', 'deal');
      for (const id of n.goalIds) must('goalIds', id, 'goals', 'goal');
      for (const id of n.competencyIds) must('competencyIds', id, 'competencies', 'competency');
    } else if (table === 'goalCheckins') {
      const c = record as DumpGoalUpdate;
      must('goalId', c.goalId, 'goals', 'goal');
      must('noteId', c.noteId, 'notes', 'note');
      if (c.noteId !== null) {
        // A note backs one update per goal it moves.
        const pair = `${c.noteId}:${c.goalId}`;
        if (this.linkedNotes.has(pair)) fail('noteId', 'the note already backs another check-in of this goal', c.noteId);
        this.linkedNotes.add(pair);
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
    if (this.format === undefined)
      refuseField(source, 'format', undefined, `use "${EXPORT_FORMAT}" (a file from perf export --format json)`);
    if (this.version === undefined) refuseField(source, 'version', undefined, 'use a version number such as 1');
    for (const ref of this.pending) {
      if (!this.ids[ref.table].has(ref.id)) refuseField(ref.where, ref.field, ref.id, `there is no ${ref.what} with that id in the file`);
    }
    for (const [id, goal] of this.goals) {
      if (goal.alignsToId === null) continue;
      if (!this.goals.has(goal.alignsToId))
        refuseField(goal.where, 'alignsToId', goal.alignsToId, 'there is no goal with that id in the file');
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
        refuseField(
          update.where,
          'amount',
          update.amount,
          `it takes goal ${goal.slug} to ${values[bad]}, beyond 1e15; keep its value within ${MAGNITUDE_RULE}`,
        );
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
