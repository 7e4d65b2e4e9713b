import type { Context } from '../../context.js';
import { optionalText } from '../../domain/competencies.js';
import { developmentToJson, normalizeDevTitle, type DevAction } from '../../domain/development.js';
import { parseId } from '../../domain/ids.js';
import {
  addDevelopment,
  advanceDevelopment,
  editDevelopment,
  findDevelopment,
  listDevelopment,
  removeDevelopment,
  type DevelopmentChanges,
} from '../../services/development.js';
import { renderDevChanged, renderDevList } from './view.js';
import { parseWhen, readCompetencyChange, readCompetencyIds } from '../input.js';
import type { RemoveOptions } from '../define.js';
import { confirmAndRemove, requireChanges } from '../record-changes.js';
import { inertDeep } from '../../terminal/inert.js';
import type { DevAddOptions, DevEditOptions, DevListOptions, DevStepOptions } from './definitions.js';

export async function runDevAdd(ctx: Context, words: string[], options: DevAddOptions): Promise<void> {
  const title = normalizeDevTitle(words.join(' '));
  const due = options.due === undefined ? null : await parseWhen(ctx, options.due, 'forward', 'due date');
  const [competencyId = null] = await readCompetencyIds(ctx, options.competency === undefined ? [] : [options.competency]);
  const activity = addDevelopment(await ctx.store(), { title, competencyId, assignedBy: optionalText(options.assignedBy), due }, ctx.now());
  if (options.json) return ctx.printJson(developmentToJson(activity, ctx.today()));
  ctx.print(renderDevChanged('Planned', inertDeep(activity), await view(ctx)));
}

export async function runDevList(ctx: Context, options: DevListOptions): Promise<void> {
  const activities = listDevelopment(await ctx.readStore(), ctx.today(), options.all === true);
  if (options.json) return ctx.printJson(activities.map((a) => developmentToJson(a, ctx.today())));
  ctx.print(renderDevList(inertDeep(activities), { ...(await view(ctx)), all: options.all === true }));
}

const VERBS: Record<DevAction, string> = { start: 'Started', done: 'Done', drop: 'Dropped' };

/**
 * `perf dev start|done|drop <id>`: `--date` is the day it happened, `--note` the outcome (done) or
 * the reason (drop). An activity has room for that one note only, so a note on starting is refused
 * with a pointer to `perf log`, rather than stored where it would read as the outcome.
 */
export async function runDevAdvance(ctx: Context, action: DevAction, rawId: string, options: DevStepOptions): Promise<void> {
  const id = parseId(rawId, 'development activity');
  const on = await parseWhen(ctx, options.date);
  const note = optionalText(options.note);
  const activity = advanceDevelopment(await ctx.store(), id, action, on, note, ctx.now());
  if (options.json) return ctx.printJson(developmentToJson(activity, ctx.today()));
  ctx.print(renderDevChanged(VERBS[action], inertDeep(activity), await view(ctx)));
}

/** `perf dev edit <id>`: each value checked as `perf dev add` and the step commands check it. */
export async function runDevEdit(ctx: Context, rawId: string, options: DevEditOptions): Promise<void> {
  const id = parseId(rawId, 'development activity');
  const { json: _json, ...given } = options;
  requireChanges(given, '--title, --competency, --due, --assigned-by, --started, --start-note, --completed or --outcome');
  const text = (raw: string | undefined) => (raw === undefined ? undefined : optionalText(raw));
  const day = async (raw: string | undefined) => (raw === undefined ? undefined : await parseWhen(ctx, raw));
  const changes: DevelopmentChanges = {
    title: options.title === undefined ? undefined : normalizeDevTitle(options.title),
    competencyId: await readCompetencyChange(ctx, options.competency),
    due:
      options.due === undefined ? undefined : options.due.trim() === '' ? null : await parseWhen(ctx, options.due, 'forward', 'due date'),
    assignedBy: text(options.assignedBy),
    startedOn: await day(options.started),
    startNote: text(options.startNote),
    completedOn: await day(options.completed),
    outcome: text(options.outcome),
  };
  const activity = editDevelopment(await ctx.store(), id, changes, ctx.now());
  if (options.json) return ctx.printJson(developmentToJson(activity, ctx.today()));
  ctx.print(renderDevChanged('Updated', inertDeep(activity), await view(ctx)));
}

export async function runDevRm(ctx: Context, rawId: string, options: RemoveOptions): Promise<void> {
  const id = parseId(rawId, 'development activity');
  await confirmAndRemove(ctx, options, {
    command: 'perf dev rm',
    find: (store) => findDevelopment(store, id),
    describe: (a) => `development activity #${a.id} ("${a.title}", ${a.status})`,
    remove: (store) => removeDevelopment(store, id),
    toJson: (a) => developmentToJson(a, ctx.today()),
    render: async (a) => renderDevChanged('Deleted', inertDeep(a), await view(ctx)),
  });
}

async function view(ctx: Context) {
  return { theme: await ctx.theme(), width: ctx.width, today: ctx.today() };
}
