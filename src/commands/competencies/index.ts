import type { Context } from '../../context.js';
import {
  defineCompetenciesAdd,
  defineCompetenciesEdit,
  defineCompetenciesList,
  defineCompetenciesListSub,
  defineCompetenciesRm,
  defineCompetenciesShow,
  defineRate,
  defineRatingsEdit,
  defineRatingsList,
} from './definitions.js';
import { defineRemove } from '../define.js';

const handlers = () => import('./competencies.js');

export const rateCommand = (ctx: Context) =>
  defineRate().action(async (ref, rating, options) => (await import('./rate.js')).runRate(ctx, ref, rating, options));

export const competenciesCommand = (ctx: Context) =>
  defineCompetenciesList()
    .action(async (options) => (await handlers()).runCompetenciesList(ctx, options))
    .addCommand(defineCompetenciesListSub().action(async (options) => (await handlers()).runCompetenciesList(ctx, options)))
    .addCommand(defineCompetenciesShow().action(async (ref, options) => (await handlers()).runCompetenciesShow(ctx, ref, options)))
    .addCommand(defineCompetenciesAdd().action(async (name, options) => (await handlers()).runCompetenciesAdd(ctx, name, options)))
    .addCommand(defineCompetenciesEdit().action(async (ref, options) => (await handlers()).runCompetenciesEdit(ctx, ref, options)))
    .addCommand(defineCompetenciesRm().action(async (ref, options) => (await handlers()).runCompetenciesRm(ctx, ref, options)));

const ratings = () => import('./ratings.js');

export const ratingsCommand = (ctx: Context) =>
  defineRatingsList()
    .action(async (ref, options) => (await ratings()).runRatingsList(ctx, ref, options))
    .addCommand(defineRatingsEdit().action(async (id, options) => (await ratings()).runRatingsEdit(ctx, id, options)))
    .addCommand(
      defineRemove('rating', 'perf ratings', 'perf ratings rm 7').action(async (id, options) =>
        (await ratings()).runRatingsRm(ctx, id, options),
      ),
    );
