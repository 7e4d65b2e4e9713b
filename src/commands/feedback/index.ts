import type { Context } from '../../context.js';
import { defineFeedbackAdd, defineFeedbackList, defineFeedbackListSub, defineFeedbackShow } from './definitions.js';

const handlers = () => import('./feedback.js');

export const feedbackCommand = (ctx: Context) =>
  defineFeedbackList()
    .action(async (options) => (await handlers()).runFeedbackList(ctx, options))
    .addCommand(defineFeedbackListSub().action(async (options) => (await handlers()).runFeedbackList(ctx, options)))
    .addCommand(defineFeedbackAdd().action(async (text, options) => (await handlers()).runFeedbackAdd(ctx, text, options)))
    .addCommand(defineFeedbackShow().action(async (id, options) => (await handlers()).runFeedbackShow(ctx, id, options)));
