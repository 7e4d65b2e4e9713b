import fs from 'node:fs';
import { Command, type CommandUnknownOpts } from './commands/define.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';

type Group = (ctx: Context) => CommandUnknownOpts;

/**
 * Every top-level command, in the order `perf --help` lists them, and the module that defines it.
 * Only the invoked command's module is loaded and built; help and unknown words load them all.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Group>>> = {
  log: async () => (await import('./commands/notes/index.js')).logCommand,
  notes: async () => (await import('./commands/notes/index.js')).notesCommand,
  tags: async () => (await import('./commands/labels/index.js')).tagsCommand,
  accounts: async () => (await import('./commands/accounts/index.js')).accountsCommand,
  goals: async () => (await import('./commands/goals/index.js')).goalsCommand,
  rate: async () => (await import('./commands/competencies/index.js')).rateCommand,
  ratings: async () => (await import('./commands/competencies/index.js')).ratingsCommand,
  competencies: async () => (await import('./commands/competencies/index.js')).competenciesCommand,
  feedback: async () => (await import('./commands/feedback/index.js')).feedbackCommand,
  deals: async () => (await import('./commands/deals/index.js')).dealsCommand,
  dev: async () => (await import('./commands/dev/index.js')).devCommand,
  summary: async () => (await import('./commands/reports/index.js')).summaryCommand,
  checkin: async () => (await import('./commands/reports/index.js')).checkinCommand,
  status: async () => (await import('./commands/reports/index.js')).statusCommand,
  reflect: async () => (await import('./commands/reflect/index.js')).reflectCommand,
  export: async () => (await import('./commands/transfer/index.js')).exportCommand,
  import: async () => (await import('./commands/transfer/index.js')).importCommand,
  backup: async () => (await import('./commands/backup/index.js')).backupCommand,
  restore: async () => (await import('./commands/backup/index.js')).restoreCommand,
  doctor: async () => (await import('./commands/backup/index.js')).doctorCommand,
  where: async () => (await import('./commands/backup/index.js')).whereCommand,
  config: async () => (await import('./commands/config/index.js')).configCommand,
  undo: async () => (await import('./commands/history/index.js')).undoCommand,
  history: async () => (await import('./commands/history/index.js')).historyCommand,
  remind: async () => (await import('./commands/remind/index.js')).remindCommand,
  completion: async () => (await import('./commands/completion/index.js')).completionCommand,
};

/** The top-level command names, for shell completion (which loads no command to list them). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** The program with the commands `argv` needs: the one it names, or all of them. */
export async function buildProgram(ctx: Context, argv: readonly string[] = []): Promise<CommandUnknownOpts> {
  const program = createRoot(ctx);
  refuseRepeatedValues(program);
  const word = commandWord(argv);
  // `perf --version` needs no command at all; a known word needs only its own.
  const versionOnly = word === undefined && argv.some((arg) => arg === '-V' || arg === '--version');
  const names = versionOnly ? [] : word !== undefined && Object.hasOwn(COMMANDS, word) ? [word] : Object.keys(COMMANDS);
  for (const name of names) {
    const load = COMMANDS[name];
    if (load) program.addCommand(adopt(program, (await load())(ctx)));
  }
  return program;
}

/** What was typed after the command's words, less the global options and the ones that only say how to run. */
function typedAfter(argv: readonly string[], words: readonly string[]): string[] {
  const rest: string[] = [];
  let matched = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--db') i++;
    else if (arg.startsWith('--db=') || arg === '--no-color') continue;
    else if (matched < words.length && arg === words[matched]) matched++;
    else if (matched === words.length && !['-y', '--yes', '--json', '--dry-run'].includes(arg)) rest.push(arg);
  }
  return rest;
}

/** The first word that is not an option (or the value of `--db`, the one global option with one). */
function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--db') i++;
    else if (arg === '--') return argv[i + 1];
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

function createRoot(ctx: Context): CommandUnknownOpts {
  const program = new Command('perf')
    .description(
      'A performance journal for sales people: log the work, track goals and competencies, and have the appraisal summary ready when review time comes.',
    )
    .version(readVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--db <path>', 'the journal file (default: $PERF_DB or the platform data folder)')
    .option('--no-color', 'no colours (also when NO_COLOR is set or output is not a terminal)')
    .showSuggestionAfterError(true)
    // Each command parses only the options after its own name, so `perf notes show 12 --json`
    // reaches `show` rather than the list's own --json. Copied to every command by adopt();
    // cli.ts moves the global options (--db, --no-color) to the front so they still work anywhere.
    .enablePositionalOptions()
    .configureHelp({
      sortSubcommands: false,
      showGlobalOptions: true,
      // Only --db and --no-color work after a command's name (positional options): help lists just
      // those as global, not a parent command's own options (the list's --json, --period…).
      visibleGlobalOptions: (command) =>
        command.parent ? rootOf(command).options.filter((option) => !option.hidden && option.long !== '--version') : [],
    })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
      getOutHelpWidth: () => ctx.width,
      // Commander's messages ("error: unknown command 'lgo'\n(Did you mean log?)") become one line.
      outputError: (text, write) =>
        write(
          `perf: ${text
            .replace(/^error: /, '')
            .replace(/\s*\n\s*/g, ' ')
            .trim()}\n`,
        ),
    });
  // The global options reach the context before any handler runs.
  program.hook('preAction', (root, actionCommand) => {
    ctx.setGlobals(actionCommand.optsWithGlobals());
    // The words that name the command (`checkin`) and what followed them as typed (`--done --note
    // "Agreed on Acme"`), for the undo log: perf history and perf undo say what a change was.
    const words: string[] = [];
    for (let c: CommandUnknownOpts | null = actionCommand; c?.parent; c = c.parent) words.unshift(c.name());
    // commander keeps the words it parsed as rawArgs, which its types do not declare.
    ctx.setCommand(words.join(' '), typedAfter((root as unknown as { rawArgs: string[] }).rawArgs, words));
  });
  return program as unknown as CommandUnknownOpts;
}

/**
 * `addCommand` does not copy the settings `command()` would have inherited (positional options,
 * help and output configuration, exit override), so they are copied down the whole subtree here.
 * A command that lists and also has subcommands refuses an unknown word by name.
 */
function adopt(parent: CommandUnknownOpts, command: CommandUnknownOpts): CommandUnknownOpts {
  command.copyInheritedSettings(parent);
  for (const sub of command.commands) adopt(command, sub);
  if (command.commands.length > 0) refuseUnknownSubcommands(command);
  refuseRepeatedValues(command);
  return command;
}

/**
 * commander keeps the last value of an option given twice (`-d yesterday --date today`), which
 * would silently drop the other: an option that takes one value is refused when given twice.
 * Repeatable options (`-t`, `-c`: collected into a list) are left alone.
 */
function refuseRepeatedValues(command: CommandUnknownOpts): void {
  for (const option of command.options) {
    const takesValue = option.required || option.optional;
    if (!takesValue || option.variadic || Array.isArray(option.defaultValue)) continue;
    const seen: unknown[] = [];
    command.on(`option:${option.name()}`, (value: unknown) => {
      seen.push(value);
      if (seen.length === 2) {
        throw new UsageError(
          `${option.long ?? option.short} given twice (${seen.map((v) => JSON.stringify(String(v))).join(', ')}): give it once`,
        );
      }
    });
  }
}

/**
 * A command that lists and also has subcommands (`perf notes`, `perf goals`) would otherwise
 * answer a typo such as `perf notes shwo 1` with "too many arguments"; name the subcommands instead.
 */
function refuseUnknownSubcommands(parent: CommandUnknownOpts): void {
  // A list that takes arguments of its own (`perf ratings negotiation`, `perf goals updates <goal>`)
  // is refused only for more words than it takes: `perf ratings edt 7`.
  const takes = parent.registeredArguments.length;
  parent.allowExcessArguments(true).hook('preAction', async (command, actionCommand) => {
    const [word] = command.args;
    if (actionCommand !== command || word === undefined || command.args.length <= takes) return;
    const [{ closestMatches }, { UsageError }] = await Promise.all([import('./domain/goal-refs.js'), import('./errors.js')]);
    const names = command.commands.map((c) => c.name());
    const [guess] = closestMatches(word, names, 1);
    throw new UsageError(
      // Worded as commander words its own "unknown command 'lgo' (Did you mean log?)".
      `unknown command '${command.name()} ${word}' (${guess ? `Did you mean ${command.name()} ${guess}? ` : ''}use ${names.join(', ')})`,
    );
  });
}

function rootOf(command: CommandUnknownOpts): CommandUnknownOpts {
  return command.parent ? rootOf(command.parent) : command;
}

/** The bundle has the version built in (scripts/bundle.mjs): one file less to read at every start. */
declare const PERF_BUILT_VERSION: string | undefined;

function readVersion(): string {
  if (typeof PERF_BUILT_VERSION === 'string') return PERF_BUILT_VERSION;
  const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
