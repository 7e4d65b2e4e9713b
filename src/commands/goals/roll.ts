import type { Context } from '../../context.js';
import { assertRollsForward, parseRollTarget } from '../../domain/goal-roll.js';
import { goalToJson } from '../../domain/goals.js';
import { UsageError } from '../../errors.js';
import { readSettings } from '../../services/config.js';
import { endedGoals, rollGoals, type RollTo } from '../../services/goal-roll.js';
import { findGoal, viewOne } from '../../services/goals.js';
import { inertDeep } from '../../terminal/inert.js';
import type { GoalsRollOptions } from './definitions.js';
import { describeRoll } from './roll-view.js';

export async function runGoalsRoll(ctx: Context, refs: string[], options: GoalsRollOptions): Promise<void> {
  if (refs.length > 0 && options.allEnded) throw new UsageError('name goals or give --all-ended, not both');
  if (refs.length === 0 && !options.allEnded) {
    throw new UsageError('name the goals to roll over (ids or slugs), or give --all-ended: e.g. perf goals roll --all-ended');
  }
  const store = await ctx.store();
  const today = ctx.today();
  const to = await parseTo(ctx, options.to, store);
  const goals = options.allEnded ? endedGoals(store, today) : refs.map((ref) => findGoal(store, ref));
  if (to !== null && 'period' in to) for (const goal of goals) assertRollsForward(goal, to.period, options.to ?? '');
  if (goals.length === 0) {
    if (options.json) return ctx.printJson([]);
    return ctx.print('No goal has ended that is not closed: nothing to roll over.');
  }
  const rolled = rollGoals(store, goals, to, today, ctx.now());
  if (options.json) {
    return ctx.printJson(
      rolled.map((r) => ({ closed: goalToJson(viewOne(store, r.from, today)), next: goalToJson(viewOne(store, r.to, today)) })),
    );
  }
  ctx.print(inertDeep(rolled).map(describeRoll).join('\n'));
}

async function parseTo(ctx: Context, text: string | undefined, store: Awaited<ReturnType<Context['store']>>): Promise<RollTo> {
  if (text === undefined) return null;
  const every = parseRollTarget(text);
  if (every) return { every };
  // A named period (2027-Q1, 2027-01, 2027) needs the period parser, which loads the date parser.
  const { resolvePeriod } = await import('../../domain/periods.js');
  const period = resolvePeriod(text, { now: ctx.now(), cycleStart: readSettings(store).cycleStart });
  return { period: { from: period.from, to: period.to } };
}
