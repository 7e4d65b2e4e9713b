import type {
  DumpCompetency,
  DumpDeal,
  DumpDevelopment,
  DumpReflection,
  DumpFeedback,
  DumpGoal,
  DumpGoalUpdate,
  DumpNote,
  DumpOneToOne,
  DumpRating,
  KeyedTable,
} from '../domain/journal-dump.js';
import type Database from 'better-sqlite3';
import type { Db } from './db.js';
import { createExportNotes } from './export-notes.js';
import { SEEDED_COMPETENCIES } from './migrations.js';

/** Inserted records keep the given id, or get a new one when `id` is null. */
type WithId<T extends { id: number }> = Omit<T, 'id'> & { id: number | null };

/** A note to insert; `dealId` may be left out by callers that know of no deals (jrnl, tests). */
type NoteInsert = Omit<WithId<DumpNote>, 'dealId'> & { dealId?: number | null };

type NoteRow = Omit<DumpNote, 'starred' | 'tags' | 'goalIds' | 'competencyIds'> & {
  starred: number;
  tags: string;
  goalIds: string;
  competencyIds: string;
};

const noteOf = (row: NoteRow): DumpNote => ({
  ...row,
  starred: row.starred === 1,
  tags: JSON.parse(row.tags) as string[],
  goalIds: JSON.parse(row.goalIds) as number[],
  competencyIds: JSON.parse(row.competencyIds) as number[],
});

const bool = (value: boolean) => (value ? 1 : 0);

/**
 * The export's keys for goal updates and one-to-ones (`goalCheckins`, `checkins`) and their SQL
 * tables (`goal_checkins`, `checkins`) keep the names they had when "check-in" meant both. Scripts
 * read those keys, the source keys of imported rows are built from them, and renaming a table needs
 * a migration; only the TypeScript names say "update" and "one-to-one".
 */
const SQL_TABLES: Record<KeyedTable, string> = {
  goals: 'goals',
  deals: 'deals',
  notes: 'notes',
  goalCheckins: 'goal_checkins',
  ratings: 'ratings',
  feedback: 'feedback',
  development: 'development',
  checkins: 'checkins',
  reflections: 'reflections',
};

/** What makes two records without a source key the same record, by field (see keylessMatches). */
export interface RecordContent {
  goalCheckins: { goalId: number; date: string; kind: string; amount: number; note: string | null };
  ratings: { competencyId: number; date: string; rating: number; source: string; ratedBy: string | null; note: string | null };
  feedback: { date: string; from: string; relationship: string; competencyId: number | null; text: string };
  development: {
    title: string;
    competencyId: number | null;
    assignedBy: string | null;
    due: string | null;
    status: string;
    startedOn: string | null;
    startNote: string | null;
    completedOn: string | null;
    outcome: string | null;
  };
  checkins: { date: string; note: string | null };
  deals: {
    name: string;
    account: string | null;
    value: number;
    stage: string | null;
    status: string;
    expectedClose: string | null;
    closedOn: string | null;
    reason: string | null;
  };
}

/** The column behind each field of RecordContent: the only place its SQL names are known. */
const CONTENT_COLUMNS: { [T in keyof RecordContent]: Record<keyof RecordContent[T], string> } = {
  goalCheckins: { goalId: 'goal_id', date: 'date', kind: 'kind', amount: 'amount', note: 'note' },
  ratings: { competencyId: 'competency_id', date: 'date', rating: 'rating', source: 'source', ratedBy: 'rated_by', note: 'note' },
  feedback: { date: 'date', from: 'from_name', relationship: 'relationship', competencyId: 'competency_id', text: 'text' },
  development: {
    title: 'title',
    competencyId: 'competency_id',
    assignedBy: 'assigned_by',
    due: 'due_date',
    status: 'status',
    startedOn: 'started_on',
    startNote: 'start_note',
    completedOn: 'completed_on',
    outcome: 'outcome',
  },
  checkins: { date: 'date', note: 'note' },
  deals: {
    name: 'name',
    account: 'account',
    value: 'value',
    stage: 'stage',
    status: 'status',
    expectedClose: 'expected_close',
    closedOn: 'closed_on',
    reason: 'reason',
  },
};

export type JournalRepo = ReturnType<typeof createJournalRepo>;

/** A note with its tags and competency ids as JSON arrays (see noteOf). */
const NOTE_COLUMNS = `SELECT n.id, n.date, n.text, n.type, n.account, n.starred, n.deal_id AS dealId,
         (SELECT json_group_array(goal_id) FROM (SELECT goal_id FROM note_goals WHERE note_id = n.id ORDER BY goal_id)) AS goalIds,
         (SELECT json_group_array(tag) FROM (SELECT tag FROM note_tags WHERE note_id = n.id ORDER BY tag)) AS tags,
         (SELECT json_group_array(competency_id) FROM (
            SELECT competency_id FROM note_competencies WHERE note_id = n.id ORDER BY competency_id)) AS competencyIds,
         n.created_at AS createdAt, n.updated_at AS updatedAt, n.source_key AS sourceKey
       FROM notes n`;

/**
 * What `perf export` and `perf import` need beyond the tables' own repos: competencies with their
 * timestamps, notes with their competencies by id, and inserts that may keep the ids and
 * timestamps of the file, so that a restore is exact. Each read is in id order.
 */
export function createJournalRepo(db: Db) {
  const all = <T>(sql: string) => db.prepare<[], T>(sql);
  const reads = {
    notes: all<NoteRow>(`${NOTE_COLUMNS} ORDER BY n.id`),
    deals: all<DumpDeal>(
      `SELECT id, slug, name, account, value, stage, status, expected_close AS expectedClose, closed_on AS closedOn, reason,
         external_id AS externalId, created_at AS createdAt, updated_at AS updatedAt, source_key AS sourceKey
       FROM deals ORDER BY id`,
    ),
    reflections: all<DumpReflection>(
      `SELECT id, from_date AS "from", to_date AS "to", text, created_at AS createdAt, updated_at AS updatedAt, source_key AS sourceKey
       FROM reflections ORDER BY id`,
    ),
    feedbackFlags: all<{ id: number; starred: number; constructive: number }>('SELECT id, starred, constructive FROM feedback'),
    competencies: all<DumpCompetency>(
      `SELECT id, slug, name, description, target, position, created_at AS createdAt, updated_at AS updatedAt
       FROM competencies ORDER BY id`,
    ),
  };
  const journalId = db.prepare<[], { id: string }>('SELECT journal_id AS id FROM meta');
  const setJournalId = db.prepare<[string], void>('UPDATE meta SET journal_id = ?');
  const userRows = all<{ n: number }>(
    `SELECT (SELECT count(*) FROM config) + (SELECT count(*) FROM goals) + (SELECT count(*) FROM notes)
       + (SELECT count(*) FROM goal_checkins) + (SELECT count(*) FROM ratings) + (SELECT count(*) FROM feedback)
       + (SELECT count(*) FROM development) + (SELECT count(*) FROM checkins)
       + (SELECT count(*) FROM deals) + (SELECT count(*) FROM reflections) AS n`,
  );
  const competencyContent = all<{ slug: string; name: string; description: string | null; target: number | null; position: number }>(
    'SELECT slug, name, description, target, position FROM competencies ORDER BY position, id',
  );

  const removeCompetencies = db.prepare('DELETE FROM competencies');

  return {
    competencies(): DumpCompetency[] {
      return reads.competencies.all();
    },
    notes(): DumpNote[] {
      return reads.notes.all().map(noteOf);
    },
    /** Deals with their source keys, by id. */
    deals(): DumpDeal[] {
      return reads.deals.all();
    },
    /** Reflections with their source keys, by id (perf reflect has its own reads). */
    reflections(): DumpReflection[] {
      return reads.reflections.all();
    },
    /** Each piece of feedback's flags by id, for the export (the listing may not carry them). */
    feedbackFlags(): Map<number, { starred: boolean; constructive: boolean }> {
      return new Map(
        reads.feedbackFlags.all().map((row) => [row.id, { starred: row.starred === 1, constructive: row.constructive === 1 }]),
      );
    },
    /** Each note's export JSON, one at a time, in id order: an export of ten years need not hold them all at once. */
    eachNoteJson: createExportNotes(db),

    /** The random id this journal's typed records are known by elsewhere (migration 4). */
    journalId(): string {
      const row = journalId.get();
      if (!row) throw new Error('the journal has no identity (meta table)');
      return row.id;
    },
    /** Only when restoring another journal's export into an empty one: the copy is that journal. */
    setJournalId(id: string): void {
      setJournalId.run(id);
    },
    ...createRecordLookups(db),

    /** Nothing but the competency framework a new journal is seeded with, untouched. */
    holdsOnlySeededFramework(): boolean {
      if ((userRows.get()?.n ?? 0) > 0) return false;
      const rows = competencyContent.all();
      return (
        rows.length === SEEDED_COMPETENCIES.length &&
        rows.every((row, i) => {
          const seeded = SEEDED_COMPETENCIES[i];
          return (
            seeded !== undefined &&
            row.slug === seeded[0] &&
            row.name === seeded[1] &&
            row.description === seeded[2] &&
            row.target === null &&
            row.position === i + 1
          );
        })
      );
    },

    /** Only while restoring into a journal that holds nothing else. */
    removeAllCompetencies(): void {
      removeCompetencies.run();
    },

    /** Goals may align to goals inserted later; the check waits for the commit. */
    deferForeignKeys(): void {
      db.pragma('defer_foreign_keys = ON');
    },

    ...createRecordInserts(db),
  };
}

/** How an import finds a record the journal already holds: by source key, by id and instant, or by content. */
function createRecordLookups(db: Db) {
  const byTable = <T>(make: (table: string) => T) => {
    const made = new Map<KeyedTable, T>();
    return (table: KeyedTable): T => {
      let value = made.get(table);
      if (value === undefined) {
        value = make(SQL_TABLES[table]);
        made.set(table, value);
      }
      return value;
    };
  };
  const sourceKeys = byTable((t) =>
    db.prepare<[], { id: number; key: string }>(`SELECT id, source_key AS key FROM ${t} WHERE source_key IS NOT NULL`),
  );
  const bySourceKey = byTable((t) => db.prepare<[string], { id: number }>(`SELECT id FROM ${t} WHERE source_key = ?`));
  const typed = byTable((t) =>
    db.prepare<[number, string], { id: number }>(`SELECT id FROM ${t} WHERE id = ? AND created_at = ? AND source_key IS NULL`),
  );
  const keyless = new Map<string, Database.Statement<Record<string, unknown>, { id: number }>>();
  const backsNote = db.prepare<[number, number], { id: number }>('SELECT id FROM goal_checkins WHERE note_id = ? AND goal_id = ?');
  const reflectionFor = db.prepare<[string, string], { id: number }>('SELECT id FROM reflections WHERE from_date = ? AND to_date = ?');
  const dealByExternalId = db.prepare<[string], { id: number }>('SELECT id FROM deals WHERE external_id = ?');
  const dealSlugs = db.prepare<[], { slug: string }>('SELECT slug FROM deals');
  const keylessNotes = db.prepare<[string, string], NoteRow>(
    `${NOTE_COLUMNS} WHERE n.source_key IS NULL AND n.date = ? AND n.text = ? ORDER BY n.id`,
  );
  return {
    /** Each record's source key by id, for the records that have one. */
    sourceKeys(table: KeyedTable): Map<number, string> {
      return new Map(
        sourceKeys(table)
          .all()
          .map((row) => [row.id, row.key]),
      );
    },
    findBySourceKey(table: KeyedTable, key: string): number | undefined {
      return bySourceKey(table).get(key)?.id;
    },
    /** A record typed into this journal (no source key) with this id and creation instant. */
    findTyped(table: KeyedTable, id: number, createdAt: string): number | undefined {
      return typed(table).get(id, createdAt)?.id;
    },
    /** Notes without a source key on `date` with exactly `text`, in id order. */
    keylessNotes(date: string, text: string): DumpNote[] {
      return keylessNotes.all(date, text).map(noteOf);
    },
    /** Records without a source key whose columns equal `content` (NULL equal to NULL), in id order. */
    keylessMatches<T extends keyof RecordContent>(table: T, content: RecordContent[T]): number[] {
      const fields = Object.keys(content).sort();
      const name = `${table}:${fields.join(',')}`;
      let statement = keyless.get(name);
      if (!statement) {
        // Column names come from CONTENT_COLUMNS, never from the file.
        const columns = CONTENT_COLUMNS[table] as Record<string, string>;
        const where = fields.map((f) => `${columns[f]} IS @${f}`).join(' AND ');
        statement = db.prepare(`SELECT id FROM ${SQL_TABLES[table]} WHERE source_key IS NULL AND ${where} ORDER BY id`);
        keyless.set(name, statement);
      }
      return statement.all(content as Record<string, unknown>).map((row) => row.id);
    },
    /** The reflection on exactly this range, whatever its source: a journal holds one per range. */
    reflectionFor(from: string, to: string): number | undefined {
      return reflectionFor.get(from, to)?.id;
    },
    /** The deal a CRM knows by this id: the same deal, however it came in. */
    dealByExternalId(externalId: string): number | undefined {
      return dealByExternalId.get(externalId)?.id;
    },
    dealSlugs(): Set<string> {
      return new Set(dealSlugs.all().map((row) => row.slug));
    },
    /** Whether a goal update is backed by this note already. */
    noteBacksGoalUpdate(noteId: number, goalId: number): boolean {
      return backsNote.get(noteId, goalId) !== undefined;
    },
  };
}

/** The inserts of a restore or merge, which keep the file's ids and timestamps or take new ones. */
function createRecordInserts(db: Db) {
  const insert = prepareInserts(db);
  const setAlignment = db.prepare<[number | null, number], void>('UPDATE goals SET aligns_to_id = ? WHERE id = ?');
  const newId = (info: { lastInsertRowid: number | bigint }) => Number(info.lastInsertRowid);
  return {
    insertConfig(key: string, value: string): void {
      insert.config.run(key, value);
    },
    insertCompetency(c: WithId<DumpCompetency>): number {
      return newId(insert.competency.run(c));
    },
    insertGoal(g: WithId<DumpGoal>): number {
      return newId(insert.goal.run({ ...g, org: bool(g.org), rule: g.rule === null ? null : JSON.stringify(g.rule) }));
    },
    setGoalAlignment(goalId: number, alignsToId: number | null): void {
      setAlignment.run(alignsToId, goalId);
    },
    insertNote(n: NoteInsert): number {
      const id = newId(
        insert.note.run({
          id: n.id,
          date: n.date,
          text: n.text,
          type: n.type,
          account: n.account,
          starred: bool(n.starred),
          dealId: n.dealId ?? null,
          createdAt: n.createdAt,
          updatedAt: n.updatedAt,
          sourceKey: n.sourceKey,
        }),
      );
      for (const tag of n.tags) insert.tag.run(id, tag);
      for (const goalId of n.goalIds) insert.noteGoal.run(id, goalId);
      for (const competencyId of n.competencyIds) insert.noteCompetency.run(id, competencyId);
      return id;
    },
    insertGoalUpdate(c: WithId<DumpGoalUpdate>): number {
      // An update a note made needs the note linked to its goal (a version-1 file may not say so).
      if (c.noteId !== null) insert.noteGoal.run(c.noteId, c.goalId);
      return newId(insert.goalUpdate.run(c));
    },
    insertRating(r: WithId<DumpRating>): number {
      return newId(insert.rating.run(r));
    },
    insertFeedback(f: WithId<DumpFeedback>): number {
      return newId(insert.feedback.run({ ...f, starred: bool(f.starred), constructive: bool(f.constructive) }));
    },
    insertDeal(d: WithId<DumpDeal>): number {
      return newId(insert.deal.run(d));
    },
    insertReflection(r: WithId<DumpReflection>): number {
      return newId(insert.reflection.run(r));
    },
    insertDevelopment(d: WithId<DumpDevelopment>): number {
      return newId(insert.development.run(d));
    },
    insertOneToOne(c: WithId<DumpOneToOne>): number {
      return newId(insert.oneToOne.run(c));
    },
  };
}

/** One statement per table, with every column a restore keeps. */
function prepareInserts(db: Db) {
  return {
    config: db.prepare('INSERT INTO config (key, value) VALUES (?, ?)'),
    competency: db.prepare(
      `INSERT INTO competencies (id, slug, name, description, target, position, created_at, updated_at)
       VALUES (@id, @slug, @name, @description, @target, @position, @createdAt, @updatedAt)`,
    ),
    goal: db.prepare(
      `INSERT INTO goals (id, slug, title, is_org, unit, baseline, target, start_date, due_date, status, closed_on,
         aligns_to_id, aligns_to_text, rule, every, outcome, rolled_from, created_at, updated_at, source_key)
       VALUES (@id, @slug, @title, @org, @unit, @baseline, @target, @start, @due, @status, @closedOn,
         @alignsToId, @alignsToText, @rule, @every, @outcome, @rolledFrom, @createdAt, @updatedAt, @sourceKey)`,
    ),
    note: db.prepare(
      `INSERT INTO notes (id, date, text, type, account, starred, deal_id, created_at, updated_at, source_key)
       VALUES (@id, @date, @text, @type, @account, @starred, @dealId, @createdAt, @updatedAt, @sourceKey)`,
    ),
    tag: db.prepare('INSERT OR IGNORE INTO note_tags (note_id, tag) VALUES (?, ?)'),
    noteGoal: db.prepare('INSERT OR IGNORE INTO note_goals (note_id, goal_id) VALUES (?, ?)'),
    noteCompetency: db.prepare('INSERT OR IGNORE INTO note_competencies (note_id, competency_id) VALUES (?, ?)'),
    goalUpdate: db.prepare(
      `INSERT INTO goal_checkins (id, goal_id, date, kind, amount, note, note_id, created_at, source_key)
       VALUES (@id, @goalId, @date, @kind, @amount, @note, @noteId, @createdAt, @sourceKey)`,
    ),
    rating: db.prepare(
      `INSERT INTO ratings (id, competency_id, date, rating, source, rated_by, note, created_at, source_key)
       VALUES (@id, @competencyId, @date, @rating, @source, @ratedBy, @note, @createdAt, @sourceKey)`,
    ),
    feedback: db.prepare(
      `INSERT INTO feedback (id, date, from_name, relationship, competency_id, text, starred, constructive, created_at, source_key)
       VALUES (@id, @date, @from, @relationship, @competencyId, @text, @starred, @constructive, @createdAt, @sourceKey)`,
    ),
    development: db.prepare(
      `INSERT INTO development (id, title, competency_id, assigned_by, due_date, status, started_on, start_note, completed_on,
         outcome, created_at, updated_at, source_key)
       VALUES (@id, @title, @competencyId, @assignedBy, @due, @status, @startedOn, @startNote, @completedOn, @outcome,
         @createdAt, @updatedAt, @sourceKey)`,
    ),
    deal: db.prepare(
      `INSERT INTO deals (id, slug, name, account, value, stage, status, expected_close, closed_on, reason, external_id,
         created_at, updated_at, source_key)
       VALUES (@id, @slug, @name, @account, @value, @stage, @status, @expectedClose, @closedOn, @reason, @externalId,
         @createdAt, @updatedAt, @sourceKey)`,
    ),
    reflection: db.prepare(
      `INSERT INTO reflections (id, from_date, to_date, text, created_at, updated_at, source_key)
       VALUES (@id, @from, @to, @text, @createdAt, @updatedAt, @sourceKey)`,
    ),
    oneToOne: db.prepare(
      'INSERT INTO checkins (id, date, note, created_at, source_key) VALUES (@id, @date, @note, @createdAt, @sourceKey)',
    ),
  };
}
