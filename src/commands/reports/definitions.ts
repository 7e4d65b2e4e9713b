import { CHECKIN_FORMATS, SUMMARY_FORMATS } from '../../exporters/index.js';
import { Command, Option, type OptionsOf, examples } from '../define.js';

export const defineSummary = () =>
  new Command('summary')
    .summary('the accomplishments summary for your appraisal')
    .description(
      'The accomplishments summary for your appraisal: highlights, results per goal, work in progress, competencies, development, feedback and activity. Text for the terminal, Markdown to paste into the review form, JSON, or an HTML page with charts to hand over (self-contained, printable).',
    )
    .option('--period <period>', 'e.g. 2026, 2026-Q3, 2026-07, this-year, last-cycle (default: the current review cycle)')
    .option('--from <date>', 'from this day (inclusive; alone: up to today)')
    .option('--to <date>', 'to this day (inclusive; --to 2026-06 means to the end of June)')
    .addOption(
      new Option('--format <format>', 'text for the terminal, md (Markdown) to paste, json, or html: a page with charts').choices(
        SUMMARY_FORMATS,
      ),
    )
    .option('--json', 'the same as --format json')
    .option('--all', 'list every note (text, Markdown and HTML show the most telling few of each list; JSON always has all)')
    .option('-o, --out <file>', 'write it to this file (its folder must exist)')
    .option('--force', 'overwrite the --out file if it exists')
    .addHelpText(
      'after',
      examples([
        'perf summary',
        'perf summary --all',
        'perf summary --format md -o review-2026.md',
        'perf summary --format html -o review.html',
        'perf summary --period last-cycle',
        'perf summary --from 2026-04-01 --to 2026-09 --json',
      ]),
    );
export type SummaryOptions = OptionsOf<typeof defineSummary>;

export const defineCheckin = () =>
  new Command('checkin')
    .summary('the agenda for your next one-to-one with your manager')
    .description(
      'The agenda for your next one-to-one with your manager: what you agreed last time, progress per goal, goals at risk, challenges and losses, feedback received and development due, since the last one-to-one. After the meeting, --done records it; history, edit and rm correct the record.',
    )
    .option('--since <when>', 'cover the days since this date (default: since the last recorded one-to-one, else 14 days)')
    .option('--done', 'record that the one-to-one took place (one a day)')
    .option('-d, --date <when>', 'with --done: the day it took place, e.g. yesterday or 2026-11-20 (default today; not in the future)')
    .option('--note <text>', 'with --done: what you agreed')
    .option(
      '--next <when>',
      'plan the next one-to-one on this day, e.g. "next tuesday" or 2026-12-08 ("" forgets it); checkin and status show it',
    )
    .addOption(
      new Option('--format <format>', 'text for the terminal, md (Markdown) to send, json, or html: a page to print').choices(
        CHECKIN_FORMATS,
      ),
    )
    .option('--json', 'the same as --format json')
    .option('-o, --out <file>', 'write the agenda to this file (its folder must exist)')
    .option('--force', 'overwrite the --out file if it exists')
    .addHelpText(
      'after',
      examples([
        'perf checkin',
        'perf checkin --since "last monday" --format md',
        'perf checkin --format html -o one-to-one.html',
        'perf checkin --done --note "Agreed to focus on Acme and Globex"',
        'perf checkin --done --date yesterday',
        'perf checkin --next "next tuesday"',
        'perf checkin history',
        'perf checkin edit 3 --note "Agreed to focus on Acme"',
        'perf checkin rm 3',
      ]),
    );
export type CheckinOptions = OptionsOf<typeof defineCheckin>;

export const defineCheckinHistory = () =>
  new Command('history')
    .description('the one-to-ones recorded, newest first, with their ids')
    .option('--json', 'print them as a JSON array')
    .addHelpText('after', examples(['perf checkin history', 'perf checkin history --json']));
export type CheckinHistoryOptions = OptionsOf<typeof defineCheckinHistory>;

export const defineCheckinEdit = () =>
  new Command('edit')
    .description('change the day or the note of a recorded one-to-one')
    .argument('<id>', 'the one-to-one id (perf checkin history shows them)')
    .option('-d, --date <when>', 'move it to another day (not in the future; one a day)')
    .option('--note <text>', 'what you agreed ("" removes the note)')
    .option('--json', 'print the changed one-to-one as JSON')
    .addHelpText('after', examples(['perf checkin edit 3 --date 2026-11-20', 'perf checkin edit 3 --note "Agreed to focus on Acme"']));
export type CheckinEditOptions = OptionsOf<typeof defineCheckinEdit>;

export const defineCheckinRm = () =>
  new Command('rm')
    .description('delete a recorded one-to-one (asks first in a terminal)')
    .argument('<id>', 'the one-to-one id (perf checkin history shows them)')
    .option('-y, --yes', 'do not ask (required when not in a terminal)')
    .option('--json', 'print the deleted one-to-one as JSON')
    .addHelpText('after', examples(['perf checkin rm 3', 'perf checkin rm 3 --yes']));
export type CheckinRmOptions = OptionsOf<typeof defineCheckinRm>;

export const defineStatus = () =>
  new Command('status')
    .summary('the habit at a glance (what `perf` alone shows)')
    .description(
      'The habit at a glance: days since the last note, current and longest streak of working days, goals with no update in 30 days, overdue development and days until the next review. `perf` alone shows it.',
    )
    .option('--json', 'print the status as JSON')
    .addHelpText('after', examples(['perf status', 'perf', 'perf status --json']));
export type StatusOptions = OptionsOf<typeof defineStatus>;
