import { Command, type OptionValues, type OptionsOf, examples } from '../define.js';

// The values parseRelationship accepts (a test keeps them in step); a plural such as peers works too.
const RELATIONSHIP_WORDS = 'manager, peer, other-manager, admin, customer or direct-report';

/** The filters of `perf feedback` and `perf feedback list`. */
function listFilters<Args extends unknown[], Opts extends OptionValues>(command: Command<Args, Opts>) {
  return command
    .option('--period <period>', 'e.g. 2026, 2026-Q3, this-quarter, cycle, last-cycle')
    .option('--from <date>', 'from this day (inclusive; to filter by person use --by)')
    .option('--to <date>', 'to this day (inclusive; --to 2026-06 means to the end of June)')
    .option('--by <name>', 'only from this person: any part of the name, any case')
    .option('--relationship <relationship>', `only from one relationship: ${RELATIONSHIP_WORDS}`)
    .option('-c, --competency <ref>', 'only feedback about this competency')
    .option('--json', 'print the feedback as a JSON array');
}

export const defineFeedbackList = () =>
  listFilters(
    new Command('feedback').description('feedback from others (360): managers, peers, admin staff, customers, direct reports'),
  ).addHelpText(
    'after',
    examples([
      'perf feedback add "Best renewal call yet" --from Bob --relationship customer',
      'perf feedback',
      'perf feedback --period cycle --relationship peer',
      'perf feedback --by bob',
      'perf feedback show 4',
    ]),
  );
export type FeedbackListOptions = OptionsOf<typeof defineFeedbackList>;

export const defineFeedbackListSub = () =>
  listFilters(new Command('list').description('feedback received, newest first, with counts by relationship')).addHelpText(
    'after',
    examples(['perf feedback list --period this-year --json']),
  );

export const defineFeedbackAdd = () =>
  new Command('add')
    .description('record feedback someone gave you')
    .argument('<text...>', 'what they said')
    .option('--from <name>', 'who said it (required)')
    .option('--relationship <relationship>', `${RELATIONSHIP_WORDS} (required)`)
    .option('-c, --competency <ref>', 'the competency it is about')
    .option('-d, --date <when>', 'when they said it (default today)')
    .option('--star', 'quote it among the accomplishments in perf summary')
    .option('--constructive', 'critical feedback: quoted under the growth area it concerns')
    .option('--json', 'print the recorded feedback as JSON')
    .addHelpText(
      'after',
      examples([
        'perf feedback add "Great discovery call" --from Maria --relationship manager',
        'perf feedback add "Sharp proposal" --from Ana --relationship peer -c pres',
        'perf feedback add "Thanks!" --from Sam --relationship admin -d yesterday',
        'perf feedback add "Rushed" --from Ana --relationship peer --constructive',
      ]),
    );
export type FeedbackAddOptions = OptionsOf<typeof defineFeedbackAdd>;

export const defineFeedbackShow = () =>
  new Command('show')
    .description('one piece of feedback in full')
    .argument('<id>', 'the feedback id')
    .option('--json', 'print it as JSON')
    .addHelpText('after', examples(['perf feedback show 4']));
export type FeedbackShowOptions = OptionsOf<typeof defineFeedbackShow>;

export const defineFeedbackEdit = () =>
  new Command('edit')
    .description('correct feedback: what was said, by whom, when, about what')
    .argument('<id>', 'the feedback id (see perf feedback)')
    .argument('[text...]', 'the new text (or --text)')
    .option('--text <text>', 'the new text')
    .option('--from <name>', 'who said it')
    .option('--relationship <relationship>', RELATIONSHIP_WORDS)
    .option('-c, --competency <ref>', 'the competency it is about ("" unlinks it)')
    .option('-d, --date <when>', 'when they said it')
    .option('--star', 'quote it among the accomplishments in perf summary')
    .option('--no-star', 'no longer starred')
    .option('--constructive', 'mark it as critical feedback')
    .option('--no-constructive', 'no longer marked as critical')
    .option('--json', 'print the changed feedback as JSON')
    .addHelpText(
      'after',
      examples([
        'perf feedback edit 4 --from "Maria Lopez" --relationship manager',
        'perf feedback edit 4 "Best renewal call this year"',
        'perf feedback edit 4 -c ""',
        'perf feedback edit 4 --star',
      ]),
    );
export type FeedbackEditOptions = OptionsOf<typeof defineFeedbackEdit>;
