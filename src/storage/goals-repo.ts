import type { Day } from '../domain/calendar.js';
import type { GoalStatus } from '../domain/goal-progress.js';
import { readGoalRule, ruleQuery, type RuleQuery } from '../domain/goal-rules.js';
import type { Goal, GoalOutcome, GoalUpdate, RollEvery } from '../domain/goals.js';
import type { Db } from './db.js';
import { onFirstUse } from './on-first-use.js';

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
  aligns_to_id: number | null;
  aligns_to_text: string | null;
  rule: string | null;
  every: string | null;
  outcome: string | null;
  rolled_from: number | null;
  created_at: string;
  updated_at: string;
}

interface GoalUpdateRow {
  id: number;
  goal_id: number;
  date: string;
  kind: string;
  amount: number;
  note: string | null;
  note_id: number | null;
  note_text: string | null;
  created_at: string;
}

export function rowToGoal(row: GoalRow): Goal {
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
    alignsToId: row.aligns_to_id,
    alignsToText: row.aligns_to_text,
    // perf remind reads journals as they are: one not yet at schema 9 has none of these columns.
    rule: readGoalRule(row.rule ?? null),
    every: (row.every ?? null) as RollEvery | null,
    outcome: (row.outcome ?? null) as GoalOutcome | null,
    rolledFrom: row.rolled_from ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * A goal's updates live in the table `goal_checkins`, named when "check-in" still meant a goal
 * update; the table and its columns keep that name, since renaming them would need a migration
 * and would change the source keys that imports match on.
 */
export function rowToGoalUpdate(row: GoalUpdateRow): GoalUpdate {
  return {
    id: row.id,
    goalId: row.goal_id,
    date: row.date,
    kind: row.kind as GoalUpdate['kind'],
    amount: row.amount,
    note: row.note,
    noteId: row.note_id,
    noteText: row.note_text,
    createdAt: row.created_at,
  };
}

/** Everything about a goal that is written; ids and timestamps are the repo's. */
export type GoalRecord = Omit<Goal, 'id' | 'createdAt' | 'updatedAt'>;

export type GoalUpdateRecord = Omit<GoalUpdate, 'id' | 'noteText' | 'createdAt'>;

const SELECT_UPDATE = `
SELECT c.id, c.goal_id, c.date, c.kind, c.amount, c.note, c.note_id, c.created_at, n.text AS note_text
FROM goal_checkins c LEFT JOIN notes n ON n.id = c.note_id`;

export type GoalsRepo = ReturnType<typeof createGoalsRepo>;

export function createGoalsRepo(db: Db) {
  const columns = `slug = @slug, title = @title, is_org = @org, unit = @unit, baseline = @baseline, target = @target,
    start_date = @start, due_date = @due, status = @status, closed_on = @closedOn, aligns_to_id = @alignsToId,
    aligns_to_text = @alignsToText, rule = @rule, every = @every, outcome = @outcome, rolled_from = @rolledFrom, updated_at = @now`;
  const insert = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      `INSERT INTO goals (slug, title, is_org, unit, baseline, target, start_date, due_date, status, closed_on,
       aligns_to_id, aligns_to_text, rule, every, outcome, rolled_from, created_at, updated_at)
     VALUES (@slug, @title, @org, @unit, @baseline, @target, @start, @due, @status, @closedOn,
       @alignsToId, @alignsToText, @rule, @every, @outcome, @rolledFrom, @now, @now)`,
    ),
  );
  const update = onFirstUse(() => db.prepare<[Record<string, unknown>], void>(`UPDATE goals SET ${columns} WHERE id = @id`));
  const reads = createGoalReads(db);
  const updates = createGoalUpdates(db);
  const counts = createGoalCounts(db);
  const params = (goal: GoalRecord, now: string) => ({
    ...goal,
    org: goal.org ? 1 : 0,
    rule: goal.rule === null ? null : JSON.stringify(goal.rule),
    now,
  });

  return {
    insert(goal: GoalRecord, now: string): number {
      const info = insert().run(params(goal, now)) as unknown as { lastInsertRowid: number | bigint };
      return Number(info.lastInsertRowid);
    },
    update(id: number, goal: GoalRecord, now: string): void {
      update().run({ ...params(goal, now), id });
    },
    ...reads,
    ...updates,
    ...createGoalRemoval(db),
    /** The updates that make a goal's value: its own, or for a goal that counts itself what it counts. */
    progressOf(goal: Goal): GoalUpdate[] {
      return goal.rule === null ? updates.updates(goal.id) : counts.countedUpdates(goal);
    },
    /** What makes each of these goals' values (progressOf), goal by goal: a report reads only the goals it shows. */
    progressOfGoals(goals: readonly Goal[]): GoalUpdate[] {
      return goals.flatMap((goal) => (goal.rule === null ? updates.updates(goal.id) : counts.countedUpdates(goal)));
    },
    /** Every goal's updates as `allUpdates`, with counted ones in place of those of goals that count themselves. */
    allProgress(): GoalUpdate[] {
      const counted = reads.list().filter((goal) => goal.rule !== null);
      const skip = new Set(counted.map((goal) => goal.id));
      return [...updates.allUpdates().filter((u) => !skip.has(u.goalId)), ...counted.flatMap(counts.countedUpdates)];
    },
  };
}

/** Reading goals: one, all, those open on a day, those a summary can show. */
function createGoalReads(db: Db) {
  const byId = onFirstUse(() => db.prepare<[number], GoalRow>('SELECT * FROM goals WHERE id = ?'));
  const bySlug = onFirstUse(() => db.prepare<[string], GoalRow>('SELECT * FROM goals WHERE slug = ?'));
  const all = onFirstUse(() => db.prepare<[], GoalRow>('SELECT * FROM goals ORDER BY id'));
  // As goalStatusOn has it: active, or closed after the day.
  const openOn = onFirstUse(() =>
    db.prepare<[{ day: Day }], GoalRow>("SELECT * FROM goals WHERE status = 'active' OR closed_on > @day ORDER BY id"),
  );
  // As summary.ts's goalsShown has it (personal goals not closed before the period), with the goals they align to.
  const forPeriod = onFirstUse(() =>
    db.prepare<[{ from: Day; to: Day; asOf: Day }], GoalRow>(
      `WITH shown AS (SELECT id, aligns_to_id FROM goals WHERE is_org = 0
         AND NOT (closed_on IS NOT NULL AND closed_on < @from AND closed_on <= @asOf AND start_date <= @to))
       SELECT * FROM goals WHERE id IN (SELECT id FROM shown) OR id IN (SELECT aligns_to_id FROM shown) ORDER BY id`,
    ),
  );
  return {
    get(id: number): Goal | null {
      const row = byId().get(id);
      return row ? rowToGoal(row) : null;
    },
    getBySlug(slug: string): Goal | null {
      const row = bySlug().get(slug);
      return row ? rowToGoal(row) : null;
    },
    list(): Goal[] {
      return all().all().map(rowToGoal);
    },
    /**
     * The goals a summary of `from`–`to` can show, as of `asOf`, and those they align to: years of
     * goals closed before the period stay unread (summary.ts's goalsShown picks from these).
     */
    forSummary(from: Day, to: Day, asOf: Day): Goal[] {
      return forPeriod().all({ from, to, asOf }).map(rowToGoal);
    },
    /** The goals open at the end of `day` (goalStatusOn): years of closed goals stay unread. */
    openOn(day: Day): Goal[] {
      return openOn().all({ day }).map(rowToGoal);
    },
  };
}

/** Removing a goal, step by step. */
function createGoalRemoval(db: Db) {
  // A goal goes with its updates; its notes and the goals aligned to it stay, without the link.
  // Each step is its own statement rather than left to the foreign keys' cascades, so that
  // every row it touches is changed by a statement of ours (and seen by the undo log's triggers).
  const removeUpdatesOf = onFirstUse(() => db.prepare<[number], void>('DELETE FROM goal_checkins WHERE goal_id = ?'));
  const touchNotes = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      'UPDATE notes SET updated_at = @now WHERE id IN (SELECT note_id FROM note_goals WHERE goal_id = @id)',
    ),
  );
  const unlinkNotes = onFirstUse(() => db.prepare<[number], void>('DELETE FROM note_goals WHERE goal_id = ?'));
  const unalignGoals = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      'UPDATE goals SET aligns_to_id = NULL, updated_at = @now WHERE aligns_to_id = @id AND id <> @id',
    ),
  );
  const removeGoal = onFirstUse(() => db.prepare<[number], void>('DELETE FROM goals WHERE id = ?'));
  return {
    /** Removes a goal with its updates; notes linked to it and goals aligned to it lose the link. */
    remove(id: number, now: string): void {
      removeUpdatesOf().run(id);
      touchNotes().run({ id, now });
      unlinkNotes().run(id);
      unalignGoals().run({ id, now });
      removeGoal().run(id);
    },
  };
}

/** A goal's updates: reading, adding, moving with their note, correcting and removing them. */
function createGoalUpdates(db: Db) {
  const updatesOf = onFirstUse(() => db.prepare<[number], GoalUpdateRow>(`${SELECT_UPDATE} WHERE c.goal_id = ? ORDER BY c.date, c.id`));
  const allUpdates = onFirstUse(() => db.prepare<[], GoalUpdateRow>(`${SELECT_UPDATE} ORDER BY c.goal_id, c.date, c.id`));
  const updateOfNote = onFirstUse(() =>
    db.prepare<[number, number], GoalUpdateRow>(`${SELECT_UPDATE} WHERE c.note_id = ? AND c.goal_id = ?`),
  );
  const insertUpdate = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      `INSERT INTO goal_checkins (goal_id, date, kind, amount, note, note_id, created_at)
     VALUES (@goalId, @date, @kind, @amount, @note, @noteId, @now)`,
    ),
  );
  const moveUpdate = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      'UPDATE goal_checkins SET goal_id = @goalId, date = @date, amount = @amount WHERE id = @id',
    ),
  );
  const removeUpdate = onFirstUse(() => db.prepare<[number], void>('DELETE FROM goal_checkins WHERE id = ?'));
  const updateById = onFirstUse(() => db.prepare<[number], GoalUpdateRow>(`${SELECT_UPDATE} WHERE c.id = ?`));
  const editUpdate = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      'UPDATE goal_checkins SET date = @date, kind = @kind, amount = @amount, note = @note WHERE id = @id',
    ),
  );

  return {
    /** One goal's updates, oldest first. */
    updates(goalId: number): GoalUpdate[] {
      return updatesOf().all(goalId).map(rowToGoalUpdate);
    },
    /** Every goal update, by goal then oldest first. */
    allUpdates(): GoalUpdate[] {
      return allUpdates().all().map(rowToGoalUpdate);
    },
    /** The update a note made on one of its goals. */
    updateOfNote(noteId: number, goalId: number): GoalUpdate | null {
      const row = updateOfNote().get(noteId, goalId);
      return row ? rowToGoalUpdate(row) : null;
    },
    insertUpdate(update: GoalUpdateRecord, now: string): number {
      const info = insertUpdate().run({ ...update, now }) as unknown as { lastInsertRowid: number | bigint };
      return Number(info.lastInsertRowid);
    },
    /** Moves a note's goal update with its note: another goal, another day, another amount. */
    moveUpdate(id: number, to: { goalId: number; date: Day; amount: number }): void {
      moveUpdate().run({ ...to, id });
    },
    removeUpdate(id: number): void {
      removeUpdate().run(id);
    },
    getUpdate(id: number): GoalUpdate | null {
      const row = updateById().get(id);
      return row ? rowToGoalUpdate(row) : null;
    },
    /** Corrects an update in place: its id, goal, note link and creation time stay. */
    editUpdate(id: number, to: { date: Day; kind: GoalUpdate['kind']; amount: number; note: string | null }): void {
      editUpdate().run({ ...to, id });
    },
  };
}

/**
 * The value of a goal that counts itself, as updates the goals' replay understands: one change
 * per day with matching notes or deals, from the goal's start to its due day. Days after today are
 * left to the replay, which counts nothing after the day it is asked about. Ids are negative: these
 * are not rows, and cannot be edited or removed.
 */
export function createGoalCounts(db: Db) {
  // Prepared on first use: perf remind reads a goal or two and pays only for what it counts.
  const dealStatements = () => ({
    count: db.prepare<[Record<string, unknown>], { date: string; amount: number }>(
      `SELECT closed_on AS date, count(*) AS amount FROM deals
       WHERE status = @status AND closed_on >= @from AND (@to IS NULL OR closed_on <= @to) GROUP BY closed_on ORDER BY closed_on`,
    ),
    sum: db.prepare<[Record<string, unknown>], { date: string; amount: number }>(
      `SELECT closed_on AS date, total(value) AS amount FROM deals
       WHERE status = @status AND closed_on >= @from AND (@to IS NULL OR closed_on <= @to) GROUP BY closed_on ORDER BY closed_on`,
    ),
  });
  let deals: ReturnType<typeof dealStatements> | undefined;
  // Note rules combine a few conditions, so their statement is made per shape and kept.
  const noteStatements = new Map<string, ReturnType<typeof db.prepare<[Record<string, unknown>], { date: string; amount: number }>>>();
  const notesQuery = (query: Extract<RuleQuery, { of: 'notes' }>) => {
    const where = query.terms.map((term, i) => {
      if (term.key === 'type') return `n.type = @t${i}`;
      if (term.key === 'tag') return `EXISTS (SELECT 1 FROM note_tags t WHERE t.note_id = n.id AND t.tag = @t${i})`;
      return `n.account = @t${i} COLLATE NOCASE`;
    });
    const sql = `SELECT n.date AS date, count(*) AS amount FROM notes n
      WHERE n.date >= @from AND (@to IS NULL OR n.date <= @to)${where.map((w) => ` AND ${w}`).join('')}
      GROUP BY n.date ORDER BY n.date`;
    let statement = noteStatements.get(sql);
    if (!statement) {
      statement = db.prepare<[Record<string, unknown>], { date: string; amount: number }>(sql);
      noteStatements.set(sql, statement);
    }
    return { statement, params: Object.fromEntries(query.terms.map((term, i) => [`t${i}`, term.value])) };
  };

  const countedUpdates = (goal: Goal): GoalUpdate[] => {
    if (goal.rule === null) return [];
    const query = ruleQuery(goal.rule);
    const window = { from: goal.start, to: goal.due };
    let rows: { date: string; amount: number }[];
    if (query.of === 'deals') {
      deals ??= dealStatements();
      rows = deals[query.measure].all({ ...window, status: query.status });
    } else {
      const { statement, params } = notesQuery(query);
      rows = statement.all({ ...window, ...params });
    }
    return rows.map((row, i) => ({
      id: -(i + 1),
      goalId: goal.id,
      date: row.date,
      kind: 'add',
      amount: row.amount,
      note: null,
      noteId: null,
      noteText: null,
      createdAt: '',
    }));
  };

  return { countedUpdates };
}
