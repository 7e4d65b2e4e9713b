import type { Context } from '../context.js';
import { loadExportRenderer, type ExportFormat } from '../exporters/index.js';
import { exportJournal } from '../services/export.js';
import { PLAIN_THEME } from '../ui/theme.js';
import { checkOutFile, emit } from './output.js';

export interface ExportOptions {
  format: ExportFormat;
  out?: string;
  force?: boolean;
}

export async function runExport(ctx: Context, options: ExportOptions): Promise<void> {
  const file = options.out === undefined ? null : checkOutFile(options.out, options.force);
  const dump = exportJournal(await ctx.readStore(), ctx.now());
  const render = await loadExportRenderer(options.format);
  const text = render(dump, { theme: PLAIN_THEME, width: ctx.width, today: ctx.today() });
  const what = `${dump.notes.length === 1 ? '1 note' : `${dump.notes.length} notes`} (${options.format})`;
  emit(ctx, text, file === null ? null : { file, shown: options.out ?? file, force: options.force, what });
}
