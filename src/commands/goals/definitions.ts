import { Command, type OptionValues, type OptionsOf, collect, examples } from '../define.js';

export const defineGoalsList = () =>
  new Command('goals')
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
    );
export type GoalsListOptions = OptionsOf<typeof defineGoalsList>;

/** The fields a goal is made of, on `add` and `edit` alike (edit's help says how to clear one). */
function goalFields<Args extends unknown[], Opts extends OptionValues>(command: Command<Args, Opts>, editing: boolean) {
  return command
    .option('--target <n>', `the number to reach, e.g. 500000 or 2.5 (none: a done-or-not goal${editing ? '; "" removes it' : ''})`)
    .option('--unit <text>', `what is counted: USD, EUR, calls, deals, %, any word${editing ? ' ("" removes it)' : ''}`)
    .option('--baseline <n>', `where it starts from${editing ? '' : ' (default 0)'}; a target below it makes a falling goal`)
    .option(
      '--start <date>',
      `its first day${editing ? '' : ' (default today)'}; "april 1" is the most recent one, a full date may be ahead`,
    )
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
    .option('--org', 'an organisational objective that your goals align to')
    .option(
      '--counts <rule>',
      `count notes or deals instead of taking updates: type:meeting, tag:demo, account:Acme (repeat to combine), deals:won, deals:lost${editing ? '; "" stops counting' : ''}`,
      collect,
      [],
    )
    .option('--sums <rule>', `sum the values of won deals instead of taking updates: deals:won${editing ? ' ("" stops)' : ''}`)
    .option(
      '--every <period>',
      `roll over to the next quarter, month or year once it ends (perf goals roll)${editing ? '; "" stops rolling' : ''}`,
    );
}

export const defineGoalsAdd = () =>
  goalFields(
    new Command('add')
      .description('add a goal or, with --org, an organisational objective')
      .argument('<title...>', 'what you want to achieve (quote it; single quotes keep a $ as it is)'),
    false,
  )
    .option('--slug <slug>', 'its short name for commands (default: made from the title)')
    .option('--json', 'print the goal as JSON')
    .addHelpText(
      'after',
      examples([
        "perf goals add 'Grow EMEA revenue 20%' --org --slug grow-emea",
        "perf goals add 'Close $500,000 new ARR' --target 500000 --unit USD \\\n      --aligns-to grow-emea --due 2026-12-31",
        "perf goals add 'Cut churn to 2%' --baseline 5 --target 2 --unit % \\\n      --slug churn",
        "perf goals add 'Get MEDDPICC certified' --aligns-to 'Better forecasting'",
        "perf goals add 'FY27 quota' --target 1200000 --unit USD --start 'april 1'",
        "perf goals add 'Meetings booked Q4 2026' --target 40 \\\n      --counts type:meeting --every quarter",
        "perf goals add 'Quota Q4 2026' --target 250000 --unit USD --sums deals:won",
      ]),
    );
export type GoalsAddOptions = OptionsOf<typeof defineGoalsAdd>;

export const defineGoalsEdit = () =>
  goalFields(
    new Command('edit')
      .description("change a goal's title, target, dates, unit or alignment (the slug stays unless --slug)")
      .argument('<goal>', 'the goal id or slug')
      .option('--title <text>', 'a new title'),
    true,
  )
    .option('--no-org', 'no longer an organisational objective')
    .option('--slug <slug>', 'a new short name (kebab-case)')
    .option('--json', 'print the goal as JSON')
    .addHelpText(
      'after',
      examples([
        'perf goals edit churn --target 1.5',
        'perf goals edit 3 --due 2027-03-31 --aligns-to grow-emea',
        'perf goals edit 3 --aligns-to ""',
      ]),
    );
export type GoalsEditOptions = OptionsOf<typeof defineGoalsEdit>;

/** The sanity checks of goal-surprises.ts: asked in a terminal, a warning elsewhere. */
const SANITY_YES =
  'save without asking when the value is over 5x the target or the change over 10x the largest before it (elsewhere: no warning)';

export const defineGoalsUpdate = () =>
  new Command('update')
    .description('check in: 120 sets the current value, +15 or -5 changes it')
    .argument('<goal>', 'the goal id or slug')
    .argument('<value>', 'a number to set (120), or a change (+15, -5)')
    .option('--note <text>', 'what happened')
    .option('-d, --date <when>', 'the day of the check-in (default today)')
    .option('-y, --yes', SANITY_YES)
    .option('--json', 'print the goal as JSON')
    .addHelpText(
      'after',
      examples([
        'perf goals update q4-arr 125000',
        'perf goals update demos +3 --note "Three demos booked at the summit"',
        'perf goals update churn 3.8 -d "last friday"',
      ]),
    );
export type GoalsUpdateOptions = OptionsOf<typeof defineGoalsUpdate>;

export const defineGoalsShow = () =>
  new Command('show')
    .description('one goal: what it aligns to, a chart of its check-ins, and the notes that moved it')
    .argument('<goal>', 'the goal id or slug')
    .option('--json', 'print the goal, its check-ins and notes as JSON')
    .addHelpText('after', examples(['perf goals show q4-arr', 'perf goals show 3 --json']));
export type GoalsShowOptions = OptionsOf<typeof defineGoalsShow>;

/** `done` and `drop` end a goal on a day; `reopen` has no day. */
const defineGoalEnding = (name: 'done' | 'drop', description: string, dateHelp: string) =>
  new Command(name)
    .description(description)
    .argument('<goal>', 'the goal id or slug')
    .option('-d, --date <when>', dateHelp)
    .option('--json', 'print the goal as JSON')
    .addHelpText('after', examples([`perf goals ${name} q4-arr`]));

export const defineGoalsDone = () =>
  defineGoalEnding('done', 'mark a goal done (achieved, or finished short of its target)', 'the day it was done (default today)');
export const defineGoalsDrop = () =>
  defineGoalEnding('drop', 'drop a goal that no longer applies (it stays in the journal)', 'the day it was dropped (default today)');
export type GoalEndingOptions = OptionsOf<typeof defineGoalsDone>;

export const defineGoalsReopen = () =>
  new Command('reopen')
    .description('make a done or dropped goal active again')
    .argument('<goal>', 'the goal id or slug')
    .option('--json', 'print the goal as JSON')
    .addHelpText('after', examples(['perf goals reopen q4-arr']));
export type GoalsReopenOptions = OptionsOf<typeof defineGoalsReopen>;

export const defineGoalsRm = () =>
  new Command('rm')
    .description('remove a goal with its updates (asks first in a terminal); its notes stay, unlinked')
    .argument('<goal>', 'the goal id or slug')
    .option('-y, --yes', 'do not ask (required when not in a terminal)')
    .option('--json', 'print what was removed as JSON')
    .addHelpText(
      'after',
      `${examples(['perf goals rm q4-arr', 'perf goals rm 3 --yes'])}\n\nGoals aligned to it stay and no longer align to anything.\nTo end a goal but keep its history, use perf goals drop.`,
    );
export type GoalsRmOptions = OptionsOf<typeof defineGoalsRm>;

export const defineGoalsUpdates = () =>
  new Command('updates')
    .description("a goal's updates with their ids, to correct (edit) or remove (rm) one")
    .argument('<goal>', 'the goal id or slug')
    .option('--json', 'print the updates as a JSON array')
    .addHelpText(
      'after',
      examples([
        'perf goals updates q4-arr',
        'perf goals updates edit 7 --value 181000',
        'perf goals updates edit 7 -d 2026-11-02',
        'perf goals updates rm 7',
      ]),
    );
export type GoalsUpdatesOptions = OptionsOf<typeof defineGoalsUpdates>;

export const defineGoalsUpdatesEdit = () =>
  new Command('edit')
    .description('correct a goal update: its value, day or note (ids: perf goals updates <goal>)')
    .argument('<id>', 'the update id')
    .option('--value <value>', 'what it records instead: a number to set (120), or a change (+15, -5)')
    .option('-d, --date <when>', 'move it to another day')
    .option('--note <text>', 'a new note ("" removes it)')
    .option('-y, --yes', SANITY_YES)
    .option('--json', 'print the update as JSON')
    .addHelpText(
      'after',
      `${examples(['perf goals updates edit 7 --value 181000', 'perf goals updates edit 7 --value +15 --note "Two more demos"'])}\n\nAn update made by a note (perf log --progress) keeps the note's day and text:\nchange those with perf notes edit.`,
    );
export type GoalsUpdatesEditOptions = OptionsOf<typeof defineGoalsUpdatesEdit>;

export const defineGoalsUpdatesRm = () =>
  new Command('rm')
    .description("remove a goal update (asks first in a terminal); the goal's value is replayed without it")
    .argument('<id>', 'the update id')
    .option('-y, --yes', 'do not ask (required when not in a terminal)')
    .option('--json', 'print the removed update as JSON')
    .addHelpText('after', examples(['perf goals updates rm 7', 'perf goals updates rm 7 --yes']));
export type GoalsUpdatesRmOptions = OptionsOf<typeof defineGoalsUpdatesRm>;

export const defineGoalsRoll = () =>
  new Command('roll')
    .description("close ended goals as done with their outcome and start the next period's goal (same target, rule, alignment)")
    .argument('[goals...]', 'the goal ids or slugs (or --all-ended)')
    .option('--all-ended', 'every active goal whose due day has passed')
    .option(
      '--to <period>',
      "next-quarter, next-month, next-year or a period such as 2027-Q1 (default: the goal's --every, else the kind of period it spans)",
    )
    .option('--json', 'print the closed and the new goals as JSON')
    .addHelpText(
      'after',
      `${examples(['perf goals roll meetings-q3-2026 --to next-quarter', 'perf goals roll --all-ended', 'perf goals roll quota-2026 --to 2027'])}\n\nGoals added with --every quarter|month|year roll over by themselves, in the first\ncommand that writes after their period ends.`,
    );
export type GoalsRollOptions = OptionsOf<typeof defineGoalsRoll>;
