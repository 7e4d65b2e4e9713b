import type Database from 'better-sqlite3';
import { connect } from './connect.js';
import { addDays, type Day } from '../domain/calendar.js';
import type { RemindFacts } from '../domain/remind.js';

type Row = Record<string, unknown>;

/**
 * What `perf remind` needs, read the cheapest way: the journal opened read-only, without the
 * checks, migrations or WAL set-up of db.ts, with no wait for a lock (busy_timeout 0), and a few
 * small queries; what judges a goal's pace loads only when a goal is due within the week. Null
 * when the journal is missing, locked, from another version or unreadable: a reminder run from a
 * shell's start-up must never slow or break it.
 */
export async function readRemindFacts(file: string, today: Day): Promise<RemindFacts | null> {
  let db: Database.Database | undefined;
  try {
    db = connect(file, { readonly: true, fileMustExist: true, timeout: 0 });
    return await readFacts(db, today);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

const GOALS_DUE_BY = `SELECT * FROM goals WHERE status = 'active' AND is_org = 0 AND due_date IS NOT NULL AND due_date <= ? ORDER BY due_date, id`;

async function readFacts(db: Database.Database, today: Day): Promise<RemindFacts> {
  const rows = db.prepare(GOALS_DUE_BY).all(addDays(today, 7)) as Row[];
  const next = db.prepare("SELECT value FROM config WHERE key = 'checkin.next'").pluck().get() as string | undefined;
  return {
    today,
    ...(rows.length === 0 ? { behindDueSoon: [], ended: [] } : await judgeGoals(db, rows, today)),
    developmentDue: db
      .prepare("SELECT count(*) FROM development WHERE status IN ('planned', 'in-progress') AND due_date IS NOT NULL AND due_date <= ?")
      .pluck()
      .get(addDays(today, 14)) as number,
    nextOneToOne: next ?? null,
    loggedToday: db.prepare('SELECT 1 FROM notes WHERE date = ? LIMIT 1').pluck().get(today) !== undefined,
    hasNotes: db.prepare('SELECT 1 FROM notes LIMIT 1').pluck().get() !== undefined,
  };
}

/** The goals due within the week: those ended, and those behind pace (their value replayed or counted as everywhere). */
async function judgeGoals(db: Database.Database, rows: Row[], today: Day): Promise<Pick<RemindFacts, 'behindDueSoon' | 'ended'>> {
  const [{ createGoalCounts, rowToGoal }, { assessGoal, replayUpdates }] = await Promise.all([
    import('./goals-repo.js'),
    import('../domain/goal-progress.js'),
  ]);
  const counts = createGoalCounts(db);
  const updates = db.prepare('SELECT id, date, kind, amount FROM goal_checkins WHERE goal_id = ?');
  const behindDueSoon: RemindFacts['behindDueSoon'] = [];
  const ended: RemindFacts['ended'] = [];
  for (const row of rows) {
    const goal = rowToGoal(row as unknown as Parameters<typeof rowToGoal>[0]);
    if (goal.due === null) continue;
    if (goal.due < today) {
      ended.push({ slug: goal.slug, rollsOver: goal.every !== null });
      continue;
    }
    const own =
      goal.rule === null
        ? (updates.all(goal.id) as { id: number; date: Day; kind: 'set' | 'add'; amount: number }[])
        : counts.countedUpdates(goal);
    const { pace } = assessGoal({ ...goal, history: replayUpdates(goal.baseline, own) }, today);
    if (pace === 'behind') behindDueSoon.push({ slug: goal.slug, due: goal.due });
  }
  return { behindDueSoon, ended };
}
