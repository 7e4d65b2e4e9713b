import type { Context } from '../../context.js';
import type { Day } from '../../domain/calendar.js';
import type { GoalStatus } from '../../domain/goal-progress.js';
import { goalToJson, normalizeGoalTitle, normalizeUnit, parseSlug, parseUpdateValue } from '../../domain/goals.js';
import { noteToJson } from '../../domain/notes.js';
import { UsageError, CancelledError, quote } from '../../errors.js';
import { parseGoalRule } from '../../domain/goal-rules.js';
import { ROLL_EVERY, type RollEvery } from '../../domain/goals.js';
import {
  addGoal,
  changeGoalStatus,
  updateGoal,
  editGoal,
  findGoal,
  checkGoalUpdate,
  listGoals,
  showGoal,
  viewOne,
  type GoalFields,
} from '../../services/goals.js';
import { planGoalRemoval, removeGoal } from '../../services/goal-removal.js';
import { renderGoalUpdated, renderGoalList, renderGoalSaved, renderStatusChanged } from './view.js';
import { dateReading, parseAmount, parseWhen, readNoteTypes, requireYesWithoutTerminal } from '../input.js';
import { inertDeep } from '../../terminal/inert.js';
import type {
  GoalEndingOptions,
  GoalsRmOptions,
  GoalsUpdateOptions,
  GoalsAddOptions,
  GoalsEditOptions,
  GoalsListOptions,
  GoalsReopenOptions,
  GoalsShowOptions,
} from './definitions.js';

export async function runGoalsList(ctx: Context, options: GoalsListOptions): Promise<void> {
  const store = await ctx.readStore();
  const today = ctx.today();
  // Only the goals shown are viewed (with their updates); the finished ones are only counted.
  const { views, goals } = store.reports.snapshot(() => {
    const goals = store.goals.list();
    return { views: listGoals(store, today, { all: options.all === true }, goals), goals };
  });
  sayRollsDue(
    ctx,
    goals
      .filter((goal) => goal.every !== null && goal.status === 'active' && goal.due !== null && goal.due < today)
      .map((goal) => goal.slug),
  );
  if (options.json) return ctx.printJson(views.map(goalToJson));
  const finished = goals.length - views.length;
  ctx.print(renderGoalList(inertDeep(views), { theme: await ctx.theme(), width: ctx.width, today, finished }));
}

export async function runGoalsAdd(ctx: Context, words: string[], options: GoalsAddOptions): Promise<void> {
  const fields = { ...(await parseGoalOptions(ctx, options, false)), title: normalizeGoalTitle(words.join(' ')) };
  const today = ctx.today();
  const store = await ctx.store();
  const view = viewOne(store, addGoal(store, fields, today, ctx.now()), today);
  if (options.json) return ctx.printJson(goalToJson(view));
  ctx.print(renderGoalSaved('Added', inertDeep(view), await ctx.theme(), ctx.width));
}

export async function runGoalsEdit(ctx: Context, ref: string, options: GoalsEditOptions): Promise<void> {
  const fields = await parseGoalOptions(ctx, options, true);
  if (options.title !== undefined) fields.title = normalizeGoalTitle(options.title);
  if (Object.values(fields).every((value) => value === undefined)) {
    throw new UsageError('nothing to change: give an option such as --title, --target, --due, --unit, --aligns-to or --counts');
  }
  const store = await ctx.store();
  const goal = findGoal(store, ref);
  const view = viewOne(store, editGoal(store, goal.id, fields, ctx.now()), ctx.today());
  if (options.json) return ctx.printJson(goalToJson(view));
  ctx.print(renderGoalSaved('Updated', inertDeep(view), await ctx.theme(), ctx.width));
}

export async function runGoalsUpdate(ctx: Context, ref: string, rawValue: string, options: GoalsUpdateOptions): Promise<void> {
  const value = parseUpdateValue(rawValue, await ctx.reading());
  const date = await parseWhen(ctx, options.date, 'past', 'check-in date');
  const note = options.note?.trim() || null;
  const store = await ctx.store();
  const today = ctx.today();
  const goal = findGoal(store, ref);
  const input = { value, shown: rawValue.trim(), date, note };
  // The views and checks of one goal load only for the command that needs them, not for the list.
  const { confirmSurprises } = await import('./surprises.js');
  if (!(await confirmSurprises(ctx, goal, checkGoalUpdate(store, goal.id, input), options.yes)))
    throw new CancelledError('cancelled, nothing was saved');
  const { before, after } = updateGoal(store, goal.id, input, today, ctx.now());
  if (options.json) return ctx.printJson(goalToJson(after));
  ctx.print(renderGoalUpdated(inertDeep(before), inertDeep(after), await ctx.theme(), ctx.width));
}

export async function runGoalsShow(ctx: Context, ref: string, options: GoalsShowOptions): Promise<void> {
  const store = await ctx.readStore();
  const today = ctx.today();
  const detail = showGoal(store, findGoal(store, ref).id, today);
  if (options.json) {
    return ctx.printJson({
      ...goalToJson(detail.view),
      chain: detail.chain,
      aligned: detail.aligned.map(goalToJson),
      // The updates keep the JSON key `checkins` that scripts already read.
      checkins: detail.updates.map(({ id, date, kind, amount, value, note, noteId, noteText }) => ({
        id,
        date,
        kind,
        amount,
        value,
        note: note ?? noteText,
        noteId,
      })),
      notes: detail.notes.map(noteToJson),
    });
  }
  const { renderGoalDetail } = await import('./detail-view.js');
  ctx.print(renderGoalDetail(inertDeep(detail), { theme: await ctx.theme(), width: ctx.width, today }));
}

export async function runGoalsDone(ctx: Context, ref: string, options: GoalEndingOptions): Promise<void> {
  await changeStatus(ctx, ref, 'done', options);
}

export async function runGoalsDrop(ctx: Context, ref: string, options: GoalEndingOptions): Promise<void> {
  await changeStatus(ctx, ref, 'dropped', options);
}

export async function runGoalsReopen(ctx: Context, ref: string, options: GoalsReopenOptions): Promise<void> {
  await changeStatus(ctx, ref, 'active', options);
}

type StatusOptions = GoalEndingOptions | GoalsReopenOptions;

async function changeStatus(ctx: Context, ref: string, to: GoalStatus, options: StatusOptions): Promise<void> {
  const day = await parseWhen(ctx, 'date' in options ? options.date : undefined, 'past');
  const store = await ctx.store();
  const goal = findGoal(store, ref);
  const view = viewOne(store, changeGoalStatus(store, goal.id, to, day, ctx.now()), ctx.today());
  if (options.json) return ctx.printJson(goalToJson(view));
  ctx.print(renderStatusChanged(inertDeep(view), await ctx.theme(), ctx.width));
}

/**
 * A start is usually a day already begun ("april 1" in November is the April just gone), but a goal
 * may be planned ahead, so a day typed in full may lie in the future; `--due` looks forward instead.
 */
async function parseStart(ctx: Context, text: string): Promise<Day> {
  const { parseDate } = await import('../../domain/dates.js');
  return parseDate(text, { now: ctx.now(), mode: 'past', allowFuture: true, label: '--start date', ...(await dateReading(ctx, text)) });
}

/**
 * The options `add` and `edit` share, checked before the journal is opened. On `edit` an empty
 * value ("") clears a target, unit, due date or alignment.
 */
async function parseGoalOptions(ctx: Context, options: GoalsAddOptions | GoalsEditOptions, editing: boolean): Promise<GoalFields> {
  const clears = (value: string | undefined) => editing && value !== undefined && value.trim() === '';
  return {
    slug: options.slug === undefined ? undefined : parseSlug(options.slug),
    org: options.org,
    unit: options.unit === undefined ? undefined : normalizeUnit(options.unit),
    baseline: options.baseline === undefined ? undefined : await parseAmount(ctx, options.baseline, '--baseline'),
    target: options.target === undefined ? undefined : clears(options.target) ? null : await parseAmount(ctx, options.target, '--target'),
    start: options.start === undefined ? undefined : await parseStart(ctx, options.start),
    due: options.due === undefined ? undefined : clears(options.due) ? null : await parseWhen(ctx, options.due, 'forward', '--due date'),
    alignsTo: options.alignsTo === undefined ? undefined : clears(options.alignsTo) ? null : options.alignsTo,
    // The journal's note types are read only when a rule names a type.
    ...parseRuleOptions(options, clears, options.counts.some(namesType) ? await readNoteTypes(ctx) : undefined),
  };
}

/** `--counts`, `--sums` and `--every`; on edit `--counts ""` (or `--sums ""`) stops counting, `--every ""` stops rolling. */
function parseRuleOptions(
  options: GoalsAddOptions | GoalsEditOptions,
  clears: (value: string | undefined) => boolean,
  noteTypes: readonly string[] | undefined,
): Pick<GoalFields, 'rule' | 'every'> {
  const counts = options.counts.filter((rule) => !clears(rule));
  const sums = clears(options.sums) ? undefined : options.sums;
  const stops = options.counts.some((rule) => clears(rule)) || clears(options.sums);
  const rule = parseGoalRule(counts, sums, noteTypes);
  if (stops && rule !== null) throw new UsageError('--counts "" stops counting and cannot come with another rule: give one or the other');
  return {
    rule: rule ?? (stops ? null : undefined),
    every: options.every === undefined ? undefined : clears(options.every) ? null : parseEvery(options.every),
  };
}

const namesType = (rule: string) => /^\s*type\s*:/i.test(rule);

function parseEvery(raw: string): RollEvery {
  const every = raw.trim().toLowerCase();
  if ((ROLL_EVERY as readonly string[]).includes(every)) return every as RollEvery;
  throw new UsageError(`invalid --every ${quote(raw)}: use quarter, month or year`);
}

export async function runGoalsRm(ctx: Context, ref: string, options: GoalsRmOptions): Promise<void> {
  requireYesWithoutTerminal(ctx, options.yes, 'perf goals rm');
  const { describeGoalRemoval, updateToJson } = await import('./updates-view.js');
  const store = await ctx.store();
  const goal = findGoal(store, ref);
  if (!options.yes) {
    const prompter = await ctx.prompter();
    const what = describeGoalRemoval(inertDeep(planGoalRemoval(store, goal.id, ctx.today())));
    const sure = await prompter.confirm({ message: `Remove ${what}?`, default: false });
    if (!sure) throw new CancelledError('kept it: nothing was deleted');
  }
  const removal = removeGoal(store, goal.id, ctx.today(), ctx.now());
  if (options.json) {
    return ctx.printJson({
      goal: goalToJson(removal.view),
      updates: removal.updates.map((update) => updateToJson(goal, update)),
      unlinkedNotes: removal.noteIds,
      unaligned: removal.aligned,
    });
  }
  ctx.print(`Removed ${describeGoalRemoval(inertDeep(removal))}.`);
}

/**
 * Read-only commands only say that goals are due to roll over; the next command that writes does it.
 * The hint names them: `--all-ended` would also roll ended goals that do not roll by themselves.
 */
export function sayRollsDue(ctx: Context, slugs: readonly string[]): void {
  const count = slugs.length;
  if (count === 0) return;
  const goals = count === 1 ? '1 goal that rolls over has' : `${count} goals that roll over have`;
  ctx.io.stderr.write(
    `perf: ${goals} ended: the next change rolls ${count === 1 ? 'it' : 'them'} over (or now: perf goals roll ${slugs.join(' ')})\n`,
  );
}
