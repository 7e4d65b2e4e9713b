import { Command, type OptionsOf, examples } from '../define.js';

export const defineDevList = () =>
  new Command('dev')
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
    );
export type DevListOptions = OptionsOf<typeof defineDevList>;

export const defineDevListSub = () =>
  new Command('list')
    .description('open activities, overdue first, then by due date')
    .option('--all', 'include done and dropped activities')
    .option('--json', 'print the activities as a JSON array')
    .addHelpText('after', examples(['perf dev list --all']));

export const defineDevAdd = () =>
  new Command('add')
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
    );
export type DevAddOptions = OptionsOf<typeof defineDevAdd>;

/** `start`, `done` and `drop`: a step in an activity's life, with a note that goes with it. */
export const defineDevStep = (name: 'start' | 'done' | 'drop', description: string, noteHelp: string, example: string) =>
  new Command(name)
    .description(description)
    .argument('<id>', 'the activity id (see perf dev)')
    .option('--note <text>', noteHelp)
    .option('-d, --date <when>', 'the day it happened (default today)')
    .option('--json', 'print the activity as JSON')
    .addHelpText('after', examples([example]));
export type DevStepOptions = OptionsOf<typeof defineDevStep>;

export const DEV_STEPS = [
  [
    'start',
    'mark an activity as started',
    'a note on starting, e.g. where and when',
    'perf dev start 3 -d "last monday" --note "Booked for the March cohort"',
  ],
  [
    'done',
    'mark an activity as done',
    'the outcome: what you learned or changed',
    'perf dev done 3 --note "Certified; using MEDDICC on every deal"',
  ],
  ['drop', 'drop an activity that will not happen', 'why it was dropped', 'perf dev drop 3 --note "Course cancelled"'],
] as const;

export const defineDevEdit = () =>
  new Command('edit')
    .description('correct an activity: what it is, and the days and notes of its steps')
    .argument('<id>', 'the activity id (see perf dev --all)')
    .option('--title <title>', 'what it is')
    .option('-c, --competency <ref>', 'the competency it develops ("" unlinks it)')
    .option('--due <date>', 'when it should be done ("" removes the due day)')
    .option('--assigned-by <name>', 'who asked for it ("" removes it)')
    .option('--started <when>', 'the day it was started (an activity under way or finished)')
    .option('--start-note <text>', 'the note on starting ("" removes it)')
    .option('--completed <when>', 'the day it was done or dropped')
    .option('--outcome <text>', 'what came of it, or why it was dropped ("" removes it)')
    .option('--json', 'print the changed activity as JSON')
    .addHelpText(
      'after',
      examples([
        'perf dev edit 3 --title "MEDDICC workshop" --due 2027-04-30',
        'perf dev edit 3 -c negotiation --assigned-by Maria',
        'perf dev edit 3 --completed 2026-11-20 --outcome "Certified"',
      ]),
    );
export type DevEditOptions = OptionsOf<typeof defineDevEdit>;
