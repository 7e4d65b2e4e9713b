import type { Rating } from '../domain/competencies.js';
import type { Goal } from '../domain/goals.js';
import type { DumpCompetency, DumpDevelopment, DumpFeedback, DumpGoalCheckin, DumpNote } from '../domain/journal-dump.js';
import type { OneToOne } from '../domain/report-data.js';
import type { Db } from './db.js';
import { SEEDED_COMPETENCIES } from './migrations.js';

/** Inserted records keep the given id, or get a new one when `id` is null. */
type WithId<T extends { id: number }> = Omit<T, 'id'> & { id: number | null };

const bool = (value: boolean) => (value ? 1 : 0);

export type JournalRepo = ReturnType<typeof createJournalRepo>;

/**
 * What `perf export` and `perf import` need beyond the tables' own repos: competencies with their
 * timestamps, notes with their competencies by id, and inserts that may keep the ids and
 * timestamps of the file, so that a restore is exact. Each read is in id order.
 */
export function createJournalRepo(db: Db) {
  const all = <T>(sql: string) => db.prepare<[], T>(sql);
  const reads = {
    competencies: all<DumpCompetency>(
      `SELECT id, slug, name, description, target, position, created_at AS createdAt, updated_at AS updatedAt
       FROM competencies ORDER BY id`,
    ),
    notes: all<Omit<DumpNote, 'starred' | 'tags' | 'competencyIds'> & { starred: number; tags: string; competencyIds: string }>(
      `SELECT n.id, n.date, n.text, n.type, n.account, n.starred, n.goal_id AS goalId,
         (SELECT json_group_array(tag) FROM (SELECT tag FROM note_tags WHERE note_id = n.id ORDER BY tag)) AS tags,
         (SELECT json_group_array(competency_id) FROM (
            SELECT competency_id FROM note_competencies WHERE note_id = n.id ORDER BY competency_id)) AS competencyIds,
         n.created_at AS createdAt, n.updated_at AS updatedAt, n.source_key AS sourceKey
       FROM notes n ORDER BY n.id`,
    ),
  };
  const userRows = all<{ n: number }>(
    `SELECT (SELECT count(*) FROM config) + (SELECT count(*) FROM goals) + (SELECT count(*) FROM notes)
       + (SELECT count(*) FROM goal_checkins) + (SELECT count(*) FROM ratings) + (SELECT count(*) FROM feedback)
       + (SELECT count(*) FROM development) + (SELECT count(*) FROM checkins) AS n`,
  );
  const competencyContent = all<{ slug: string; name: string; description: string | null; target: number | null; position: number }>(
    'SELECT slug, name, description, target, position FROM competencies ORDER BY position, id',
  );

  const insert = {
    config: db.prepare('INSERT INTO config (key, value) VALUES (?, ?)'),
    competency: db.prepare(
      `INSERT INTO competencies (id, slug, name, description, target, position, created_at, updated_at)
       VALUES (@id, @slug, @name, @description, @target, @position, @createdAt, @updatedAt)`,
    ),
    goal: db.prepare(
      `INSERT INTO goals (id, slug, title, is_org, unit, baseline, target, start_date, due_date, status, closed_on,
         aligns_to_id, aligns_to_text, created_at, updated_at)
       VALUES (@id, @slug, @title, @org, @unit, @baseline, @target, @start, @due, @status, @closedOn,
         @alignsToId, @alignsToText, @createdAt, @updatedAt)`,
    ),
    note: db.prepare(
      `INSERT INTO notes (id, date, text, type, account, starred, goal_id, created_at, updated_at, source_key)
       VALUES (@id, @date, @text, @type, @account, @starred, @goalId, @createdAt, @updatedAt, @sourceKey)`,
    ),
    tag: db.prepare('INSERT OR IGNORE INTO note_tags (note_id, tag) VALUES (?, ?)'),
    noteCompetency: db.prepare('INSERT OR IGNORE INTO note_competencies (note_id, competency_id) VALUES (?, ?)'),
    goalCheckin: db.prepare(
      `INSERT INTO goal_checkins (id, goal_id, date, kind, amount, note, note_id, created_at)
       VALUES (@id, @goalId, @date, @kind, @amount, @note, @noteId, @createdAt)`,
    ),
    rating: db.prepare(
      `INSERT INTO ratings (id, competency_id, date, rating, source, rated_by, note, created_at)
       VALUES (@id, @competencyId, @date, @rating, @source, @ratedBy, @note, @createdAt)`,
    ),
    feedback: db.prepare(
      `INSERT INTO feedback (id, date, from_name, relationship, competency_id, text, created_at)
       VALUES (@id, @date, @from, @relationship, @competencyId, @text, @createdAt)`,
    ),
    development: db.prepare(
      `INSERT INTO development (id, title, competency_id, assigned_by, due_date, status, started_on, start_note, completed_on,
         outcome, created_at, updated_at)
       VALUES (@id, @title, @competencyId, @assignedBy, @due, @status, @startedOn, @startNote, @completedOn, @outcome,
         @createdAt, @updatedAt)`,
    ),
    checkin: db.prepare('INSERT INTO checkins (id, date, note, created_at) VALUES (@id, @date, @note, @createdAt)'),
  };
  const setAlignment = db.prepare<[number | null, number], void>('UPDATE goals SET aligns_to_id = ? WHERE id = ?');
  const removeCompetencies = db.prepare('DELETE FROM competencies');

  const newId = (info: { lastInsertRowid: number | bigint }) => Number(info.lastInsertRowid);

  return {
    competencies(): DumpCompetency[] {
      return reads.competencies.all();
    },
    notes(): DumpNote[] {
      return reads.notes.all().map((row) => ({
        ...row,
        starred: row.starred === 1,
        tags: JSON.parse(row.tags) as string[],
        competencyIds: JSON.parse(row.competencyIds) as number[],
      }));
    },

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

    insertConfig(key: string, value: string): void {
      insert.config.run(key, value);
    },
    insertCompetency(c: WithId<DumpCompetency>): number {
      return newId(insert.competency.run(c));
    },
    insertGoal(g: WithId<Goal>): number {
      return newId(insert.goal.run({ ...g, org: bool(g.org) }));
    },
    setGoalAlignment(goalId: number, alignsToId: number | null): void {
      setAlignment.run(alignsToId, goalId);
    },
    insertNote(n: WithId<DumpNote>): number {
      const id = newId(
        insert.note.run({
          id: n.id,
          date: n.date,
          text: n.text,
          type: n.type,
          account: n.account,
          starred: bool(n.starred),
          goalId: n.goalId,
          createdAt: n.createdAt,
          updatedAt: n.updatedAt,
          sourceKey: n.sourceKey,
        }),
      );
      for (const tag of n.tags) insert.tag.run(id, tag);
      for (const competencyId of n.competencyIds) insert.noteCompetency.run(id, competencyId);
      return id;
    },
    insertGoalCheckin(c: WithId<DumpGoalCheckin>): number {
      return newId(insert.goalCheckin.run(c));
    },
    insertRating(r: WithId<Rating>): number {
      return newId(insert.rating.run(r));
    },
    insertFeedback(f: WithId<DumpFeedback>): number {
      return newId(insert.feedback.run(f));
    },
    insertDevelopment(d: WithId<DumpDevelopment>): number {
      return newId(insert.development.run(d));
    },
    insertCheckin(c: WithId<OneToOne>): number {
      return newId(insert.checkin.run(c));
    },
  };
}
