import path from 'node:path';
import type { Context } from '../../context.js';
import { type CsvContext, DEAL_FIELDS, NOTE_FIELDS, csvDeals, csvNotes, parseMaps, parseTypeMaps } from '../../domain/csv-import.js';
import { UsageError } from '../../errors.js';
import { readSettings } from '../../services/config.js';
import { importCsvDeals, importCsvNotes } from '../../services/import-csv.js';
import { inertDeep } from '../../terminal/inert.js';
import { readNoteTypes } from '../input.js';
import type { ImportOptions } from './definitions.js';
import { readCsvFile } from './read-csv.js';
import { renderCsvDeals, renderCsvNotes } from './csv-view.js';

/** `perf import FILE --format csv [--as deals]`: every option and row checked before anything is written. */
export async function runCsvImport(ctx: Context, file: string, options: ImportOptions): Promise<void> {
  const deals = options.as === 'deals';
  if (deals && options.mapType.length > 0) throw new UsageError('--map-type is for activities: deals have a stage and a status instead');
  const noteMaps = deals ? {} : parseMaps(options.map, NOTE_FIELDS);
  const dealMaps = deals ? parseMaps(options.map, DEAL_FIELDS) : {};
  const types = options.mapType.length > 0 ? parseTypeMaps(options.mapType, await readNoteTypes(ctx)) : new Map<string, string>();
  const table = await readCsvFile(file);
  const csvContext: CsvContext = {
    file: path.basename(file),
    today: ctx.today(),
    dayFirst: table.separator === ';',
    decimal: table.separator === ';' ? ',' : '.',
  };
  const dryRun = options.dryRun === true;
  // Every row is checked before the journal is opened; a file of no rows only reads it (and creates none).
  const open = async (rows: number) => {
    const store = dryRun || rows === 0 ? await ctx.readStore() : await ctx.store();
    store.summarize(`import ${path.basename(file)}`);
    return { store, readOnly: dryRun || rows === 0 };
  };
  if (deals) {
    const records = csvDeals(table.header, table.rows, dealMaps, csvContext);
    const { store, readOnly } = await open(records.length);
    const result = importCsvDeals(store, records, ctx.now(), readOnly);
    if (options.json)
      return ctx.printJson({
        file,
        format: 'csv',
        as: 'deals',
        dryRun,
        added: result.added.length,
        updated: result.updated.length,
        unchanged: result.unchanged,
      });
    return ctx.print(renderCsvDeals(file, inertDeep(result), dryRun, readSettings(store).currency));
  }
  const { notes: records, planned } = csvNotes(table.header, table.rows, { maps: noteMaps, types }, csvContext);
  const { store, readOnly } = await open(records.length);
  const result = importCsvNotes(store, records, ctx.now(), readOnly);
  const byType = countBy(result.added.map((note) => note.type));
  if (options.json)
    return ctx.printJson({ file, format: 'csv', as: 'notes', dryRun, added: result.added.length, known: result.known, byType, planned });
  ctx.print(renderCsvNotes(file, inertDeep({ ...result, planned }), byType, dryRun, ctx.width));
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
