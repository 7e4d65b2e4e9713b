import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../../context.js';
import { latestDayOf } from '../../domain/calendar.js';
import type { DumpOutline } from '../../domain/dump-checker.js';
import type { RecordTable } from '../../domain/journal-dump.js';
import { RuntimeFailure, UsageError, quote } from '../../errors.js';
import { readSettings } from '../../services/config.js';
import type { ImportResult } from '../../domain/import-result.js';
import { renderImportResult } from './view.js';
import type { JsonSink } from './read-json.js';
import type { ImportOptions } from './definitions.js';

/** What an import reads, for messages about a file it cannot use. */
const ACCEPTED = 'give a perf export (perf export --format json) or a jrnl export (jrnl --export json)';

/** Above this many records, an import in a terminal shows a progress bar. */
const PROGRESS_THRESHOLD = 1000;

const NEITHER = (file: string) =>
  `${quote(file)} is neither a perf-journal export (with "format": "perf-journal") nor a jrnl export (with "entries"): use perf export --format json or jrnl --export json`;

type Kind = 'perf' | 'jrnl';

/**
 * A perf export is read twice and never held: the first reading checks every record (nothing is
 * opened for writing, so a bad file leaves no journal behind), the second writes each record as
 * it is read, in one transaction. A jrnl export is read whole: its entries are imported in date order.
 */
export async function runImport(ctx: Context, file: string, options: ImportOptions): Promise<void> {
  const csv = options.format === 'csv' || (options.format === undefined && /\.csv$/i.test(file));
  if (csv) return (await import('./import-csv.js')).runCsvImport(ctx, file, options);
  for (const [given, name] of [
    [options.as !== undefined, '--as'],
    [options.map.length > 0, '--map'],
    [options.mapType.length > 0, '--map-type'],
    [options.dryRun === true, '--dry-run'],
  ] as const) {
    if (given) throw new UsageError(`${name} is for CSV files: add --format csv`);
  }
  const checked = await checkFile(ctx, file, options.format as Kind | undefined);
  // One import is one change in the undo log, named by its file.
  (await ctx.readStore()).summarize(`import ${path.basename(file)}`);
  let result: ImportResult;
  if (checked.kind === 'jrnl') {
    const onProgress = await progressReporter(ctx, checked.notes.length);
    const { importJrnlNotes } = await import('../../services/import.js');
    const store = await ctx.store();
    try {
      result = importJrnlNotes(store, checked.notes, { now: ctx.now(), onProgress: onProgress?.update });
    } finally {
      onProgress?.clear();
    }
  } else {
    result = await writeDump(ctx, file, checked.outline);
  }
  if (options.json) return ctx.printJson({ file, format: checked.kind, ...result });
  ctx.print(renderImportResult(file, result, ctx.width));
}

async function writeDump(ctx: Context, file: string, outline: DumpOutline): Promise<ImportResult> {
  const [{ startDumpImport }, { parseDumpRecord }] = await Promise.all([
    import('../../services/import.js'),
    import('../../domain/dump-records.js'),
  ]);
  const onProgress = await progressReporter(ctx, outline.total);
  const store = await ctx.store();
  const parseOptions = { source: quote(file), now: ctx.now().toISOString(), today: ctx.today(), scaleMax: outline.scaleMax };
  try {
    const dump = startDumpImport(store, outline, { now: ctx.now(), onProgress: onProgress?.update });
    try {
      for (const tables of dump.passes) {
        if (tables.length === 0) continue;
        const takes = (key: string): key is RecordTable => (tables as string[]).includes(key);
        await readJson(file, {
          value() {},
          list() {},
          element(key, index, value) {
            if (takes(key)) dump.record(key, index, parseDumpRecord(key, index, value, parseOptions));
          },
          end(key) {
            if (takes(key)) dump.end(key);
          },
        });
      }
      return dump.finish();
    } catch (error) {
      dump.abort();
      throw error;
    }
  } finally {
    onProgress?.clear();
  }
}

type Checked = { kind: 'perf'; outline: DumpOutline } | { kind: 'jrnl'; notes: import('../../domain/jrnl.js').ImportedNote[] };

/** The first reading: which kind of file it is, and every record checked. */
async function checkFile(ctx: Context, file: string, format: Kind | undefined): Promise<Checked> {
  const [{ DumpChecker }, { isDumpKey, DUMP_TABLES }, { parseJrnlExport }] = await Promise.all([
    import('../../domain/dump-checker.js'),
    import('../../domain/journal-dump.js'),
    import('../../domain/jrnl.js'),
  ]);
  // Ratings are checked against the file's own scale, else the journal's.
  const { scaleMax } = readSettings(await ctx.readStore());
  const checker = new DumpChecker({ source: quote(file), now: ctx.now().toISOString(), today: ctx.today(), scaleMax });
  const isTable = (key: string): key is RecordTable => (DUMP_TABLES as readonly string[]).includes(key);
  // An export starts with "format"; a jrnl file has "entries". The first key that tells decides.
  let kind: Kind | null = format ?? null;
  const decide = (key: string) => {
    if (kind === null && isDumpKey(key)) kind = 'perf';
    else if (kind === null && key === 'entries') kind = 'jrnl';
  };
  let root: unknown;
  let rootIsObject = true;
  const jrnl: Record<string, unknown> = {};
  let formatSeen = false;
  await readJson(file, {
    value(key, value) {
      if (key === null) {
        rootIsObject = false;
        root = value;
        return;
      }
      decide(key);
      if (kind === 'perf') {
        if (key === 'format') formatSeen = true;
        checker.head(key, value);
      } else jrnl[key] = value;
    },
    list(key) {
      decide(key);
      if (kind === 'perf' && isTable(key)) checker.table(key);
      else if (kind !== 'perf' && key === 'entries') jrnl.entries = [];
    },
    element(key, index, value) {
      if (kind === 'perf' && isTable(key)) checker.record(key, index, value);
      else if (kind !== 'perf' && key === 'entries') (jrnl.entries as unknown[]).push(value);
    },
    end() {},
  });
  if (kind === 'jrnl') {
    const value = rootIsObject ? jrnl : root;
    const notes = parseJrnlExport(value, quote(file), ctx.today(), latestDayOf(ctx.now()));
    return { kind: 'jrnl', notes };
  }
  if (!rootIsObject) {
    if (format === 'perf')
      throw new UsageError(
        `invalid ${quote(file)}: not a perf-journal export (expected a JSON object with "format": "perf-journal"); nothing was imported`,
      );
    throw new UsageError(NEITHER(file));
  }
  if (kind === null || (format === undefined && !formatSeen)) throw new UsageError(NEITHER(file));
  return { kind: 'perf', outline: checker.finish() };
}

/** Opens `file` and streams it to `sink`: the file is never held as one string. */
async function readJson(file: string, sink: JsonSink): Promise<void> {
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
  const { streamJson, JsonSyntaxError } = await import('./read-json.js');
  try {
    await streamJson(file, fd, ACCEPTED, sink);
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

async function progressReporter(ctx: Context, records: number) {
  if (records <= PROGRESS_THRESHOLD || !ctx.io.stderr.isTTY) return null;
  const { createProgressBar } = await import('../../terminal/progress.js');
  return createProgressBar(ctx.io.stderr, 'Importing');
}
