import type { Day } from '../domain/calendar.js';
import { singleGoal, type Note, type NoteGoal, type NoteType } from '../domain/notes.js';
import type Database from 'better-sqlite3';
import type { Db } from './db.js';
import { onFirstUse } from './on-first-use.js';

/**
 * A period's notes with their links, read as four queries over the period (notes, then each link
 * table joined to the period's notes) instead of `notes-repo`'s correlated subqueries and JSON per
 * note: a year of notes is ~2.6k rows, and the per-note subqueries and JSON.parse were most of the
 * summary's reading time (issue 12). The result is the same notes as `list({from, to, ascending})`.
 */
export const PERIOD_NOTES_SQL = notesSql('n.date >= @from AND n.date <= @to');

/** The same for the notes whose ids are in the JSON array `@ids`: the few a cut summary shows. */
export const NOTES_BY_ID_SQL = notesSql('n.id IN (SELECT value FROM json_each(@ids))');

function notesSql(where: string) {
  return {
    notes: `SELECT n.id, n.date, n.text, n.type, n.account, n.starred, n.deal_id, n.created_at, n.updated_at, d.slug AS deal_slug
    FROM notes n LEFT JOIN deals d ON d.id = n.deal_id
    WHERE ${where} ORDER BY n.date, n.id`,
    tags: `SELECT t.note_id, t.tag FROM notes n JOIN note_tags t ON t.note_id = n.id
    WHERE ${where} ORDER BY t.note_id, t.tag`,
    goals: `SELECT l.note_id, g.id AS goal_id, g.slug, c.amount FROM notes n
    JOIN note_goals l ON l.note_id = n.id JOIN goals g ON g.id = l.goal_id
    LEFT JOIN goal_checkins c ON c.note_id = l.note_id AND c.goal_id = l.goal_id AND c.kind = 'add'
    WHERE ${where} ORDER BY l.note_id, g.id`,
    competencies: `SELECT nc.note_id, k.slug FROM notes n
    JOIN note_competencies nc ON nc.note_id = n.id JOIN competencies k ON k.id = nc.competency_id
    WHERE ${where} ORDER BY nc.note_id, k.position, k.slug`,
  };
}

interface PeriodNoteRow {
  id: number;
  date: string;
  text: string;
  type: string;
  account: string | null;
  starred: number;
  deal_id: number | null;
  deal_slug: string | null;
  created_at: string;
  updated_at: string;
}

type Range = { from: Day; to: Day };

export function createPeriodNotes(db: Db) {
  // Prepared on first use: only the summary reads a period's notes this way.
  const reader = <P extends object>(sql: ReturnType<typeof notesSql>) => {
    const statements = onFirstUse(() => ({
      notes: db.prepare<[P], PeriodNoteRow>(sql.notes),
      tags: db.prepare<[P], { note_id: number; tag: string }>(sql.tags),
      goals: db.prepare<[P], { note_id: number; goal_id: number; slug: string; amount: number | null }>(sql.goals),
      competencies: db.prepare<[P], { note_id: number; slug: string }>(sql.competencies),
    }));
    return (params: P): Note[] => readNotes(statements(), params);
  };
  const between = reader<Range>(PERIOD_NOTES_SQL);
  const byIds = reader<{ ids: string }>(NOTES_BY_ID_SQL);
  return {
    /** The notes dated from `from` to `to` (inclusive), oldest first, with their tags, goals and competencies. */
    notesBetween: (from: Day, to: Day): Note[] => between({ from, to }),
    /** The same for the notes with these ids (oldest first). */
    notesWithIds: (ids: readonly number[]): Note[] => (ids.length === 0 ? [] : byIds({ ids: JSON.stringify(ids) })),
  };
}

interface NoteStatements<P> {
  notes: Database.Statement<[P], PeriodNoteRow>;
  tags: Database.Statement<[P], { note_id: number; tag: string }>;
  goals: Database.Statement<[P], { note_id: number; goal_id: number; slug: string; amount: number | null }>;
  competencies: Database.Statement<[P], { note_id: number; slug: string }>;
}

function readNotes<P>(statements: NoteStatements<P>, params: P): Note[] {
  const tags = groupByNote(statements.tags.all(params), (row) => row.tag);
  const goals = groupByNote(
    statements.goals.all(params),
    (row): NoteGoal => ({ goalId: row.goal_id, slug: row.slug, progress: row.amount }),
  );
  const competencies = groupByNote(statements.competencies.all(params), (row) => row.slug);
  return statements.notes.all(params).map((row) => {
    const noteGoals = goals.get(row.id) ?? [];
    return {
      id: row.id,
      date: row.date,
      text: row.text,
      tags: tags.get(row.id) ?? [],
      type: row.type as NoteType,
      account: row.account,
      starred: row.starred === 1,
      deal: row.deal_slug,
      dealId: row.deal_id,
      goals: noteGoals,
      ...singleGoal(noteGoals),
      competencies: competencies.get(row.id) ?? [],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

function groupByNote<R extends { note_id: number }, T>(rows: readonly R[], item: (row: R) => T): Map<number, T[]> {
  const byNote = new Map<number, T[]>();
  for (const row of rows) {
    const list = byNote.get(row.note_id);
    if (list) list.push(item(row));
    else byNote.set(row.note_id, [item(row)]);
  }
  return byNote;
}
