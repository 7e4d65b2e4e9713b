import type { Context } from '../../context.js';
import type { Goal } from '../../domain/goals.js';
import type { Surprise } from '../../domain/goal-surprises.js';
import { describeSurprises } from './updates-view.js';
import { inertDeep } from '../../terminal/inert.js';

/**
 * An update that looks like a slip is asked about in a terminal (no by default); elsewhere there is
 * no one to ask, so it is saved with one warning line, as a script would expect; `--yes` means the
 * rep has looked already. Returns whether to save.
 */
export async function confirmSurprises(
  ctx: Context,
  goal: Goal,
  surprises: readonly Surprise[],
  yes: boolean | undefined,
): Promise<boolean> {
  if (surprises.length === 0 || yes) return true;
  const what = describeSurprises(inertDeep(goal), surprises);
  if (!ctx.interactive) {
    ctx.io.stderr.write(`perf: warning: ${what}; saved anyway (--yes skips this check)\n`);
    return true;
  }
  const prompter = await ctx.prompter();
  return prompter.confirm({ message: `${what}: save it anyway?`, default: false });
}
