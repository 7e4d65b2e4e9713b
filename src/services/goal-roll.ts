import type { Day } from '../domain/calendar.js';
import { assertEnded, guessEvery, outcomeOf, periodAfter, rollTitle, type RollPeriod, type RolledGoal } from '../domain/goal-roll.js';
import type { Goal, RollEvery } from '../domain/goals.js';
import { UsageError, quote } from '../errors.js';
import type { Store } from '../storage/store.js';
import { readSettings } from './config.js';
import { freeSlug, viewOne } from './goals.js';

export type { RolledGoal } from '../domain/goal-roll.js';

/** Where the next goals go: the period after each goal's own (of a kind), or one named period. */
export type RollTo = { every: RollEvery } | { period: RollPeriod } | null;

/**
 * Closes each ended goal as done with its outcome (achieved when its value reached the target)
 * and adds the next one for the period after it, with the same target, unit, baseline, alignment
 * and counting rule, and the title's period names moved on. `to` null: the goal's `--every`, else
 * the kind of period it spans. In one transaction: all or nothing.
 */
export function rollGoals(store: Store, goals: readonly Goal[], to: RollTo, today: Day, now: Date): RolledGoal[] {
  return store.transaction(() => goals.map((goal) => rollOne(store, goal, to, today, now)));
}

/** Every ended goal that rolls by itself (`--every`), each as often as needed to reach a goal that has not ended. */
export function rollDueGoals(store: Store, today: Day, now: Date): RolledGoal[] {
  const rolled: RolledGoal[] = [];
  let due = dueToRoll(store, today);
  // A journal left for a year holds a few periods to catch up on; each is closed on its own.
  for (let round = 0; due.length > 0 && round < 400; round++) {
    rolled.push(...due.map((goal) => rollOne(store, goal, null, today, now)));
    due = dueToRoll(store, today);
  }
  return rolled;
}

/** Active goals that roll by themselves and have ended. */
export function dueToRoll(store: Store, today: Day): Goal[] {
  return store.goals.list().filter((goal) => goal.every !== null && goal.status === 'active' && goal.due !== null && goal.due < today);
}

/** Active goals that have ended, for `--all-ended`. */
export function endedGoals(store: Store, today: Day): Goal[] {
  const rolled = new Set(store.goals.list().map((goal) => goal.rolledFrom));
  return store.goals.list().filter((goal) => goal.status === 'active' && goal.due !== null && goal.due < today && !rolled.has(goal.id));
}

function rollOne(store: Store, goal: Goal, to: RollTo, today: Day, now: Date): RolledGoal {
  const current = store.goals.get(goal.id) ?? goal;
  assertEnded(current, today);
  const next = store.goals.list().find((g) => g.rolledFrom === current.id);
  if (next) throw new UsageError(`goal ${quote(current.slug)} was rolled over already, into ${quote(next.slug)}`);
  const due = current.due as Day;
  const { cycleStart } = readSettings(store);
  const value = viewOne(store, current, today).assessment.current;
  const outcome = outcomeOf(current, value);
  const at = now.toISOString();
  store.goals.update(current.id, { ...current, status: 'done', closedOn: current.status === 'done' ? current.closedOn : due, outcome }, at);
  const period =
    to !== null && 'period' in to ? to.period : periodAfter(due, to?.every ?? current.every ?? guessEvery(current.start, due), cycleStart);
  const title = rollTitle(current.title, { from: current.start, to: due }, period, cycleStart);
  const id = store.goals.insert(
    {
      slug: freeSlug(store, title),
      title,
      org: current.org,
      unit: current.unit,
      baseline: current.baseline,
      target: current.target,
      start: period.from,
      due: period.to,
      status: 'active',
      closedOn: null,
      alignsToId: current.alignsToId,
      alignsToText: current.alignsToText,
      rule: current.rule,
      every: current.every,
      outcome: null,
      rolledFrom: current.id,
    },
    at,
  );
  return { from: { ...current, status: 'done', outcome }, value, outcome, to: store.goals.get(id) as Goal };
}
