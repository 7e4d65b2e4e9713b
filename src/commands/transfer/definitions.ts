import { EXPORT_FORMATS } from '../../exporters/index.js';
import { Command, Option, type OptionsOf, examples } from '../define.js';

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
    .summary('restore a perf export, or add a jrnl export')
    .description(
      'Import a perf export or a jrnl export (recognised from the file). Into an empty journal a perf export is restored exactly; into one with data, what is new is added and exact duplicates are skipped. All or nothing: a bad record is named and nothing is written.',
    )
    .argument('<file>', 'a file from perf export --format json, or from jrnl --export json')
    .addOption(new Option('--format <format>', 'perf or jrnl (default: recognised from the file)').choices(['perf', 'jrnl'] as const))
    .option('--json', 'print what was added and skipped as JSON')
    .addHelpText('after', examples(['perf import journal-backup.json', 'jrnl --export json > jrnl.json && perf import jrnl.json']));
export type ImportOptions = OptionsOf<typeof defineImport>;
