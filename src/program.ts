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
    .description('A performance journal for sales people: log the work, track goals and competencies, and have the appraisal summary ready when review time comes.')
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
      writeOut: (text) => ctx.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
      // Commander's messages ("error: unknown command 'lgo'\n(Did you mean log?)") become one line.
      outputError: (text, write) => write(`perf: ${text.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim()}\n`),
    });

  // Only --db and --no-color work after a command's name (positional options): help lists just those
  // as global, not a parent command's options. Set before any command is made, which inherits it.
  program.configureHelp({
    ...program.configureHelp(),
    visibleGlobalOptions: (command) =>
      command.parent ? rootOf(command).options.filter((option) => !option.hidden && option.long !== '--version') : [],
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
    .option('-c, --competency <ref>', 'a competency this note is evidence for: id, slug or start of its name (repeatable)', collect, [])
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
        'perf log "Held the price with Acme procurement" --type call -c negotiation -c closing',
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
    .option('-a, --account <name>', 'only notes whose account contains this (any case)')
    .addOption(new Option('--type <type>', 'only notes of this type').choices(NOTE_TYPES))
    .option('--starred', 'only starred notes')
    .option('-q, --search <words>', 'full-text search: words match their beginnings (renew finds renewal), "exact phrase", OR, NOT')
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
    .option('-c, --competency <ref>', 'link it to a competency as evidence (repeatable)', collect, [])
    .option('--remove-competency <ref>', 'unlink a competency (repeatable)', collect, [])
    .addOption(new Option('--type <type>', 'change its type').choices(NOTE_TYPES))
    .option('-a, --account <name>', 'change the account ("" removes it)')
    .option('-s, --star', 'star it')
    .option('--unstar', 'remove the star')
    .option('-e, --edit', 'edit the text in $EDITOR')
    .option('--json', 'print the changed note as JSON')
    .addHelpText(
      'after',
      examples([
        'perf notes edit 12 "Called Acme: renewal agreed"',
        'perf notes edit 12 --type win --star',
        'perf notes edit 12 -d "last friday"',
        'perf notes edit 12 --goal q4-arr --progress 30000',
        'perf notes edit 12 -c negotiation',
      ]),
    )
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
        "perf goals add 'Close $500,000 new ARR' --target 500000 --unit USD",
        'perf goals update close-500-000-new-arr +25000 --note "Signed Acme"',
        'perf goals show close-500-000-new-arr',
      ]),
    )
    .action(action(async (ctx, options) => (await import('./commands/goals.js')).runGoalsList(ctx, options)));

  const goalOptions = (command: Command, editing: boolean) => {
    command
      .option('--target <n>', `the number to reach, e.g. 500000 or 2.5 (none: a done-or-not goal${editing ? '; "" removes it' : ''})`)
      .option('--unit <text>', `what is counted: USD, EUR, calls, deals, %, any word${editing ? ' ("" removes it)' : ''}`)
      .option('--baseline <n>', `where it starts from${editing ? '' : ' (default 0)'}; a target below it makes a falling goal`)
      .option('--start <date>', `its first day${editing ? '' : ' (default today)'}; "april 1" is the most recent one, a full date may be ahead`)
      .option(
        '--due <date>',
        editing
          ? 'its due day ("" removes it)'
          : 'its due day (default with --target: the last day of the review cycle it starts in, see cycle.start)',
      )
      .option(
        '--aligns-to <goal|text>',
        `the objective it serves: one word names a goal (id, slug or title) and must match one; words with spaces are a goal's title or free text such as "Grow EMEA revenue 20%"${editing ? ' ("" removes it)' : ''}`,
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
        "perf goals add 'Grow EMEA revenue 20%' --org --slug grow-emea",
        "perf goals add 'Close $500,000 new ARR' --target 500000 --unit USD \\\n      --aligns-to grow-emea --due 2026-12-31",
        "perf goals add 'Cut churn to 2%' --baseline 5 --target 2 --unit % \\\n      --slug churn",
        "perf goals add 'Get MEDDPICC certified' --aligns-to 'Better forecasting'",
        "perf goals add 'FY27 quota' --target 1200000 --unit USD --start 'april 1'",
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
    .addHelpText('after', examples(['perf goals edit churn --target 1.5', 'perf goals edit 3 --due 2027-03-31 --aligns-to grow-emea', 'perf goals edit 3 --aligns-to ""']))
    .action(action(async (ctx, ref: string, options) => (await import('./commands/goals.js')).runGoalsEdit(ctx, ref, options)));

  goals
    .command('update')
    .description('check in: 120 sets the current value, +15 or -5 changes it')
    .argument('<goal>', 'the goal id or slug')
    .argument('<value>', 'a number to set (120), or a change (+15, -5)')
    .option('--note <text>', 'what happened')
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
  program
    .command('rate')
    .description('rate a competency (no arguments in a terminal: walk through every one)')
    .argument('[competency]', 'id, slug or the start of its name')
    .argument('[rating]', 'a whole number from 1 to the top of the scale (config scale.max, default 5)')
    .option('--source <source>', 'who rated it: self, manager, peer, customer or other (default self)')
    .option('--by <name>', 'who gave the rating (with --source manager it defaults to config manager)')
    .option('--note <text>', 'why, in a few words')
    .option('-d, --date <when>', 'the day of the rating (default today)')
    .option('--json', 'print the rating as JSON (answered at prompts: a JSON array of those recorded)')
    .addHelpText(
      'after',
      examples([
        'perf rate negotiation 3 --note "lost two deals on price"',
        'perf rate obj 4           # a unique start of the name is enough',
        'perf rate closing 4 --source manager --by Maria --date 2026-03-02',
        'perf rate                 # in a terminal: every competency in turn',
        'perf rate --source manager --date 2026-03-02 --note "2025 appraisal"',
      ]),
    )
    .action(
      action(async (ctx, ref: string | undefined, rating: string | undefined, options) =>
        (await import('./commands/rate.js')).runRate(ctx, ref, rating, options),
      ),
    );

  const competencies = program
    .command('competencies')
    .description('competencies: latest self and others\' ratings, target, gap, trend, development')
    .option('--json', 'print the competencies as a JSON array')
    .addHelpText(
      'after',
      examples([
        'perf competencies',
        'perf competencies show negotiation',
        'perf competencies add "Social selling" --target 4',
        'perf competencies edit social --name "Social media selling"',
        'perf competencies rm social-selling --force',
      ]),
    )
    .action(action(async (ctx, options) => (await import('./commands/competencies.js')).runCompetenciesList(ctx, options)));

  competencies
    .command('list')
    .description('every competency with its ratings, target, gap and trend')
    .option('--json', 'print the competencies as a JSON array')
    .addHelpText('after', examples(['perf competencies list --json']))
    .action(action(async (ctx, options) => (await import('./commands/competencies.js')).runCompetenciesList(ctx, options)));

  competencies
    .command('show')
    .description('one competency: ratings by source, linked notes, feedback and development')
    .argument('<competency>', 'id, slug or the start of its name')
    .option('--json', 'print it as JSON')
    .addHelpText('after', examples(['perf competencies show negotiation', 'perf competencies show pipe --json']))
    .action(action(async (ctx, ref: string, options) => (await import('./commands/competencies.js')).runCompetenciesShow(ctx, ref, options)));

  competencies
    .command('add')
    .description('add a competency to your framework')
    .argument('<name...>', 'its name, e.g. "Social selling"')
    .option('--description <text>', 'what being good at it looks like, in one line')
    .option('--target <n>', 'the rating you aim for (default: the top of the scale)')
    .option('--slug <slug>', 'its short name for commands (default: made from the name)')
    .option('--json', 'print the new competency as JSON')
    .addHelpText('after', examples(['perf competencies add "Social selling" --description "Sells on LinkedIn"', 'perf competencies add Forecasting --target 4 --slug fc']))
    .action(action(async (ctx, name: string[], options) => (await import('./commands/competencies.js')).runCompetenciesAdd(ctx, name, options)));

  competencies
    .command('edit')
    .description('rename a competency, or change its slug, description or target (renaming keeps the slug)')
    .argument('<competency>', 'id, slug or the start of its name')
    .option('--name <name>', 'a new name (the slug stays, so commands that use it keep working)')
    .option('--slug <slug>', 'a new short name (kebab-case)')
    .option('--description <text>', 'a new description ("" removes it)')
    .option('--target <n>', 'the rating you aim for ("" removes it: the top of the scale again)')
    .addOption(ownFlag(new Option('--no-target', 'the same as --target ""')))
    .option('--json', 'print the changed competency as JSON')
    .addHelpText('after', examples(['perf competencies edit negotiation --target 4', 'perf competencies edit 12 --name "Teamwork" --slug teamwork', 'perf competencies edit closing --no-target']))
    .action(action(async (ctx, ref: string, options) => (await import('./commands/competencies.js')).runCompetenciesEdit(ctx, ref, options)));

  competencies
    .command('rm')
    .description('remove a competency (one with ratings, feedback, notes or development needs --force)')
    .argument('<competency>', 'id, slug or the start of its name')
    .option('-f, --force', 'remove it with its ratings; linked notes, feedback and development stay, unlinked')
    .option('--json', 'print the removed competency as JSON, with what went and what was unlinked')
    .addHelpText('after', examples(['perf competencies rm social-selling', 'perf competencies rm social-selling --force']))
    .action(action(async (ctx, ref: string, options) => (await import('./commands/competencies.js')).runCompetenciesRm(ctx, ref, options)));

  // ── feedback ─────────────────────────────────────────────────────────────────────────────────
  // The values parseRelationship accepts (a test keeps them in step); a plural such as peers works too.
  const RELATIONSHIP_WORDS = 'manager, peer, other-manager, admin, customer or direct-report';
  const feedbackListOptions = (command: Command) =>
    command
      .option('--period <period>', 'e.g. 2026, 2026-Q3, this-quarter, cycle, last-cycle')
      .option('--from <date>', 'from this day (inclusive; to filter by person use --by)')
      .option('--to <date>', 'to this day (inclusive; --to 2026-06 means to the end of June)')
      .option('--by <name>', 'only from this person: any part of the name, any case')
      .option('--relationship <relationship>', `only from one relationship: ${RELATIONSHIP_WORDS}`)
      .option('-c, --competency <ref>', 'only feedback about this competency')
      .option('--json', 'print the feedback as a JSON array');

  const feedback = feedbackListOptions(
    program
      .command('feedback')
      .description('feedback from others (360): managers, peers, admin staff, customers, direct reports'),
  )
    .addHelpText(
      'after',
      examples([
        'perf feedback add "Best renewal call yet" --from Bob --relationship customer',
        'perf feedback',
        'perf feedback --period cycle --relationship peer',
        'perf feedback --by bob',
        'perf feedback show 4',
      ]),
    )
    .action(action(async (ctx, options) => (await import('./commands/feedback.js')).runFeedbackList(ctx, options)));

  feedbackListOptions(feedback.command('list').description('feedback received, newest first, with counts by relationship'))
    .addHelpText('after', examples(['perf feedback list --period this-year --json']))
    .action(action(async (ctx, options) => (await import('./commands/feedback.js')).runFeedbackList(ctx, options)));

  feedback
    .command('add')
    .description('record feedback someone gave you')
    .argument('<text...>', 'what they said')
    .option('--from <name>', 'who said it (required)')
    .option('--relationship <relationship>', `${RELATIONSHIP_WORDS} (required)`)
    .option('-c, --competency <ref>', 'the competency it is about')
    .option('-d, --date <when>', 'when they said it (default today)')
    .option('--json', 'print the recorded feedback as JSON')
    .addHelpText(
      'after',
      examples([
        'perf feedback add "Great discovery call" --from Maria --relationship manager',
        'perf feedback add "Sharp proposal" --from Ana --relationship peer -c pres',
        'perf feedback add "Thanks!" --from Sam --relationship admin -d yesterday',
      ]),
    )
    .action(action(async (ctx, text: string[], options) => (await import('./commands/feedback.js')).runFeedbackAdd(ctx, text, options)));

  feedback
    .command('show')
    .description('one piece of feedback in full')
    .argument('<id>', 'the feedback id')
    .option('--json', 'print it as JSON')
    .addHelpText('after', examples(['perf feedback show 4']))
    .action(action(async (ctx, id: string, options) => (await import('./commands/feedback.js')).runFeedbackShow(ctx, id, options)));

  // ── dev ──────────────────────────────────────────────────────────────────────────────────────
  const dev = program
    .command('dev')
    .description('development plan: courses, shadowing, books, coaching, and their follow-up')
    .option('--all', 'include done and dropped activities')
    .option('--json', 'print the activities as a JSON array')
    .addHelpText(
      'after',
      examples([
        'perf dev add "Negotiation workshop" -c negotiation --due 2027-03-31',
        'perf dev',
        'perf dev start 3',
        'perf dev done 3 --note "Now trading terms for price; used it on Acme"',
        'perf dev --all --json',
      ]),
    )
    .action(action(async (ctx, options) => (await import('./commands/dev.js')).runDevList(ctx, options)));

  dev
    .command('list')
    .description('open activities, overdue first, then by due date')
    .option('--all', 'include done and dropped activities')
    .option('--json', 'print the activities as a JSON array')
    .addHelpText('after', examples(['perf dev list --all']))
    .action(action(async (ctx, options) => (await import('./commands/dev.js')).runDevList(ctx, options)));

  dev
    .command('add')
    .description('plan a development activity')
    .argument('<title...>', 'what it is: a course, a book, shadowing, coaching')
    .option('-c, --competency <ref>', 'the competency it develops')
    .option('--due <date>', 'when it should be done: 2027-03-31, "march 31", "next friday"')
    .option('--assigned-by <name>', 'who asked for it, e.g. Maria or "2026 appraisal"')
    .option('--json', 'print the new activity as JSON')
    .addHelpText(
      'after',
      examples([
        'perf dev add "Read SPIN Selling" -c discovery --due "march 31"',
        'perf dev add "Shadow Ana on two demos" -c presentation --assigned-by Maria',
      ]),
    )
    .action(action(async (ctx, title: string[], options) => (await import('./commands/dev.js')).runDevAdd(ctx, title, options)));

  for (const [name, description, noteHelp, example] of [
    ['start', 'mark an activity as started', 'a note on starting, e.g. where and when', 'perf dev start 3 -d "last monday" --note "Booked for the March cohort"'],
    ['done', 'mark an activity as done', 'the outcome: what you learned or changed', 'perf dev done 3 --note "Certified; using MEDDICC on every deal"'],
    ['drop', 'drop an activity that will not happen', 'why it was dropped', 'perf dev drop 3 --note "Course cancelled"'],
  ] as const) {
    dev
      .command(name)
      .description(description)
      .argument('<id>', 'the activity id (see perf dev)')
      .option('--note <text>', noteHelp)
      .option('-d, --date <when>', 'the day it happened (default today)')
      .option('--json', 'print the activity as JSON')
      .addHelpText('after', examples([example]))
      .action(action(async (ctx, id: string, options) => (await import('./commands/dev.js')).runDevAdvance(ctx, name, id, options)));
  }

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
    .addHelpText('after', examples(['perf status', 'perf', 'perf status --json']))
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

  // ── backup, restore, doctor ─────────────────────────────────────────────────────────────────
  program
    .command('backup')
    .summary('a copy of the journal file, made safely while it is in use')
    .description(
      'A consistent copy of the journal file (SQLite\'s online backup), readable by you alone. Without FILE it goes to the backups folder beside the journal, named with the date and time. Automatic daily backups go there too (see backup.auto in perf config).',
    )
    .argument('[file]', 'where to write it: a new file, or a folder to put a dated file in (default: the backups folder)')
    .option('--force', 'replace FILE if it exists')
    .option('--json', 'print {path, bytes, at} as JSON')
    .addHelpText('after', examples(['perf backup', 'perf backup ~/Dropbox/perf/', 'perf backup journal-copy.db --force']))
    .action(action(async (ctx, file: string | undefined, options) => (await import('./commands/backup.js')).runBackup(ctx, file, options)));

  program
    .command('restore')
    .summary('replace the journal with a backup (the current one is kept)')
    .description(
      'Replace the journal with a backup file, after checking it (integrity, that it is a perf journal, a schema this program knows). The current journal is first kept in the backups folder. Asks first in a terminal.',
    )
    .argument('<file>', 'a backup made by perf backup or an automatic one')
    .option('-y, --yes', 'do not ask (required when not in a terminal)')
    .option('--json', 'print what was restored as JSON')
    .addHelpText('after', examples(['perf restore ~/.local/share/perf-journal/backups/journal-auto-2026-11-30.db', 'perf restore journal-copy.db --yes']))
    .action(action(async (ctx, file: string, options) => (await import('./commands/backup.js')).runRestore(ctx, file, options)));

  program
    .command('doctor')
    .summary('check the journal file: integrity, permissions, schema, backups')
    .description(
      'Check the journal: SQLite\'s integrity check, the file, its permissions, size and schema version, what it holds, and the newest backup. Says what to do if something is wrong (exit 1 when the journal is damaged or unusable).',
    )
    .option('--json', 'print the check as JSON')
    .addHelpText('after', examples(['perf doctor', 'perf doctor --json']))
    .action(action(async (ctx, options) => (await import('./commands/backup.js')).runDoctor(ctx, options)));

  // ── config ───────────────────────────────────────────────────────────────────────────────────
  const config = program
    .command('config')
    .description('settings: name, role, manager, cycle.start, scale.max, automatic backups')
    .option('--json', 'print the settings as JSON')
    .addHelpText('after', examples(['perf config', 'perf config set cycle.start 04-01', 'perf config set name "Jane Doe"', 'perf config unset role']))
    .action(action(async (ctx, options) => (await import('./commands/config.js')).runConfigList(ctx, options)));

  config
    .command('list')
    .description('show every setting and its value')
    .option('--json', 'print the settings as JSON')
    .addHelpText('after', examples(['perf config list', 'perf config list --json']))
    .action(action(async (ctx, options) => (await import('./commands/config.js')).runConfigList(ctx, options)));

  config
    .command('get')
    .description('print one setting\'s value, for scripts: nothing (exit 0) when it is not set')
    .argument('<key>', 'name, role, manager, cycle.start, scale.max, backup.auto, backup.keep-daily or backup.keep-weekly')
    .option('--json', 'print it as JSON (null when it is not set; scale.max a number)')
    .addHelpText('after', examples(['perf config get cycle.start', 'perf config get manager --json']))
    .action(action(async (ctx, key: string, options) => (await import('./commands/config.js')).runConfigGet(ctx, key, options)));

  config
    .command('set')
    .description('change one setting (to remove one, use perf config unset)')
    .argument('<key>', 'name, role, manager, cycle.start, scale.max, backup.auto, backup.keep-daily or backup.keep-weekly')
    .argument('<value>', 'the new value')
    .option('--json', 'print the setting as JSON: {"key": value}')
    .addHelpText('after', examples(['perf config set cycle.start 04-01', 'perf config set scale.max 4', 'perf config set manager "Maria Lopez"']))
    .action(
      action(async (ctx, key: string, value: string, options) => (await import('./commands/config.js')).runConfigSet(ctx, key, value, options)),
    );

  config
    .command('unset')
    .description('remove a setting: name, role and manager become not set, the others their default')
    .argument('<key>', 'name, role, manager, cycle.start, scale.max, backup.auto, backup.keep-daily or backup.keep-weekly')
    .option('--json', 'print the setting as JSON: {"key": value}')
    .addHelpText('after', examples(['perf config unset role', 'perf config unset cycle.start']))
    .action(action(async (ctx, key: string, options) => (await import('./commands/config.js')).runConfigUnset(ctx, key, options)));

  for (const parent of program.commands) {
    if (parent.commands.length > 0) refuseUnknownSubcommands(parent);
  }
  return program;
}

/**
 * A command that lists and also has subcommands (`perf notes`, `perf goals`) would otherwise
 * answer a typo such as `perf notes shwo 1` with "too many arguments"; name the subcommands instead.
 */
function refuseUnknownSubcommands(parent: Command): void {
  parent.allowExcessArguments(true).hook('preAction', async (command, actionCommand) => {
    const [word] = command.args;
    if (actionCommand !== command || word === undefined) return;
    const [{ closestMatches }, { UsageError }] = await Promise.all([
      import('./domain/goal-refs.js'),
      import('./errors.js'),
    ]);
    const names = command.commands.map((c) => c.name());
    const [guess] = closestMatches(word, names, 1);
    throw new UsageError(
      // Worded as commander words its own "unknown command 'lgo' (Did you mean log?)".
      `unknown command '${command.name()} ${word}' (${guess ? `Did you mean ${command.name()} ${guess}? ` : ''}use ${names.join(', ')})`,
    );
  });
}

/**
 * A `--no-x` flag of its own (`noX: true`) rather than commander's negation of `--x`, which would
 * let `--x 4 --no-x` silently keep the last one; the handler refuses the pair instead.
 */
function ownFlag(option: Option): Option {
  option.negate = false;
  return option;
}

function rootOf(command: Command): Command {
  return command.parent ? rootOf(command.parent) : command;
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
