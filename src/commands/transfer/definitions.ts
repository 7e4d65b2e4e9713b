import { EXPORT_FORMATS } from '../../exporters/index.js';
import { Command, Option, type OptionsOf, collect, examples } from '../define.js';

export const defineExport = () =>
  new Command('export')
    .summary('the journal as JSON (a full backup), CSV or Markdown')
    .description(
      'The journal as JSON (a complete, versioned backup that perf import restores exactly), CSV (the notes, for a spreadsheet) or Markdown (the notes by month, as jrnl writes them).',
    )
    .addOption(new Option('--format <format>', 'json, csv or md').choices(EXPORT_FORMATS).default('json' as const))
    .option('-o, --out <file>', 'write it to this file (its folder must exist)')
    .option('--force', 'overwrite the --out file if it exists')
    .addHelpText(
      'after',
      examples(['perf export -o journal-backup.json', 'perf export --format csv -o notes.csv', 'perf export --format md > journal.md']),
    );
export type ExportOptions = OptionsOf<typeof defineExport>;

export const defineImport = () =>
  new Command('import')
    .summary('restore a perf export, add a jrnl export, or bring in a CRM export (CSV)')
    .description(
      'Import a perf export or a jrnl export (recognised from the file), or with --format csv a CRM export: activities (Salesforce, HubSpot, any spreadsheet) as notes, or with --as deals opportunities as deals. Into an empty journal a perf export is restored exactly; into one with data, what is new is added and what was imported before is skipped. All or nothing: a bad record is named and nothing is written.',
    )
    .argument('<file>', 'a file from perf export --format json, jrnl --export json, or a CRM (CSV)')
    .addOption(
      new Option('--format <format>', 'perf, jrnl or csv (default: recognised from the file; .csv is csv)').choices([
        'perf',
        'jrnl',
        'csv',
      ] as const),
    )
    .addOption(
      new Option('--as <what>', 'csv: the rows are notes (activities) or deals (opportunities)').choices(['notes', 'deals'] as const),
    )
    .option(
      '--map <field=Header>',
      'csv: the column of a field (notes: date, text, body, account, type, id, tags; deals: name, account, value, stage, date, status, won, closed, id)',
      collect,
      [],
    )
    .option('--map-type <"CRM=type">', 'csv: the note type of a CRM activity type, e.g. "Sales Call=call" (repeatable)', collect, [])
    .option('--dry-run', 'csv: show what would be added (counts by type and the first rows); write nothing')
    .option('--json', 'print what was added and skipped as JSON')
    .addHelpText(
      'after',
      examples([
        'perf import journal-backup.json',
        'jrnl --export json > jrnl.json && perf import jrnl.json',
        'perf import activities.csv --format csv --dry-run',
        'perf import calls.csv --format csv --map text="Call Title" --map-type "Sales Call=call"',
        'perf import opportunities.csv --format csv --as deals',
      ]),
    );
export type ImportOptions = OptionsOf<typeof defineImport>;
