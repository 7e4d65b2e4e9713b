import { Command, type OptionsOf, examples } from '../define.js';

export const defineBackup = () =>
  new Command('backup')
    .summary('a copy of the journal file, made safely while it is in use')
    .description(
      "A consistent copy of the journal file (SQLite's online backup), readable by you alone. Without FILE it goes to the backups folder beside the journal, named with the date and time. Automatic daily backups go there too (see backup.auto in perf config).",
    )
    .argument('[file]', 'where to write it: a new file, or a folder to put a dated file in (default: the backups folder)')
    .option('--force', 'replace FILE if it exists')
    .option('--json', 'print {path, bytes, at} as JSON')
    .addHelpText('after', examples(['perf backup', 'perf backup ~/Dropbox/perf/', 'perf backup journal-copy.db --force']));
export type BackupOptions = OptionsOf<typeof defineBackup>;

export const defineRestore = () =>
  new Command('restore')
    .summary('replace the journal with a backup (the current one is kept)')
    .description(
      'Replace the journal with a backup file, after checking it (integrity, that it is a perf journal, a schema this program knows). The current journal is first kept in the backups folder. Asks first in a terminal.',
    )
    .argument('<file>', 'a backup made by perf backup or an automatic one')
    .option('-y, --yes', 'do not ask (required when not in a terminal)')
    .option('--json', 'print what was restored as JSON')
    .addHelpText(
      'after',
      examples(['perf restore ~/.local/share/perf-journal/backups/journal-auto-2026-11-30.db', 'perf restore journal-copy.db --yes']),
    );
export type RestoreOptions = OptionsOf<typeof defineRestore>;

export const defineDoctor = () =>
  new Command('doctor')
    .summary('check the journal file: integrity, permissions, schema, backups')
    .description(
      "Check the journal: SQLite's integrity check, the file, its permissions, size and schema version, what it holds, and the newest backup. Says what to do if something is wrong (exit 1 when the journal is damaged or unusable).",
    )
    .option('--json', 'print the check as JSON')
    .addHelpText('after', examples(['perf doctor', 'perf doctor --json']));
export type DoctorOptions = OptionsOf<typeof defineDoctor>;

export const defineWhere = () =>
  new Command('where')
    .summary('which journal file this is: its path, size and what it holds')
    .description(
      'The journal file commands use (from --db, else PERF_DB, else the platform data folder), whether it exists, its size and how many records of each kind it holds. Creates nothing: a mistyped --db or PERF_DB shows here as a journal that does not exist.',
    )
    .option('--json', 'print {path, exists, bytes, counts} as JSON')
    .addHelpText('after', examples(['perf where', 'perf where --json', 'PERF_DB=~/work.db perf where']));
export type WhereOptions = OptionsOf<typeof defineWhere>;
