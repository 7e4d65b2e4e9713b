import type { Day } from '../domain/calendar.js';
import type { DevStatus, DevelopmentActivity } from '../domain/development.js';
import type { Db } from './db.js';
import { onFirstUse } from './on-first-use.js';

interface DevelopmentRow {
  id: number;
  title: string;
  competency_id: number | null;
  competency_slug: string | null;
  assigned_by: string | null;
  due_date: string | null;
  status: string;
  started_on: string | null;
  start_note: string | null;
  completed_on: string | null;
  outcome: string | null;
  created_at: string;
  updated_at: string;
}

export function rowToDevelopment(row: DevelopmentRow): DevelopmentActivity {
  return {
    id: row.id,
    title: row.title,
    competencyId: row.competency_id,
    competency: row.competency_slug,
    assignedBy: row.assigned_by,
    due: row.due_date,
    status: row.status as DevStatus,
    startedOn: row.started_on,
    startNote: row.start_note,
    completedOn: row.completed_on,
    outcome: row.outcome,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const SELECT_DEVELOPMENT = `
SELECT d.id, d.title, d.competency_id, c.slug AS competency_slug, d.assigned_by, d.due_date, d.status,
  d.started_on, d.start_note, d.completed_on, d.outcome, d.created_at, d.updated_at
FROM development d LEFT JOIN competencies c ON c.id = d.competency_id`;

export interface DevelopmentRecord {
  title: string;
  competencyId: number | null;
  assignedBy: string | null;
  due: Day | null;
}

export interface DevelopmentProgress {
  status: DevStatus;
  startedOn: Day | null;
  startNote: string | null;
  completedOn: Day | null;
  outcome: string | null;
}

export type DevelopmentRepo = ReturnType<typeof createDevelopmentRepo>;

export function createDevelopmentRepo(db: Db) {
  const insert = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      `INSERT INTO development (title, competency_id, assigned_by, due_date, created_at, updated_at)
     VALUES (@title, @competencyId, @assignedBy, @due, @now, @now)`,
    ),
  );
  const byId = onFirstUse(() => db.prepare<[number], DevelopmentRow>(`${SELECT_DEVELOPMENT} WHERE d.id = ?`));
  const progress = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      `UPDATE development SET status = @status, started_on = @startedOn, start_note = @startNote, completed_on = @completedOn, outcome = @outcome,
       updated_at = @now WHERE id = @id`,
    ),
  );
  const update = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      `UPDATE development SET title = @title, competency_id = @competencyId, assigned_by = @assignedBy, due_date = @due,
       started_on = @startedOn, start_note = @startNote, completed_on = @completedOn, outcome = @outcome, updated_at = @now WHERE id = @id`,
    ),
  );
  const remove = onFirstUse(() => db.prepare<[number], void>('DELETE FROM development WHERE id = ?'));
  const list = onFirstUse(() =>
    db.prepare<[{ competencyId: number | null }], DevelopmentRow>(
      `${SELECT_DEVELOPMENT} WHERE (@competencyId IS NULL OR d.competency_id = @competencyId) ORDER BY d.id`,
    ),
  );
  // Years of done and dropped activities stay unread where only the open ones count (isOpen).
  const open = onFirstUse(() =>
    db.prepare<[], DevelopmentRow>(`${SELECT_DEVELOPMENT} WHERE d.status IN ('planned', 'in-progress') ORDER BY d.id`),
  );

  // A report of a period needs what was open in it or closed since it began (listSince).
  const since = onFirstUse(() =>
    db.prepare<[string], DevelopmentRow>(`${SELECT_DEVELOPMENT} WHERE d.completed_on IS NULL OR d.completed_on >= ? ORDER BY d.id`),
  );

  return {
    insert(record: DevelopmentRecord, now: string): number {
      const info = insert().run({ ...record, now }) as unknown as { lastInsertRowid: number | bigint };
      return Number(info.lastInsertRowid);
    },
    get(id: number): DevelopmentActivity | null {
      const row = byId().get(id);
      return row ? rowToDevelopment(row) : null;
    },
    setProgress(id: number, change: DevelopmentProgress, now: string): void {
      progress().run({ ...change, id, now });
    },
    /** Corrects what an activity is and the days and notes of its steps; its status stays. */
    update(id: number, record: DevelopmentRecord & Omit<DevelopmentProgress, 'status'>, now: string): void {
      update().run({ ...record, id, now });
    },
    delete(id: number): void {
      remove().run(id);
    },
    /** The open activities (planned or in progress, as `isOpen`), by id. */
    listOpen(): DevelopmentActivity[] {
      return open().all().map(rowToDevelopment);
    },
    /**
     * The activities not done or dropped before `day`, by id: what a summary from `day` shows
     * (completed in its period, or open at its end); years of earlier ones stay unread.
     */
    listSince(day: Day): DevelopmentActivity[] {
      return since().all(day).map(rowToDevelopment);
    },
    /** Every activity, or those for one competency, by id; the plan's order is the domain's. */
    list(competencyId?: number): DevelopmentActivity[] {
      return list()
        .all({ competencyId: competencyId ?? null })
        .map(rowToDevelopment);
    },
  };
}
