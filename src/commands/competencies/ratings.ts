import type { Context } from '../../context.js';
import { optionalText, parseRating, parseRatingSource, ratedByFor, ratingEntryToJson } from '../../domain/competencies.js';
import { parseId } from '../../domain/ids.js';
import { resolveCompetency } from '../../services/competencies.js';
import { readSettings } from '../../services/config.js';
import { editRating, findRating, listRatings, removeRating, type RatingChanges } from '../../services/ratings.js';
import { inertDeep } from '../../terminal/inert.js';
import { parseWhen } from '../input.js';
import { confirmAndRemove, requireChanges } from '../record-changes.js';
import type { RemoveOptions } from '../define.js';
import type { RatingsEditOptions, RatingsListOptions } from './definitions.js';
import { renderRatingChanged, renderRatingList } from './view.js';

export async function runRatingsList(ctx: Context, ref: string | undefined, options: RatingsListOptions): Promise<void> {
  const store = await ctx.readStore();
  const competency = ref === undefined ? null : resolveCompetency(store, ref);
  const ratings = listRatings(store, competency?.id);
  if (options.json) return ctx.printJson(ratings.map(ratingEntryToJson));
  const view = { theme: await ctx.theme(), width: ctx.width, today: ctx.today(), scaleMax: readSettings(store).scaleMax };
  ctx.print(renderRatingList(inertDeep(ratings), { ...view, competency: competency?.slug ?? null }));
}

/**
 * `perf ratings edit <id>`: each value checked as `perf rate` checks it. A new `--source` without
 * `--by` drops the old source's name (a peer's name is not the manager's) and takes config
 * manager for a manager's rating, as `perf rate` does.
 */
export async function runRatingsEdit(ctx: Context, rawId: string, options: RatingsEditOptions): Promise<void> {
  const id = parseId(rawId, 'rating');
  const given = { rating: options.rating, date: options.date, source: options.source, by: options.by, note: options.note };
  requireChanges(given, '--rating, --date, --source, --by or --note');
  const store = await ctx.store();
  const current = findRating(store, id);
  const { scaleMax, manager } = readSettings(store);
  const source = options.source === undefined ? current.source : parseRatingSource(options.source);
  const sourceChanged = source !== current.source;
  const by = options.by !== undefined ? optionalText(options.by) : sourceChanged ? null : current.ratedBy;
  const changes: RatingChanges = {
    rating: options.rating === undefined ? undefined : parseRating(options.rating, scaleMax),
    date: options.date === undefined ? undefined : await parseWhen(ctx, options.date),
    source,
    // Only a changed source or a given --by decides who rated it again; otherwise it stays.
    ratedBy: options.by !== undefined || sourceChanged ? ratedByFor(source, by, manager) : undefined,
    note: options.note === undefined ? undefined : optionalText(options.note),
  };
  const rating = editRating(store, id, changes);
  if (options.json) return ctx.printJson(ratingEntryToJson(rating));
  ctx.print(
    renderRatingChanged('Updated', inertDeep(rating), { theme: await ctx.theme(), width: ctx.width, today: ctx.today(), scaleMax }),
  );
}

export async function runRatingsRm(ctx: Context, rawId: string, options: RemoveOptions): Promise<void> {
  const id = parseId(rawId, 'rating');
  await confirmAndRemove(ctx, options, {
    command: 'perf ratings rm',
    find: (store) => findRating(store, id),
    describe: (r) => `rating #${r.id} (${r.competency} ${r.rating}, ${[r.source, r.ratedBy].filter(Boolean).join(' ')}, ${r.date})`,
    remove: (store) => removeRating(store, id),
    toJson: ratingEntryToJson,
    render: async (r) => {
      const scaleMax = readSettings(await ctx.readStore()).scaleMax;
      return renderRatingChanged('Deleted', inertDeep(r), { theme: await ctx.theme(), width: ctx.width, today: ctx.today(), scaleMax });
    },
  });
}
