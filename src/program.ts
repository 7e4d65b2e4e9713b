import fs from 'node:fs';
import { Command, Option } from 'commander';
import type { Context } from './context.js';
import { NOTE_TYPES } from './domain/notes.js';
import { CHECKIN_FORMATS, EXPORT_FORMATS, SUMMARY_FORMATS } from './exporters/index.js';

/**
 * The whole command-line surface: every command, option and help text. Actions only load their
 * handler module and call it, so a command pays at start-up for nothing but itself.
 */
export function buildProgram(ctx: Context): Command {
  const program = new Command('perf')
    .description('A performance journal for sales people: log the work, track goals and competencies,\nand have the appraisal summary ready when review time comes.')
    .version(readVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--db <path>', 'the journal file (default: $PERF_DB or the platform data folder)')
    .option('--no-color', 'no colours (also when NO_COLOR is set or output is not a terminal)')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
      // Commander's messages ("error: unknown command 'lgo'\n(Did you mean log?)") become one line.
      outputError: (text, write) => write(`perf: ${text.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim()}\n`),
    });

  // Commander hands actions untyped arguments; each handler declares the options type it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Handler = (ctx: Context, ...args: any[]) => Promise<void>;
  const action = (handler: Handler) => async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    ctx.setGlobals(command.optsWithGlobals());
    await handler(ctx, ...args.slice(0, -1));
  };

  // ── log ──────────────────────────────────────────────────────────────────────────────────────
  program
    .command('log')
    .description('record a dated note: a call, a meeting, a win, something you learned')
    .argument('[text...]', 'the note; #hashtags become tags (no text: prompts, $EDITOR with -e, or stdin)')
    .option('-d, --date <when>', 'the day it happened: YYYY-MM-DD, yesterday, "last friday", "march 3" (default today)')
    .option('-t, --tag <tag>', 'a tag (repeatable)', collect, [])
    .addOption(new Option('--type <type>', 'what kind of note').choices(NOTE_TYPES).default('note'))
    .option('-a, --account <name>', 'the customer or account')
    .option('-s, --star', 'a highlight for the summary')
    .option('-e, --edit', 'write the note in $EDITOR')
    .option('--json', 'print the created note as JSON')
    .addHelpText(
      'after',
      examples([
        'perf log "Called Acme about the renewal" --type call -a Acme',
        'perf log "Signed Globex, 3-year deal #q4" --type win --star',
        'perf log -d yesterday "Demo for Initech went well" --type demo',
        'echo "Pipeline review with Maria" | perf log --type meeting',
      ]),
    )
    .action(action(async (ctx, text: string[], options) => (await import('./commands/log.js')).runLog(ctx, text, options)));

  // ── notes ────────────────────────────────────────────────────────────────────────────────────
  const notes = program
    .command('notes')
    .description('find, show, edit and remove notes')
    .option('--period <period>', 'e.g. 2026, 2026-Q3, 2026-07, this-month, last-quarter, cycle')
    .option('--from <date>', 'from this day (inclusive)')
    .option('--to <date>', 'to this day (inclusive; --to 2026-06 means to the end of June)')
    .option('-t, --tag <tag>', 'only notes with this tag')
    .option('-a, --account <name>', 'only notes about this account')
    .addOption(new Option('--type <type>', 'only notes of this type').choices(NOTE_TYPES))
    .option('--starred', 'only starred notes')
    .option('-q, --search <words>', 'full-text search: words, prefix*, "exact phrase", OR, NOT')
    .option('-n, --limit <n>', 'how many notes at most', '20')
    .option('--json', 'print the notes as a JSON array')
    .addHelpText(
      'after',
      examples([
        'perf notes',
        'perf notes --period this-month --type win',
        'perf notes -q "renew*" -a Acme',
        'perf notes show 12',
        'perf notes edit 12 --star',
        'perf notes rm 12 --yes',
      ]),
    )
    .action(action(async (ctx, options) => (await import('./commands/notes.js')).runNotesList(ctx, options)));

  notes
    .command('show')
    .description('show one note in full')
    .argument('<id>', 'the note id')
    .option('--json', 'print the note as JSON')
    .addHelpText('after', examples(['perf notes show 12']))
    .action(action(async (ctx, id: string, options) => (await import('./commands/notes.js')).runNotesShow(ctx, id, options)));

  notes
    .command('edit')
    .description('change a note (no text and no options in a terminal: opens $EDITOR)')
    .argument('<id>', 'the note id')
    .argument('[text...]', 'the new text')
    .option('-d, --date <when>', 'move it to another day')
    .option('-t, --tag <tag>', 'add a tag (repeatable)', collect, [])
    .option('--untag <tag>', 'remove a tag (repeatable)', collect, [])
    .addOption(new Option('--type <type>', 'change its type').choices(NOTE_TYPES))
    .option('-a, --account <name>', 'change the account ("" removes it)')
    .option('-s, --star', 'star it')
    .option('--unstar', 'remove the star')
    .option('-e, --edit', 'edit the text in $EDITOR')
    .option('--json', 'print the changed note as JSON')
    .addHelpText('after', examples(['perf notes edit 12 "Called Acme: renewal agreed"', 'perf notes edit 12 --type win --star', 'perf notes edit 12 -d "last friday"']))
    .action(
      action(async (ctx, id: string, text: string[], options) => (await import('./commands/notes.js')).runNotesEdit(ctx, id, text, options)),
    );

  notes
    .command('rm')
    .description('delete a note (asks first in a terminal)')
    .argument('<id>', 'the note id')
    .option('-y, --yes', 'do not ask (required when not in a terminal)')
    .addHelpText('after', examples(['perf notes rm 12', 'perf notes rm 12 --yes']))
    .action(action(async (ctx, id: string, options) => (await import('./commands/notes.js')).runNotesRm(ctx, id, options)));

  // ── goals ────────────────────────────────────────────────────────────────────────────────────

  // ── competencies, rate ───────────────────────────────────────────────────────────────────────

  // ── feedback ─────────────────────────────────────────────────────────────────────────────────

  // ── dev ──────────────────────────────────────────────────────────────────────────────────────

  // ── summary, checkin, status ─────────────────────────────────────────────────────────────────
  program
    .command('summary')
    .summary('the accomplishments summary for your appraisal')
    .description(
      'The accomplishments summary for your appraisal: highlights, results per goal, work in progress, competencies, development, feedback and activity. Text for the terminal, Markdown to paste into the review form, or JSON.',
    )
    .option('--period <period>', 'e.g. 2026, 2026-Q3, 2026-07, this-year, last-cycle (default: the current review cycle)')
    .option('--from <date>', 'from this day (inclusive; alone: up to today)')
    .option('--to <date>', 'to this day (inclusive; --to 2026-06 means to the end of June)')
    .addOption(new Option('--format <format>', 'text for the terminal, md (Markdown) to paste, json').choices(SUMMARY_FORMATS))
    .option('--json', 'the same as --format json')
    .option('-o, --out <file>', 'write it to this file (its folder must exist)')
    .option('--force', 'overwrite the --out file if it exists')
    .addHelpText(
      'after',
      examples([
        'perf summary',
        'perf summary --format md -o review-2026.md',
        'perf summary --period last-cycle',
        'perf summary --from 2026-04-01 --to 2026-09 --json',
      ]),
    )
    .action(action(async (ctx, options) => (await import('./commands/summary.js')).runSummary(ctx, options)));

  program
    .command('checkin')
    .summary('the agenda for your next one-to-one with your manager')
    .description(
      'The agenda for your next one-to-one with your manager: progress per goal, goals at risk, challenges and losses, feedback received and development due, since the last one-to-one. After the meeting, --done records it.',
    )
    .option('--since <when>', 'cover the days since this date (default: since the last recorded one-to-one, else 14 days)')
    .option('--done', 'record that the one-to-one took place today')
    .option('--note <text>', 'with --done: what you agreed')
    .addOption(new Option('--format <format>', 'text for the terminal, md (Markdown) to send, json').choices(CHECKIN_FORMATS))
    .option('--json', 'the same as --format json')
    .addHelpText(
      'after',
      examples([
        'perf checkin',
        'perf checkin --since "last monday" --format md',
        'perf checkin --done --note "Agreed to focus on Acme and Globex"',
      ]),
    )
    .action(action(async (ctx, options) => (await import('./commands/checkin.js')).runCheckin(ctx, options)));

  program
    .command('status')
    .summary('the habit at a glance (what `perf` alone shows)')
    .description(
      'The habit at a glance: days since the last note, current and longest streak of working days, goals with no update in 30 days, overdue development and days until the next review. `perf` alone shows it.',
    )
    .option('--json', 'print the status as JSON')
    .addHelpText('after', examples(['perf', 'perf status --json']))
    .action(action(async (ctx, options) => (await import('./commands/status.js')).runStatus(ctx, options)));

  // ── export, import ───────────────────────────────────────────────────────────────────────────
  program
    .command('export')
    .summary('the journal as JSON (a full backup), CSV or Markdown')
    .description(
      'The journal as JSON (a complete, versioned backup that perf import restores exactly), CSV (the notes, for a spreadsheet) or Markdown (the notes by month, as jrnl writes them).',
    )
    .addOption(new Option('--format <format>', 'json, csv or md').choices(EXPORT_FORMATS).default('json'))
    .option('-o, --out <file>', 'write it to this file (its folder must exist)')
    .option('--force', 'overwrite the --out file if it exists')
    .addHelpText(
      'after',
      examples(['perf export -o journal-backup.json', 'perf export --format csv -o notes.csv', 'perf export --format md > journal.md']),
    )
    .action(action(async (ctx, options) => (await import('./commands/export.js')).runExport(ctx, options)));

  program
    .command('import')
    .summary('restore a perf export, or add a jrnl export')
    .description(
      'Import a perf export or a jrnl export (recognised from the file). Into an empty journal a perf export is restored exactly; into one with data, what is new is added and exact duplicates are skipped. All or nothing: a bad record is named and nothing is written.',
    )
    .argument('<file>', 'a file from perf export --format json, or from jrnl --export json')
    .addOption(new Option('--format <format>', 'perf or jrnl (default: recognised from the file)').choices(['perf', 'jrnl']))
    .option('--json', 'print what was added and skipped as JSON')
    .addHelpText('after', examples(['perf import journal-backup.json', 'jrnl --export json > jrnl.json && perf import jrnl.json']))
    .action(action(async (ctx, file: string, options) => (await import('./commands/import.js')).runImport(ctx, file, options)));

  // ── config ───────────────────────────────────────────────────────────────────────────────────
  const config = program
    .command('config')
    .description('settings: name, role, manager, cycle.start, scale.max')
    .option('--json', 'print the settings as JSON')
    .addHelpText('after', examples(['perf config', 'perf config set cycle.start 04-01', 'perf config set name "Jane Doe"', 'perf config get scale.max']))
    .action(action(async (ctx, options) => (await import('./commands/config.js')).runConfigList(ctx, options)));

  config
    .command('list')
    .description('show every setting and its value')
    .option('--json', 'print the settings as JSON')
    .action(action(async (ctx, options) => (await import('./commands/config.js')).runConfigList(ctx, options)));

  config
    .command('get')
    .description('print one setting')
    .argument('<key>', 'name, role, manager, cycle.start or scale.max')
    .option('--json', 'print it as JSON')
    .addHelpText('after', examples(['perf config get cycle.start']))
    .action(action(async (ctx, key: string, options) => (await import('./commands/config.js')).runConfigGet(ctx, key, options)));

  config
    .command('set')
    .description('change one setting')
    .argument('<key>', 'name, role, manager, cycle.start or scale.max')
    .argument('<value>', 'the new value')
    .addHelpText('after', examples(['perf config set cycle.start 04-01', 'perf config set scale.max 4', 'perf config set manager "Maria Lopez"']))
    .action(action(async (ctx, key: string, value: string) => (await import('./commands/config.js')).runConfigSet(ctx, key, value)));

  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}`;
}

function readVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
