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
} from '../domain/journal-dump.js';
import type { Db } from './db.js';

/** Inserted records keep the given id, or get a new one when `id` is null. */
type WithId<T extends { id: number }> = Omit<T, 'id'> & { id: number | null };

/** A note to insert; `dealId` may be left out by callers that know of no deals (jrnl, tests). */
type NoteInsert = Omit<WithId<DumpNote>, 'dealId'> & { dealId?: number | null };

const bool = (value: boolean) => (value ? 1 : 0);

/** The inserts of a restore or merge, which keep the file's ids and timestamps or take new ones. */
export function createRecordInserts(db: Db) {
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
