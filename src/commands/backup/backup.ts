import type { Context } from '../../context.js';
import { RuntimeFailure, quote } from '../../errors.js';
import { requireYesWithoutTerminal } from '../input.js';
import type { BackupOptions, DoctorOptions, RestoreOptions, WhereOptions } from './definitions.js';

export async function runBackup(ctx: Context, file: string | undefined, options: BackupOptions): Promise<void> {
  const journal = await ctx.dbPath();
  const { databaseExists } = await import('../../storage/db.js');
  if (!databaseExists(journal)) throw new RuntimeFailure(`no journal at ${journal} yet: nothing to back up`);
  const { backupJournal, chooseBackupTarget } = await import('../../services/backups.js');
  const target = chooseBackupTarget(journal, file, ctx.now(), options.force === true);
  // Opening it the normal way first refuses a file that is not a journal, or one from a newer program.
  await ctx.readStore();
  const result = await backupJournal(journal, target, ctx.now());
  if (options.json) return ctx.printJson(result);
  const { renderBackupMade } = await import('./view.js');
  ctx.print(renderBackupMade(result));
}

export async function runRestore(ctx: Context, file: string, options: RestoreOptions): Promise<void> {
  const journal = await ctx.dbPath();
  const [{ checkRestoreFile, prepareRestore, cancelRestore, restoreJournal }, { renderCounts, renderRestored }] = await Promise.all([
    import('../../services/backups.js'),
    import('./view.js'),
  ]);
  const source = checkRestoreFile(file, journal);
  requireYesWithoutTerminal(ctx, options.yes, 'perf restore');
  const staged = prepareRestore(source, journal, quote(file));
  try {
    if (!options.yes) {
      const { databaseExists } = await import('../../storage/db.js');
      const replacing = databaseExists(journal) ? `replace the journal at ${journal}` : `make it the journal at ${journal}`;
      const sure = await (await ctx.prompter()).confirm({
        message: `Restore ${quote(file)} (${renderCounts(staged.counts)}) and ${replacing}? The current journal is kept as a backup.`,
        default: false,
      });
      if (!sure) {
        cancelRestore(staged);
        return ctx.print('Kept the current journal.');
      }
    }
  } catch (error) {
    // Ctrl-C at the prompt included: the checked copy must not be left beside the journal.
    cancelRestore(staged);
    throw error;
  }
  const result = await restoreJournal(staged, journal, ctx.now());
  if (options.json) return ctx.printJson(result);
  ctx.print(renderRestored(result));
}

export async function runDoctor(ctx: Context, options: DoctorOptions): Promise<void> {
  const journal = await journalPath(ctx);
  const [{ diagnoseJournal }, { renderDiagnosis, diagnosisToJson, adviceFor }] = await Promise.all([
    import('../../services/backups.js'),
    import('./view.js'),
  ]);
  const diagnosis = diagnoseJournal(journal, ctx.today());
  if (options.json) ctx.printJson(diagnosisToJson(diagnosis));
  else ctx.print(renderDiagnosis(diagnosis, { theme: await ctx.theme() }));
  if (diagnosis.status !== 'ok') {
    const what =
      diagnosis.status === 'damaged'
        ? 'is damaged'
        : diagnosis.status === 'newer'
          ? 'is from a newer perf-journal'
          : 'is not a perf journal';
    throw new RuntimeFailure(`the journal ${journal} ${what}: ${adviceFor(diagnosis) ?? ''}`);
  }
}

export async function runWhere(ctx: Context, options: WhereOptions): Promise<void> {
  const journal = await journalPath(ctx);
  const [{ locateJournal }, { renderWhere, locationToJson }] = await Promise.all([
    import('../../services/backups.js'),
    import('./view.js'),
  ]);
  const location = locateJournal(journal, ctx.dbSource());
  if (options.json) return ctx.printJson(locationToJson(location));
  ctx.print(renderWhere(location, { theme: await ctx.theme() }));
}

/** The journal's path, refused (one line, exit 2) when something there is not a file: a folder or a device is no journal to check. */
async function journalPath(ctx: Context): Promise<string> {
  const journal = await ctx.dbPath();
  const { statJournal } = await import('../../storage/journal-identity.js');
  statJournal(journal);
  return journal;
}
