import type { Context } from '../../context.js';
import { normalizeAccount } from '../../domain/notes.js';
import { UsageError, quote } from '../../errors.js';
import { renameAccount } from '../../services/accounts.js';
import { plural } from '../../terminal/format.js';
import type { AccountsRenameOptions } from './definitions.js';

export async function runAccountsRename(ctx: Context, rawOld: string, rawNew: string, options: AccountsRenameOptions): Promise<void> {
  const old = normalizeAccount(rawOld);
  const to = normalizeAccount(rawNew);
  if (old === null) throw new UsageError('the account to rename is empty: give it as the notes have it, e.g. "acme corp"');
  if (to === null) throw new UsageError(`the new name for ${quote(old)} is empty: give one, e.g. "Acme Corp"`);
  const result = renameAccount(await ctx.store(), old, to, ctx.now());
  ctx.saved(`account ${quote(to)}`);
  if (options.json) return ctx.printJson(result);
  const theme = await ctx.theme();
  ctx.print(
    `${theme.good('Renamed')} ${result.from.map(quote).join(', ')} to ${quote(to)} on ${plural(result.notes, 'note')}. To reverse it: perf undo`,
  );
}
