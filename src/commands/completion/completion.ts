import type { Context } from '../../context.js';
import { UsageError, quote } from '../../errors.js';
import { COMPLETION_SCRIPTS } from './scripts.js';
import { SHELLS } from './values.js';

/** `perf completion <shell>`: the script to source. */
export function runCompletion(ctx: Context, shell: string): void {
  const script = COMPLETION_SCRIPTS[shell.trim().toLowerCase()];
  if (!script) throw new UsageError(`unknown shell ${quote(shell)}: use ${SHELLS.join(', ')}`);
  ctx.write(script);
}
