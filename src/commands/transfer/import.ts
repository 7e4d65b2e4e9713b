import fs from 'node:fs';
import type { Context } from '../../context.js';
import { latestDayOf } from '../../domain/calendar.js';
import type { JournalTables } from '../../domain/journal-dump.js';
import type { ImportedNote } from '../../domain/jrnl.js';
import { RuntimeFailure, UsageError, quote } from '../../errors.js';
import { readSettings } from '../../services/config.js';
import type { ImportResult } from '../../services/import.js';
import { renderImportResult } from '../reports/view.js';
import type { ImportOptions } from './definitions.js';

/** What an import reads, for messages about a file it cannot use. */
const ACCEPTED = 'give a perf export (perf export --format json) or a jrnl export (jrnl --export json)';

/** Above this many records, an import in a terminal shows a progress bar. */
const PROGRESS_THRESHOLD = 1000;

type Parsed = { kind: 'perf'; tables: JournalTables; records: number } | { kind: 'jrnl'; notes: ImportedNote[]; records: number };

export async function runImport(ctx: Context, file: string, options: ImportOptions): Promise<void> {
  const value = await readJsonFile(file);
  const parsed = await parseImport(ctx, file, value, options.format);

  const onProgress = await progressReporter(ctx, parsed.records);
  const { importJournalDump, importJrnlNotes } = await import('../../services/import.js');
  const store = await ctx.store();
  let result: ImportResult;
  try {
    const importOptions = { now: ctx.now(), onProgress: onProgress?.update };
    result =
      parsed.kind === 'perf'
        ? importJournalDump(store, parsed.tables, importOptions)
        : importJrnlNotes(store, parsed.notes, importOptions);
  } finally {
    onProgress?.clear();
  }
  if (options.json) return ctx.printJson({ file, format: parsed.kind, ...result });
  ctx.print(renderImportResult(file, result, ctx.width));
}

async function readJsonFile(file: string): Promise<unknown> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
    if (fs.fstatSync(fd).isDirectory()) {
      fs.closeSync(fd);
      throw new UsageError(`cannot import ${quote(file)}: it is a folder, not a file`);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot import ${quote(file)}, no such file: ${ACCEPTED}`);
    if (code === 'EISDIR') throw new UsageError(`cannot import ${quote(file)}: it is a folder, not a file`);
    throw new RuntimeFailure(`cannot read ${quote(file)}: ${(error as Error).message}`);
  }
  // Streamed, not read whole: a 200 MB export never sits in memory as one string.
  const { readJsonStream, JsonSyntaxError } = await import('./read-json.js');
  try {
    return await readJsonStream(file, fd, ACCEPTED);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) {
      if (error instanceof UsageError) throw error;
      throw new RuntimeFailure(`cannot read ${quote(file)}: ${(error as Error).message}`);
    }
    const reason = error.message.replace(/\s+/g, ' ');
    throw new UsageError(
      `${quote(file)} is not JSON (${reason.length > 80 ? `${reason.slice(0, 77)}…` : reason}): import a file from perf export --format json or jrnl --export json`,
    );
  }
}

async function parseImport(ctx: Context, file: string, value: unknown, format: ImportOptions['format']): Promise<Parsed> {
  const [{ looksLikeJournalDump, parseJournalDump, countRecords }, { looksLikeJrnlExport, parseJrnlExport }] = await Promise.all([
    import('../../domain/journal-dump.js'),
    import('../../domain/jrnl.js'),
  ]);
  const kind = format ?? (looksLikeJournalDump(value) ? 'perf' : looksLikeJrnlExport(value) ? 'jrnl' : null);
  if (kind === null) {
    throw new UsageError(
      `${quote(file)} is neither a perf-journal export (with "format": "perf-journal") nor a jrnl export (with "entries"): use perf export --format json or jrnl --export json`,
    );
  }
  if (kind === 'jrnl') {
    const notes = parseJrnlExport(value, quote(file), ctx.today(), latestDayOf(ctx.now()));
    return { kind, notes, records: notes.length };
  }
  // Ratings are checked against the file's own scale, else the journal's.
  const { scaleMax } = readSettings(await ctx.readStore());
  const dump = parseJournalDump(value, { source: quote(file), now: ctx.now().toISOString(), today: ctx.today(), scaleMax });
  return { kind, tables: dump, records: countRecords(dump) };
}

async function progressReporter(ctx: Context, records: number) {
  if (records <= PROGRESS_THRESHOLD || !ctx.io.stderr.isTTY) return null;
  const { createProgressBar } = await import('../../terminal/progress.js');
  return createProgressBar(ctx.io.stderr, 'Importing');
}
