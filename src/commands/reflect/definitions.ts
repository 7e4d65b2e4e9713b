import { Command, type OptionsOf, examples } from '../define.js';

export const defineReflect = () =>
  new Command('reflect')
    .summary('your own words on a period: the self-assessment the summary opens with')
    .description(
      'Write your self-assessment for a period (default: the current review cycle). perf summary for the same period opens with it. A new one for the same period replaces the old (perf undo brings it back). With no text in a terminal, $EDITOR opens with the current text.',
    )
    .argument('[text...]', 'what you want to say about the period')
    .option('--period <period>', 'e.g. 2026, 2026-Q3, this-year, cycle, last-cycle (default: cycle)')
    .option('--from <date>', 'from this day (with --to)')
    .option('--to <date>', 'to this day (with --from; --to 2026-06 means to the end of June)')
    .option('--list', 'show every reflection, newest period first')
    .option('--json', 'print the stored reflection (or, with --list, all of them) as JSON')
    .addHelpText(
      'after',
      examples([
        'perf reflect "Rebuilt my pipeline after Q1 and closed the two largest deals of the team"',
        'perf reflect --period 2026-Q3',
        'perf reflect --list',
      ]),
    );
export type ReflectOptions = OptionsOf<typeof defineReflect>;
