import type { Context } from '../../context.js';
import { defineTags } from './definitions.js';

const handlers = () => import('./labels.js');

export const tagsCommand = (ctx: Context) => defineTags().action(async (options) => (await handlers()).runTags(ctx, options));
