import type { Context } from '../../context.js';
import { defineRemove } from '../define.js';
import { defineFeedbackAdd, defineFeedbackEdit, defineFeedbackList, defineFeedbackListSub, defineFeedbackShow } from './definitions.js';

const handlers = () => import('./feedback.js');

export const feedbackCommand = (ctx: Context) =>
  defineFeedbackList()
    .action(async (options) => (await handlers()).runFeedbackList(ctx, options))
    .addCommand(defineFeedbackListSub().action(async (options) => (await handlers()).runFeedbackList(ctx, options)))
    .addCommand(defineFeedbackAdd().action(async (text, options) => (await handlers()).runFeedbackAdd(ctx, text, options)))
    .addCommand(defineFeedbackShow().action(async (id, options) => (await handlers()).runFeedbackShow(ctx, id, options)))
    .addCommand(defineFeedbackEdit().action(async (id, text, options) => (await handlers()).runFeedbackEdit(ctx, id, text, options)))
    .addCommand(
      defineRemove('feedback', 'perf feedback', 'perf feedback rm 4').action(async (id, options) =>
        (await handlers()).runFeedbackRm(ctx, id, options),
      ),
    );
