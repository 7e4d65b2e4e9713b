import type { Context } from '../../context.js';
import {
  competencySlug,
  competencyToJson,
  normalizeCompetencyName,
  parseCompetencySlug,
  optionalText,
  parseTarget,
  ratingToJson,
  type Competency,
  type CompetencyDetail,
} from '../../domain/competencies.js';
import { developmentToJson } from '../../domain/development.js';
import { feedbackToJson } from '../../domain/feedback.js';
import { noteToJson } from '../../domain/notes.js';
import { UsageError, quote } from '../../errors.js';
import {
  addCompetency,
  editCompetency,
  listCompetencies,
  removeCompetency,
  resolveCompetency,
  showCompetency,
  type CompetencyChanges,
} from '../../services/competencies.js';
import { readSettings } from '../../services/config.js';
import type { Store } from '../../storage/store.js';
import { renderCompetencyDetail, renderCompetencyList, renderCompetencyRemoved } from './view.js';
import { wrapParts } from '../../terminal/wrap.js';
import { inert, inertDeep } from '../../terminal/inert.js';
import type {
  CompetenciesAddOptions,
  CompetenciesEditOptions,
  CompetenciesListOptions,
  CompetenciesRmOptions,
  CompetenciesShowOptions,
} from './definitions.js';

export async function runCompetenciesList(ctx: Context, options: CompetenciesListOptions): Promise<void> {
  const { scaleMax, items } = listCompetencies(await ctx.readStore());
  if (options.json) return ctx.printJson(items.map(competencyToJson));
  ctx.print(renderCompetencyList(inertDeep(items), { theme: await ctx.theme(), width: ctx.width, today: ctx.today(), scaleMax }));
}

export async function runCompetenciesShow(ctx: Context, ref: string, options: CompetenciesShowOptions): Promise<void> {
  const { scaleMax, detail } = showCompetency(await ctx.readStore(), ref);
  if (options.json) return ctx.printJson(detailToJson(detail, ctx.today()));
  ctx.print(renderCompetencyDetail(inertDeep(detail), { theme: await ctx.theme(), width: ctx.width, today: ctx.today(), scaleMax }));
}

export async function runCompetenciesAdd(ctx: Context, words: string[], options: CompetenciesAddOptions): Promise<void> {
  const name = normalizeCompetencyName(words.join(' '));
  const slug = options.slug === undefined ? undefined : parseCompetencySlug(options.slug);
  const store = await ctx.store();
  const target = options.target === undefined ? null : parseTarget(options.target, readSettings(store).scaleMax);
  const competency = addCompetency(store, { name, slug, description: optionalText(options.description), target }, ctx.now());
  await printChanged(ctx, store, competency.slug, options, `Added ${competency.name} (${competency.slug}).`);
}

export async function runCompetenciesEdit(ctx: Context, ref: string, options: CompetenciesEditOptions): Promise<void> {
  const store = await ctx.store();
  const current = resolveCompetency(store, ref);
  const changes: CompetencyChanges = {
    name: options.name === undefined ? undefined : normalizeCompetencyName(options.name),
    slug: options.slug === undefined ? undefined : parseCompetencySlug(options.slug),
    description: options.description === undefined ? undefined : optionalText(options.description),
    target: readTarget(store, options),
  };
  if (Object.values(changes).every((v) => v === undefined)) {
    throw new UsageError('nothing to change: give --name, --slug, --description, --target or --no-target');
  }
  const competency = editCompetency(store, current.id, changes, ctx.now());
  await printChanged(ctx, store, competency.slug, options, describeEdit(current, competency));
}

export async function runCompetenciesRm(ctx: Context, ref: string, options: CompetenciesRmOptions): Promise<void> {
  const store = await ctx.store();
  const competency = resolveCompetency(store, ref);
  const before = showCompetency(store, String(competency.id)).detail;
  const removed = removeCompetency(store, competency.id, options.force === true);
  if (options.json) {
    const { ratings, ...unlinked } = removed.usage;
    return ctx.printJson({ ...competencyToJson(before), removedRatings: ratings, unlinked });
  }
  ctx.print(renderCompetencyRemoved(inertDeep(removed.competency), removed.usage, await ctx.theme(), ctx.width));
}

/**
 * `--target <n>` on the scale; `--target ""` or `--no-target` for the top of the scale again (as a
 * goal's `--target ""` removes its target); undefined when not given.
 */
function readTarget(store: Store, options: Partial<Pick<CompetenciesEditOptions, 'target' | 'noTarget'>>): number | null | undefined {
  const { target, noTarget } = options;
  if (noTarget && target !== undefined) throw new UsageError(`use --target ${quote(target)} or --no-target, not both`);
  if (noTarget || target?.trim() === '') return null;
  return target === undefined ? undefined : parseTarget(target, readSettings(store).scaleMax);
}

/** "Updated Teamwork; its slug stays collaboration (--slug teamwork changes it)." */
function describeEdit(before: Competency, after: Competency): string {
  if (after.slug !== before.slug) return `Updated ${after.name}; its slug is now ${after.slug}.`;
  const fresh = competencySlug(after.name);
  if (after.name === before.name || fresh === after.slug) return `Updated ${after.name}.`;
  return `Updated ${after.name}; its slug stays ${after.slug} (--slug ${fresh} changes it).`;
}

async function printChanged(ctx: Context, store: Store, slug: string, options: { json?: boolean }, message: string): Promise<void> {
  if (!options.json) return ctx.print(wrapParts([inert(message)], ctx.width, { indent: '  ' }).join('\n'));
  ctx.printJson(competencyToJson(showCompetency(store, slug).detail));
}

function detailToJson(detail: CompetencyDetail, today: string) {
  return {
    ...competencyToJson(detail),
    ratings: detail.ratings.map(ratingToJson),
    notes: detail.notes.map(noteToJson),
    feedback: detail.feedback.map(feedbackToJson),
    development: detail.development.map((d) => developmentToJson(d, today)),
  };
}
