import type { Context } from '../../context.js';
import {
  feedbackToJson,
  normalizeFeedbackText,
  normalizeGiver,
  parseGiverFilter,
  parseRelationship,
  RELATIONSHIPS,
} from '../../domain/feedback.js';
import { listWords } from '../../domain/words.js';
import { parseId } from '../../domain/ids.js';
import { UsageError, quote } from '../../errors.js';
import { readSettings } from '../../services/config.js';
import { resolveCompetency } from '../../services/competencies.js';
import { addFeedback, editFeedback, findFeedback, listFeedback, removeFeedback, type FeedbackChanges } from '../../services/feedback.js';
import type { FeedbackFilter } from '../../storage/feedback-repo.js';
import type { Store } from '../../storage/store.js';
import { renderFeedbackAdded, renderFeedbackChanged, renderFeedbackDetail, renderFeedbackList } from './view.js';
import { parseWhen, readCompetencyChange, readCompetencyIds } from '../input.js';
import { inertDeep } from '../../terminal/inert.js';
import type { RemoveOptions } from '../define.js';
import { confirmAndRemove, preview, requireChanges } from '../record-changes.js';
import type { FeedbackAddOptions, FeedbackEditOptions, FeedbackListOptions, FeedbackShowOptions } from './definitions.js';

export async function runFeedbackAdd(ctx: Context, words: string[], options: FeedbackAddOptions): Promise<void> {
  const text = normalizeFeedbackText(words.join(' '));
  const from = normalizeGiver(options.from);
  if (options.relationship === undefined) {
    throw new UsageError(`feedback needs --relationship: ${listWords(RELATIONSHIPS)}`);
  }
  const relationship = parseRelationship(options.relationship);
  const date = await parseWhen(ctx, options.date);
  const [competencyId = null] = await readCompetencyIds(ctx, options.competency === undefined ? [] : [options.competency]);
  const feedback = addFeedback(
    await ctx.store(),
    { date, from, relationship, competencyId, text, starred: options.star === true, constructive: options.constructive === true },
    ctx.now(),
  );
  if (options.json) return ctx.printJson(feedbackToJson(feedback));
  ctx.print(renderFeedbackAdded(inertDeep(feedback), await ctx.theme(), ctx.width));
}

export async function runFeedbackList(ctx: Context, options: FeedbackListOptions): Promise<void> {
  const filter: FeedbackFilter = {
    relationship: options.relationship === undefined ? undefined : parseRelationship(options.relationship),
  };
  const by = options.by === undefined ? undefined : parseGiverFilter(options.by);
  const store = await ctx.readStore();
  if (options.competency !== undefined) filter.competencyId = resolveCompetency(store, options.competency).id;
  let label = 'all time';
  if (options.period !== undefined || options.from !== undefined || options.to !== undefined) {
    const range = await resolveListRange(ctx, store, options);
    filter.from = range?.from ?? null;
    filter.to = range?.to ?? null;
    label = range?.label ?? label;
  }
  const items = listFeedback(store, filter, by);
  if (options.json) return ctx.printJson(items.map(feedbackToJson));
  const filtered = by !== undefined || Object.values(filter).some((v) => v !== undefined && v !== null);
  const view = { theme: await ctx.theme(), width: ctx.width, today: ctx.today(), label, filtered, by };
  ctx.print(renderFeedbackList(inertDeep(items), view));
}

/**
 * `--from`/`--to` are dates here as in every listing; `--from Bob` is someone looking for what Bob
 * said, so the refusal points at `--by`.
 */
async function resolveListRange(ctx: Context, store: Store, options: FeedbackListOptions) {
  const { resolveRange } = await import('../../domain/periods.js');
  try {
    return resolveRange(options, { now: ctx.now(), cycleStart: readSettings(store).cycleStart, order: (await ctx.reading()).dateOrder });
  } catch (error) {
    if (!(error instanceof UsageError) || options.from === undefined || !error.message.startsWith('invalid --from date')) throw error;
    const name = options.from.trim();
    throw new UsageError(`${error.message}; to filter by person use --by ${/[\s"'$]/.test(name) ? quote(name) : name}`);
  }
}

export async function runFeedbackShow(ctx: Context, rawId: string, options: FeedbackShowOptions): Promise<void> {
  const feedback = findFeedback(await ctx.readStore(), parseId(rawId, 'feedback'));
  if (options.json) return ctx.printJson(feedbackToJson(feedback));
  ctx.print(renderFeedbackDetail(inertDeep(feedback), { theme: await ctx.theme(), width: ctx.width, today: ctx.today() }));
}

/** `perf feedback edit <id>`: each value checked as `perf feedback add` checks it. */
export async function runFeedbackEdit(ctx: Context, rawId: string, words: string[], options: FeedbackEditOptions): Promise<void> {
  const id = parseId(rawId, 'feedback');
  if (words.length > 0 && options.text !== undefined) throw new UsageError('give the new text as words or with --text, not both');
  const text = options.text ?? (words.length > 0 ? words.join(' ') : undefined);
  const { from, relationship, competency, date, star, constructive } = options;
  requireChanges(
    { text, from, relationship, competency, date, star, constructive },
    'new text, --from, --relationship, --competency, --date, --star or --constructive',
  );
  const changes: FeedbackChanges = {
    text: text === undefined ? undefined : normalizeFeedbackText(text),
    from: options.from === undefined ? undefined : normalizeGiver(options.from),
    relationship: options.relationship === undefined ? undefined : parseRelationship(options.relationship),
    date: options.date === undefined ? undefined : await parseWhen(ctx, options.date),
    competencyId: await readCompetencyChange(ctx, options.competency),
    starred: star,
    constructive,
  };
  const feedback = editFeedback(await ctx.store(), id, changes);
  if (options.json) return ctx.printJson(feedbackToJson(feedback));
  ctx.print(renderFeedbackChanged('Updated', inertDeep(feedback), await ctx.theme(), ctx.width));
}

export async function runFeedbackRm(ctx: Context, rawId: string, options: RemoveOptions): Promise<void> {
  const id = parseId(rawId, 'feedback');
  await confirmAndRemove(ctx, options, {
    command: 'perf feedback rm',
    find: (store) => findFeedback(store, id),
    describe: (f) => `feedback #${f.id} (${f.from}, ${f.date}: "${preview(f.text)}")`,
    remove: (store) => removeFeedback(store, id),
    toJson: feedbackToJson,
    render: async (f) => renderFeedbackChanged('Deleted', inertDeep(f), await ctx.theme(), ctx.width),
  });
}
