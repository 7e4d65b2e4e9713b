import type { Context } from '../../context.js';
import { oneToOneToJson } from '../../domain/checkin.js';
import { confirmAndRemove } from '../record-changes.js';
import { parseId } from '../../domain/ids.js';
import { UsageError } from '../../errors.js';
import { editOneToOne, findOneToOne, listOneToOnes, removeOneToOne, type OneToOneChanges } from '../../services/one-to-ones.js';
import { inertDeep } from '../../terminal/inert.js';
import { formatDay } from '../../terminal/format.js';
import { parseWhen } from '../input.js';
import type { CheckinEditOptions, CheckinHistoryOptions, CheckinRmOptions } from './definitions.js';
import { renderOneToOneHistory, renderOneToOneRemoved, renderOneToOneUpdated } from './view.js';

export async function runCheckinHistory(ctx: Context, options: CheckinHistoryOptions): Promise<void> {
  const oneToOnes = listOneToOnes(await ctx.readStore());
  if (options.json) return ctx.printJson(oneToOnes.map(oneToOneToJson));
  ctx.print(renderOneToOneHistory(inertDeep(oneToOnes), await ctx.theme(), ctx.width));
}

export async function runCheckinEdit(ctx: Context, rawId: string, options: CheckinEditOptions): Promise<void> {
  const id = parseId(rawId, 'one-to-one');
  const changes: OneToOneChanges = {
    date: options.date === undefined ? undefined : await parseWhen(ctx, options.date, 'past', '--date'),
    note: options.note === undefined ? undefined : options.note.trim() || null,
  };
  if (changes.date === undefined && changes.note === undefined) {
    throw new UsageError('nothing to change: give --date or --note (--note "" removes the note)');
  }
  const oneToOne = editOneToOne(await ctx.store(), id, changes);
  if (options.json) return ctx.printJson(oneToOneToJson(oneToOne));
  ctx.print(renderOneToOneUpdated(oneToOne));
}

export async function runCheckinRm(ctx: Context, rawId: string, options: CheckinRmOptions): Promise<void> {
  const id = parseId(rawId, 'one-to-one');
  await confirmAndRemove(ctx, options, {
    command: 'perf checkin rm',
    find: (store) => findOneToOne(store, id),
    describe: (oneToOne) => `the one-to-one #${id} of ${formatDay(oneToOne.date)}`,
    remove: (store) => removeOneToOne(store, id),
    toJson: oneToOneToJson,
    render: renderOneToOneRemoved,
  });
}
