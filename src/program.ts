import fs from 'node:fs';
import { Command, Option } from 'commander';
import type { Context } from './context.js';
import { NOTE_TYPES } from './domain/notes.js';

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
    // Each command parses only the options after its own name, so `perf notes show 12 --json`
    // reaches `show` rather than the list's own --json. Inherited by every command added below;
    // cli.ts moves the global options (--db, --no-color) to the front so they still work anywhere.
    .enablePositionalOptions()
    .configureHelp({
      sortSubcommands: false,
      showGlobalOptions: true,
      // Only the program's --db and --no-color reach every command; a parent's own options
      // (the list's --json, --period…) do not apply to its subcommands, so they are not listed.
      visibleGlobalOptions: (command) => {
        let root = command;
        while (root.parent) root = root.parent;
        return root === command ? [] : root.options.filter((option) => option.long === '--db' || option.long === '--no-color');
      },
    })
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
    .option('-g, --goal <goal>', 'the goal it is about (id or slug)')
    .option('-p, --progress <number>', "adds to the goal's current value, e.g. 25000 or -2 (needs --goal)")
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
        'perf log "Signed Acme, 25k ARR" --type win --goal q4-arr --progress 25000',
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
    .option('-g, --goal <goal>', 'only notes linked to this goal (id or slug)')
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
    .option('-g, --goal <goal>', 'link it to this goal, moving its progress along ("" unlinks it and drops its progress)')
    .option('-p, --progress <number>', 'what it added to its goal ("" removes the progress, keeps the link)')
    .addOption(new Option('--type <type>', 'change its type').choices(NOTE_TYPES))
    .option('-a, --account <name>', 'change the account ("" removes it)')
    .option('-s, --star', 'star it')
    .option('--unstar', 'remove the star')
    .option('-e, --edit', 'edit the text in $EDITOR')
    .option('--json', 'print the changed note as JSON')
    .addHelpText('after', examples([
        'perf notes edit 12 "Called Acme: renewal agreed"',
        'perf notes edit 12 --type win --star',
        'perf notes edit 12 -d "last friday"',
        'perf notes edit 12 --goal q4-arr --progress 30000',
      ]))
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
  const goals = program
    .command('goals')
    .description('goals aligned to the organisation: progress, pace against the calendar, projection')
    .option('--all', 'include done and dropped goals')
    .option('--json', 'print the goals as a JSON array')
    .addHelpText(
      'after',
      examples([
        'perf goals',
        'perf goals --all --json',
        "perf goals add 'Close $500,000 new ARR in 2026' --target 500000 --unit USD --aligns-to grow-emea-revenue",
        'perf goals update close-500-000-new-arr-in-2026 +25000 --note "Signed Acme"',
        'perf goals show close-500-000-new-arr-in-2026',
      ]),
    )
    .action(action(async (ctx, options) => (await import('./commands/goals.js')).runGoalsList(ctx, options)));

  const goalOptions = (command: Command, editing: boolean) => {
    command
      .option('--target <n>', `the number to reach, e.g. 500000 or 2.5 (none: a done-or-not goal${editing ? '; "" removes it' : ''})`)
      .option('--unit <text>', `what is counted: USD, EUR, calls, deals, %, any word${editing ? ' ("" removes it)' : ''}`)
      .option('--baseline <n>', `where it starts from${editing ? '' : ' (default 0)'}; a target below it makes a falling goal`)
      .option('--start <date>', editing ? 'its first day' : 'its first day (default today)')
      .option(
        '--due <date>',
        editing
          ? 'its due day ("" removes it)'
          : 'its due day (default with --target: the last day of the review cycle it starts in, see cycle.start)',
      )
      .option(
        '--aligns-to <goal|text>',
        `the objective it serves: a goal's id, slug or title, or free text such as "Grow EMEA revenue 20%"${editing ? ' ("" removes it)' : ''}`,
      )
      .option('--org', 'an organisational objective that your goals align to');
    if (editing) command.option('--no-org', 'no longer an organisational objective');
    return command
      .option('--slug <slug>', editing ? 'a new short name (kebab-case)' : 'its short name for commands (default: made from the title)')
      .option('--json', 'print the goal as JSON');
  };

  goalOptions(
    goals
      .command('add')
      .description('add a goal or, with --org, an organisational objective')
      .argument('<title...>', 'what you want to achieve (quote it; single quotes keep a $ as it is)'),
    false,
  )
    .addHelpText(
      'after',
      examples([
        "perf goals add 'Grow EMEA revenue 20%' --org",
        "perf goals add 'Close $500,000 new ARR in 2026' --target 500000 --unit USD --aligns-to grow-emea-revenue --due 2026-12-31",
        "perf goals add 'Cut churn to 2%' --baseline 5 --target 2 --unit % --slug churn",
        "perf goals add 'Get the MEDDPICC certification' --aligns-to 'Better forecasting'",
      ]),
    )
    .action(action(async (ctx, title: string[], options) => (await import('./commands/goals.js')).runGoalsAdd(ctx, title, options)));

  goalOptions(
    goals
      .command('edit')
      .description("change a goal's title, target, dates, unit or alignment (the slug stays unless --slug)")
      .argument('<goal>', 'the goal id or slug')
      .option('--title <text>', 'a new title'),
    true,
  )
    .addHelpText('after', examples(['perf goals edit churn --target 1.5', 'perf goals edit 3 --due 2027-03-31 --aligns-to grow-emea-revenue', 'perf goals edit 3 --aligns-to ""']))
    .action(action(async (ctx, ref: string, options) => (await import('./commands/goals.js')).runGoalsEdit(ctx, ref, options)));

  goals
    .command('update')
    .description('check in: 120 sets the current value, +15 or -5 changes it')
    .argument('<goal>', 'the goal id or slug')
    .argument('<value>', 'a number to set (120), or a change (+15, -5)')
    .option('-n, --note <text>', 'what happened')
    .option('-d, --date <when>', 'the day of the check-in (default today)')
    .option('--json', 'print the goal as JSON')
    .addHelpText(
      'after',
      examples(['perf goals update q4-arr 125000', 'perf goals update demos +3 --note "Three demos booked at the summit"', 'perf goals update churn 3.8 -d "last friday"']),
    )
    .action(
      action(async (ctx, ref: string, value: string, options) => (await import('./commands/goals.js')).runGoalsUpdate(ctx, ref, value, options)),
    );

  goals
    .command('show')
    .description('one goal: what it aligns to, a chart of its check-ins, and the notes that moved it')
    .argument('<goal>', 'the goal id or slug')
    .option('--json', 'print the goal, its check-ins and notes as JSON')
    .addHelpText('after', examples(['perf goals show q4-arr', 'perf goals show 3 --json']))
    .action(action(async (ctx, ref: string, options) => (await import('./commands/goals.js')).runGoalsShow(ctx, ref, options)));

  const statusCommands = [
    ['done', 'mark a goal done (achieved, or finished short of its target)', 'runGoalsDone', 'the day it was done (default today)'],
    ['drop', 'drop a goal that no longer applies (it stays in the journal)', 'runGoalsDrop', 'the day it was dropped (default today)'],
    ['reopen', 'make a done or dropped goal active again', 'runGoalsReopen', undefined],
  ] as const;
  for (const [name, description, handler, dateHelp] of statusCommands) {
    const command = goals.command(name).description(description).argument('<goal>', 'the goal id or slug');
    if (dateHelp) command.option('-d, --date <when>', dateHelp);
    command
      .option('--json', 'print the goal as JSON')
      .addHelpText('after', examples([`perf goals ${name} q4-arr`]))
      .action(action(async (ctx, ref: string, options) => (await import('./commands/goals.js'))[handler](ctx, ref, options)));
  }

  // ── competencies, rate ───────────────────────────────────────────────────────────────────────

  // ── feedback ─────────────────────────────────────────────────────────────────────────────────

  // ── dev ──────────────────────────────────────────────────────────────────────────────────────

  // ── summary, checkin, status ─────────────────────────────────────────────────────────────────

  // ── export, import ───────────────────────────────────────────────────────────────────────────

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
    .addHelpText('after', examples(['perf config list', 'perf config list --json']))
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
