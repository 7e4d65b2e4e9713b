import type { Day } from '../domain/calendar.js';
import { settingsFrom } from '../domain/config.js';
import type { GoalStatus } from '../domain/goal-progress.js';
import type {
  CheckinSnapshot,
  DevelopmentStatus,
  OneToOne,
  RatingSource,
  Relationship,
  ReportCheckinEntry,
  ReportCompetency,
  ReportDevelopment,
  ReportFeedback,
  ReportGoal,
  ReportRating,
  StatusSnapshot,
  SummarySnapshot,
} from '../domain/report-data.js';
import type { Db } from './db.js';
import { createCheckinsRepo } from './checkins-repo.js';
import { createNotesRepo } from './notes-repo.js';

interface GoalRow {
  id: number;
  slug: string;
  title: string;
  is_org: number;
  unit: string | null;
  baseline: number;
  target: number | null;
  start_date: string;
  due_date: string | null;
  status: string;
  closed_on: string | null;
  aligns_to_text: string | null;
  a_id: number | null;
  a_slug: string | null;
  a_title: string | null;
}

interface GoalCheckinRow {
  id: number;
  goal_id: number;
  date: string;
  kind: 'set' | 'add';
  amount: number;
  note: string | null;
  note_id: number | null;
}

interface RatingRow {
  id: number;
  competency_id: number;
  date: string;
  rating: number;
  source: string;
  rated_by: string | null;
  note: string | null;
}

interface FeedbackRow {
  id: number;
  date: string;
  from_name: string;
  relationship: string;
  competency_slug: string | null;
  text: string;
}

interface DevelopmentRow {
  id: number;
  title: string;
  competency_slug: string | null;
  assigned_by: string | null;
  due_date: string | null;
  status: string;
  started_on: string | null;
  completed_on: string | null;
  outcome: string | null;
}

function rowToGoal(row: GoalRow, checkins: ReportCheckinEntry[]): ReportGoal {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    org: row.is_org === 1,
    unit: row.unit,
    baseline: row.baseline,
    target: row.target,
    start: row.start_date,
    due: row.due_date,
    status: row.status as GoalStatus,
    closedOn: row.closed_on,
    alignsTo:
      row.a_id !== null && row.a_slug !== null && row.a_title !== null
        ? { id: row.a_id, slug: row.a_slug, title: row.a_title }
        : row.aligns_to_text,
    checkins,
  };
}

function rowToCheckinEntry(row: GoalCheckinRow): ReportCheckinEntry {
  return { id: row.id, date: row.date, kind: row.kind, amount: row.amount, note: row.note, noteId: row.note_id };
}

function rowToRating(row: RatingRow): ReportRating {
  return {
    id: row.id,
    competencyId: row.competency_id,
    date: row.date,
    rating: row.rating,
    source: row.source as RatingSource,
    ratedBy: row.rated_by,
    note: row.note,
  };
}

function rowToFeedback(row: FeedbackRow): ReportFeedback {
  return {
    id: row.id,
    date: row.date,
    from: row.from_name,
    relationship: row.relationship as Relationship,
    competency: row.competency_slug,
    text: row.text,
  };
}

function rowToDevelopment(row: DevelopmentRow): ReportDevelopment {
  return {
    id: row.id,
    title: row.title,
    competency: row.competency_slug,
    assignedBy: row.assigned_by,
    due: row.due_date,
    status: row.status as DevelopmentStatus,
    startedOn: row.started_on,
    completedOn: row.completed_on,
    outcome: row.outcome,
  };
}

export type ReportRepo = ReturnType<typeof createReportRepo>;

/**
 * The reads behind `perf summary`, `perf checkin` and `perf status`: each report reads everything
 * it needs in one read transaction, so a note logged meanwhile never shows up in half of it.
 */
export function createReportRepo(db: Db) {
  const notes = createNotesRepo(db);
  const config = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM config');
  const goals = db.prepare<[], GoalRow>(
    `SELECT g.id, g.slug, g.title, g.is_org, g.unit, g.baseline, g.target, g.start_date, g.due_date, g.status,
       g.closed_on, g.aligns_to_text, a.id AS a_id, a.slug AS a_slug, a.title AS a_title
     FROM goals g LEFT JOIN goals a ON a.id = g.aligns_to_id ORDER BY g.id`,
  );
  const goalCheckins = db.prepare<[], GoalCheckinRow>(
    'SELECT id, goal_id, date, kind, amount, note, note_id FROM goal_checkins ORDER BY date, id',
  );
  const competencies = db.prepare<[], ReportCompetency>(
    'SELECT id, slug, name, target FROM competencies ORDER BY position, slug',
  );
  const ratingsUntil = db.prepare<[string], RatingRow>(
    'SELECT id, competency_id, date, rating, source, rated_by, note FROM ratings WHERE date <= ? ORDER BY date, id',
  );
  const feedbackBetween = db.prepare<[string, string], FeedbackRow>(
    `SELECT f.id, f.date, f.from_name, f.relationship, c.slug AS competency_slug, f.text
     FROM feedback f LEFT JOIN competencies c ON c.id = f.competency_id
     WHERE f.date >= ? AND f.date <= ? ORDER BY f.date, f.id`,
  );
  const development = db.prepare<[], DevelopmentRow>(
    `SELECT d.id, d.title, c.slug AS competency_slug, d.assigned_by, d.due_date, d.status, d.started_on,
       d.completed_on, d.outcome
     FROM development d LEFT JOIN competencies c ON c.id = d.competency_id ORDER BY d.id`,
  );
  const oneToOnes = createCheckinsRepo(db);
  const noteDays = db.prepare<[], { date: string; count: number }>(
    'SELECT date, count(*) AS count FROM notes GROUP BY date ORDER BY date',
  );
  const lastNoteId = db.prepare<[], { id: number }>('SELECT id FROM notes ORDER BY date DESC, id DESC LIMIT 1');

  const readSettings = () => settingsFrom(new Map(config.all().map((row) => [row.key, row.value])));

  const readGoals = (): ReportGoal[] => {
    const byGoal = new Map<number, ReportCheckinEntry[]>();
    for (const row of goalCheckins.all()) {
      const list = byGoal.get(row.goal_id) ?? [];
      list.push(rowToCheckinEntry(row));
      byGoal.set(row.goal_id, list);
    }
    return goals.all().map((row) => rowToGoal(row, byGoal.get(row.id) ?? []));
  };

  const readDevelopment = () => development.all().map(rowToDevelopment);

  // A deferred transaction: the reads share one snapshot of the database and take no write lock.
  const snapshot = <T>(fn: () => T): T => db.transaction(fn).deferred();

  return {
    readSummarySnapshot(from: Day, to: Day): SummarySnapshot {
      return snapshot(() => ({
        settings: readSettings(),
        notes: notes.list({ from, to, ascending: true }),
        goals: readGoals(),
        competencies: competencies.all(),
        ratings: ratingsUntil.all(to).map(rowToRating),
        feedback: feedbackBetween.all(from, to).map(rowToFeedback),
        development: readDevelopment(),
      }));
    },

    /** `chooseFrom` picks the first day of the agenda once the last one-to-one is known. */
    readCheckinSnapshot(today: Day, chooseFrom: (last: OneToOne | null) => Day): CheckinSnapshot {
      return snapshot(() => {
        const last = oneToOnes.latest();
        const from = chooseFrom(last);
        return {
          settings: readSettings(),
          lastOneToOne: last,
          from,
          notes: notes.list({ from, to: today, ascending: true }),
          goals: readGoals(),
          feedback: feedbackBetween.all(from, today).map(rowToFeedback),
          development: readDevelopment(),
        };
      });
    },

    readStatusSnapshot(): StatusSnapshot {
      return snapshot(() => {
        const last = lastNoteId.get();
        return {
          settings: readSettings(),
          noteDays: noteDays.all(),
          lastNote: last ? notes.get(last.id) : null,
          goals: readGoals(),
          development: readDevelopment(),
        };
      });
    },
  };
}
