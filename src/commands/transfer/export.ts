import { isAscii, isUtf8 } from 'node:buffer';
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
        // Text that is not UTF-8 (edited outside perf) is written as the JSON text it reads as (U+FFFD).
        written.counts = writeJournalJson(store, ctx.now(), (chunk) =>
          write(typeof chunk === 'string' || isUtf8(chunk) ? chunk : Buffer.from(chunk.toString('utf8'))),
        );
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
 * A piece of the export to stdout, made terminal safe. The export is JSON, which escapes every
 * C0 control but holds its line ends raw, so what a terminal would act on is in the bytes SQLite
 * wrote only as DEL, a C1 control or a direction mark (unsafeUtf8). A chunk without any (a whole
 * chunk of notes, as a rule) is written as the bytes it is, never decoded (~15 ms of the export of
 * 26k notes, and ~7 ms more for not making strings of it, issue 12). Another is decoded and made
 * inert in slices: a string of 1 MiB is made outside V8's young generation and costs ~0.5 ms to
 * make and again to encode (and its memory waits for a full GC); 64 KiB ones, a tenth (a character
 * cut by a slice's end waits for the next). With no raw ESC nor CR in JSON, what terminalSafe
 * changes is single characters, the same in slices.
 */
function writeToTerminal(ctx: Context, chunk: string | Buffer): void {
  if (typeof chunk === 'string') {
    ctx.write(terminalSafe(chunk, ctx.color));
    return;
  }
  // Nothing to make inert: the bytes go as they are, without becoming a string and back (~7 ms).
  // Text that is not UTF-8 (edited outside perf) is decoded instead: a stray 0x9B byte is a control
  // to some terminals, U+FFFD once decoded.
  if (!unsafeUtf8(chunk) && isUtf8(chunk)) {
    ctx.write(chunk);
    return;
  }
  const decoder = isAscii(chunk) ? null : new TextDecoder();
  for (let at = 0; at < chunk.length; at += SLICE) {
    const end = Math.min(at + SLICE, chunk.length);
    const text =
      decoder === null ? chunk.toString('latin1', at, end) : decoder.decode(chunk.subarray(at, end), { stream: end < chunk.length });
    ctx.write(terminalSafe(text, ctx.color));
  }
}

const SLICE = 1 << 16;

/**
 * Whether UTF-8 text holds DEL, a C1 control (U+0080–U+009F: C2 80–9F) or a direction mark,
 * embedding, override or isolate (U+200E–U+200F, U+202A–U+202E: E2 80 8E–8F, AA–AE; U+2066–U+2069:
 * E2 81 A6–A9), the characters terminalSafe makes inert beyond the C0 controls. C2 and E2 only
 * ever lead a character, so a search for them finds no byte in the middle of another.
 */
export function unsafeUtf8(bytes: Buffer): boolean {
  if (bytes.includes(0x7f)) return true;
  for (let at = bytes.indexOf(0xc2); at >= 0; at = bytes.indexOf(0xc2, at + 1)) {
    const next = bytes[at + 1] ?? 0;
    if (next >= 0x80 && next <= 0x9f) return true;
  }
  for (let at = bytes.indexOf(0xe2); at >= 0; at = bytes.indexOf(0xe2, at + 1)) {
    const [second, third] = [bytes[at + 1] ?? 0, bytes[at + 2] ?? 0];
    if (second === 0x80 && (third === 0x8e || third === 0x8f || (third >= 0xaa && third <= 0xae))) return true;
    if (second === 0x81 && third >= 0xa6 && third <= 0xa9) return true;
  }
  return false;
}
