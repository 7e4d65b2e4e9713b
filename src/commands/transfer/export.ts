import { isAscii } from 'node:buffer';
import type { Context } from '../../context.js';
import { loadExportRenderer } from '../../exporters/index.js';
import type { DumpTable } from '../../domain/journal-dump.js';
import { countRecords, exportJournal, writeJournalJson } from '../../services/export.js';
import { terminalSafe } from '../../terminal/inert.js';
import { renderExportWritten } from './view.js';
import { PLAIN_THEME } from '../../terminal/theme.js';
import { checkOutFile, emit, writeOutFileWith } from '../output.js';
import type { ExportOptions } from './definitions.js';

export async function runExport(ctx: Context, options: ExportOptions): Promise<void> {
  const file = options.out === undefined ? null : checkOutFile(options.out, options.force);
  if (file === null && options.format === 'json') {
    // To stdout the JSON is written as it is read (the whole of it is what print would write).
    writeJournalJson(await ctx.readStore(), ctx.now(), (chunk) => writeToTerminal(ctx, chunk));
    return;
  }
  if (file !== null && options.format === 'json') {
    // To a file too: written to the temporary file as it is read, then put in place whole.
    const store = await ctx.readStore();
    const written: { counts?: Record<DumpTable, number> } = {};
    writeOutFileWith(
      file,
      (write) => {
        written.counts = writeJournalJson(store, ctx.now(), write);
      },
      options.force,
    );
    if (written.counts) ctx.print(renderExportWritten(written.counts, options.format, options.out ?? file, ctx.width));
    return;
  }
  const dump = exportJournal(await ctx.readStore(), ctx.now());
  const render = await loadExportRenderer(options.format);
  const text = render(dump, { theme: PLAIN_THEME, width: ctx.width, today: ctx.today() });
  const confirmation = file === null ? '' : renderExportWritten(countRecords(dump), options.format, options.out ?? file, ctx.width);
  emit(ctx, text, file === null ? null : { file, force: options.force, confirmation });
}

/**
 * A piece of the export to stdout, made terminal safe, in slices: a string of 1 MiB is made
 * outside V8's young generation and costs ~0.5 ms to make and again to encode (and its memory
 * waits for a full GC); 64 KiB ones, a tenth. The export is JSON, which escapes every C0 control
 * but holds its line ends raw: ASCII without DEL (a whole chunk of notes, as a rule) has nothing
 * to make inert and is taken as it is, without decoding it as UTF-8 or searching it (~15 ms of
 * the export of 26k notes, issue 12). Other text is decoded a slice at a time (a character cut
 * by a slice's end waits for the next) and made inert; with no raw ESC nor CR in JSON, what
 * terminalSafe changes is single characters, the same in slices as in the whole.
 */
function writeToTerminal(ctx: Context, chunk: string | Buffer): void {
  if (typeof chunk === 'string') {
    ctx.write(terminalSafe(chunk, ctx.color));
    return;
  }
  const plain = isAscii(chunk) && !chunk.includes(0x7f);
  const decoder = plain ? null : new TextDecoder();
  for (let at = 0; at < chunk.length; at += SLICE) {
    const end = Math.min(at + SLICE, chunk.length);
    if (decoder === null) ctx.write(chunk.toString('latin1', at, end));
    else ctx.write(terminalSafe(decoder.decode(chunk.subarray(at, end), { stream: end < chunk.length }), ctx.color));
  }
}

const SLICE = 1 << 16;
