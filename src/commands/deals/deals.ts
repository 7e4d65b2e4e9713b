import type { Context } from '../../context.js';
import { splitDay, type Day } from '../../domain/calendar.js';
import { dealToJson, normalizeDealText, parseDealName, parseDealSlug, parseDealValue, type DealStatus } from '../../domain/deals.js';
import { noteToJson } from '../../domain/notes.js';
import { UsageError } from '../../errors.js';
import { readSettings } from '../../services/config.js';
import {
  addDeal,
  changeDealStatus,
  editDeal,
  findDeal,
  removeDeal,
  showDeal,
  type DealFields,
  type NewDeal,
} from '../../services/deals.js';
import { inertDeep } from '../../terminal/inert.js';
import { parseWhen } from '../input.js';
import { confirmAndRemove, requireChanges } from '../record-changes.js';
import type {
  DealClosingOptions,
  DealsAddOptions,
  DealsEditOptions,
  DealsListOptions,
  DealsReopenOptions,
  DealsRmOptions,
  DealsShowOptions,
} from './definitions.js';
import { renderDealDetail, renderDealList, renderDealSaved } from './view.js';

export async function runDealsList(ctx: Context, options: DealsListOptions): Promise<void> {
  const stage = options.stage === undefined ? undefined : normalizeDealText(options.stage)?.toLowerCase();
  if (options.stage !== undefined && !stage) throw new UsageError('--stage "" names no stage: give one, e.g. --stage proposal');
  const store = await ctx.readStore();
  const deals = store.deals
    .list()
    .filter((deal) => options.all || deal.status === 'open')
    // `none` is also the deals without a stage, listed under "no stage".
    .filter((deal) => stage === undefined || deal.stage?.toLowerCase() === stage || (stage === 'none' && deal.stage === null));
  if (options.json) return ctx.printJson(deals.map(dealToJson));
  const { currency } = readSettings(store);
  ctx.print(
    renderDealList(inertDeep(deals), {
      theme: await ctx.theme(),
      width: ctx.width,
      currency,
      year: thisYear(ctx),
      today: ctx.today(),
      all: options.all === true,
      stage,
    }),
  );
}

export async function runDealsAdd(ctx: Context, words: string[], options: DealsAddOptions): Promise<void> {
  if (options.won !== undefined && options.lost !== undefined) throw new UsageError('a deal is either --won or --lost: give one of them');
  const closedText = options.won ?? options.lost;
  const fields: NewDeal = {
    ...(await parseFields(ctx, options, false)),
    name: parseDealName(words.join(' ')),
    value: parseDealValue(options.value, await ctx.reading(), '--value', readSettings(await ctx.readStore()).currency),
    reason: normalizeDealText(options.reason),
    closed:
      closedText === undefined
        ? undefined
        : {
            status: options.won !== undefined ? 'won' : 'lost',
            on: await parseWhen(ctx, closedText, 'past', `--${options.won !== undefined ? 'won' : 'lost'} date`),
          },
  };
  const store = await ctx.store();
  const deal = addDeal(store, fields, ctx.now());
  if (options.json) return ctx.printJson(dealToJson(deal));
  ctx.print(renderDealSaved('Added', inertDeep(deal), await ctx.theme(), readSettings(store).currency, ctx.today()));
}

export async function runDealsEdit(ctx: Context, ref: string, options: DealsEditOptions): Promise<void> {
  const fields: DealFields = {
    ...(await parseFields(ctx, options, true)),
    name: options.name === undefined ? undefined : parseDealName(options.name),
    value:
      options.value === undefined
        ? undefined
        : parseDealValue(options.value, await ctx.reading(), '--value', readSettings(await ctx.readStore()).currency),
    reason: options.reason === undefined ? undefined : normalizeDealText(options.reason),
  };
  requireChanges(fields, 'an option such as --name, --value, --stage, --close, -a, --reason or --external-id');
  const store = await ctx.store();
  const deal = editDeal(store, findDeal(store, ref).id, fields, ctx.now());
  if (options.json) return ctx.printJson(dealToJson(deal));
  ctx.print(renderDealSaved('Updated', inertDeep(deal), await ctx.theme(), readSettings(store).currency, ctx.today()));
}

export async function runDealsClose(
  ctx: Context,
  ref: string,
  to: Exclude<DealStatus, 'open'>,
  options: DealClosingOptions,
): Promise<void> {
  const day = await parseWhen(ctx, options.date, 'past', `day it was ${to}`);
  await changeStatus(ctx, ref, to, day, normalizeDealText(options.reason), options.json);
}

export async function runDealsReopen(ctx: Context, ref: string, options: DealsReopenOptions): Promise<void> {
  await changeStatus(ctx, ref, 'open', ctx.today(), null, options.json);
}

async function changeStatus(ctx: Context, ref: string, to: DealStatus, day: Day, reason: string | null, json?: boolean): Promise<void> {
  const store = await ctx.store();
  const deal = changeDealStatus(store, findDeal(store, ref).id, to, day, reason, ctx.now());
  if (json) return ctx.printJson(dealToJson(deal));
  const verb = to === 'open' ? 'Reopened' : to === 'won' ? 'Won' : 'Lost';
  ctx.print(renderDealSaved(verb, inertDeep(deal), await ctx.theme(), readSettings(store).currency, ctx.today()));
}

export async function runDealsShow(ctx: Context, ref: string, options: DealsShowOptions): Promise<void> {
  const store = await ctx.readStore();
  const detail = showDeal(store, findDeal(store, ref).id);
  if (options.json) return ctx.printJson({ ...dealToJson(detail.deal), notes: detail.notes.map(noteToJson) });
  ctx.print(
    renderDealDetail(inertDeep(detail), {
      theme: await ctx.theme(),
      width: ctx.width,
      currency: readSettings(store).currency,
      year: thisYear(ctx),
      today: ctx.today(),
    }),
  );
}

export async function runDealsRm(ctx: Context, ref: string, options: DealsRmOptions): Promise<void> {
  let id = 0;
  await confirmAndRemove(ctx, options, {
    command: 'perf deals rm',
    find: (store) => {
      const deal = findDeal(store, ref);
      id = deal.id;
      return deal;
    },
    describe: (deal) => `deal ${deal.slug} ("${deal.name}")`,
    remove: (store) => removeDeal(store, id, ctx.now()),
    toJson: dealToJson,
    render: (deal) => `Deleted deal ${inertDeep(deal).slug}; its notes stay, unlinked.`,
  });
}

function thisYear(ctx: Context): number {
  return splitDay(ctx.today()).year;
}

/**
 * The options `add` and `edit` share, checked before the journal is opened. On `edit` an empty
 * value ("") clears an account, stage, expected close or external id.
 */
async function parseFields(ctx: Context, options: DealsAddOptions | DealsEditOptions, editing: boolean): Promise<DealFields> {
  const text = (value: string | undefined) => (value === undefined ? undefined : normalizeDealText(value));
  const cleared = (value: string | undefined) => editing && value !== undefined && value.trim() === '';
  return {
    slug: options.slug === undefined ? undefined : parseDealSlug(options.slug),
    account: text(options.account),
    stage: text(options.stage),
    externalId: text(options.externalId),
    expectedClose:
      options.close === undefined
        ? undefined
        : cleared(options.close)
          ? null
          : await parseWhen(ctx, options.close, 'forward', '--close date'),
  };
}
