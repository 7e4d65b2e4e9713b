import { Command, type OptionsOf, examples, ownFlag } from '../define.js';

export const defineRate = () =>
  new Command('rate')
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
    );
export type RateOptions = OptionsOf<typeof defineRate>;

export const defineCompetenciesList = () =>
  new Command('competencies')
    .description("competencies: latest self and others' ratings, target, gap, trend, development")
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
    );
export type CompetenciesListOptions = OptionsOf<typeof defineCompetenciesList>;

export const defineCompetenciesListSub = () =>
  new Command('list')
    .description('every competency with its ratings, target, gap and trend')
    .option('--json', 'print the competencies as a JSON array')
    .addHelpText('after', examples(['perf competencies list --json']));

export const defineCompetenciesShow = () =>
  new Command('show')
    .description('one competency: ratings by source, linked notes, feedback and development')
    .argument('<competency>', 'id, slug or the start of its name')
    .option('--json', 'print it as JSON')
    .addHelpText('after', examples(['perf competencies show negotiation', 'perf competencies show pipe --json']));
export type CompetenciesShowOptions = OptionsOf<typeof defineCompetenciesShow>;

export const defineCompetenciesAdd = () =>
  new Command('add')
    .description('add a competency to your framework')
    .argument('<name...>', 'its name, e.g. "Social selling"')
    .option('--description <text>', 'what being good at it looks like, in one line')
    .option('--target <n>', 'the rating you aim for (default: the top of the scale)')
    .option('--slug <slug>', 'its short name for commands (default: made from the name)')
    .option('--json', 'print the new competency as JSON')
    .addHelpText(
      'after',
      examples([
        'perf competencies add "Social selling" --description "Sells on LinkedIn"',
        'perf competencies add Forecasting --target 4 --slug fc',
      ]),
    );
export type CompetenciesAddOptions = OptionsOf<typeof defineCompetenciesAdd>;

export const defineCompetenciesEdit = () =>
  new Command('edit')
    .description('rename a competency, or change its slug, description or target (renaming keeps the slug)')
    .argument('<competency>', 'id, slug or the start of its name')
    .option('--name <name>', 'a new name (the slug stays, so commands that use it keep working)')
    .option('--slug <slug>', 'a new short name (kebab-case)')
    .option('--description <text>', 'a new description ("" removes it)')
    .option('--target <n>', 'the rating you aim for ("" removes it: the top of the scale again)')
    .addOption(ownFlag('--no-target', 'the same as --target ""'))
    .option('--json', 'print the changed competency as JSON')
    .addHelpText(
      'after',
      examples([
        'perf competencies edit negotiation --target 4',
        'perf competencies edit 12 --name "Teamwork" --slug teamwork',
        'perf competencies edit closing --no-target',
      ]),
    );
export type CompetenciesEditOptions = OptionsOf<typeof defineCompetenciesEdit>;

export const defineCompetenciesRm = () =>
  new Command('rm')
    .description('remove a competency (one with ratings, feedback, notes or development needs --force)')
    .argument('<competency>', 'id, slug or the start of its name')
    .option('-f, --force', 'remove it with its ratings; linked notes, feedback and development stay, unlinked')
    .option('--json', 'print the removed competency as JSON, with what went and what was unlinked')
    .addHelpText('after', examples(['perf competencies rm social-selling', 'perf competencies rm social-selling --force']));
export type CompetenciesRmOptions = OptionsOf<typeof defineCompetenciesRm>;

export const defineRatingsList = () =>
  new Command('ratings')
    .description('every rating with its id, newest first: fix one with edit, delete one with rm')
    .argument('[competency]', "only this competency's: id, slug or the start of its name")
    .option('--json', 'print the ratings as a JSON array')
    .addHelpText(
      'after',
      examples(['perf ratings', 'perf ratings negotiation --json', 'perf ratings edit 7 --rating 4', 'perf ratings rm 7 --yes']),
    );
export type RatingsListOptions = OptionsOf<typeof defineRatingsList>;

export const defineRatingsEdit = () =>
  new Command('edit')
    .description('correct a rating: the same checks as perf rate')
    .argument('<id>', 'the rating id (see perf ratings)')
    .option('--rating <n>', 'a whole number from 1 to the top of the scale')
    .option('-d, --date <when>', 'the day of the rating')
    .option('--source <source>', 'self, manager, peer, customer or other')
    .option('--by <name>', 'who gave it ("" removes it; with --source manager it defaults to config manager)')
    .option('--note <text>', 'why, in a few words ("" removes it)')
    .option('--json', 'print the changed rating as JSON')
    .addHelpText(
      'after',
      examples([
        'perf ratings edit 7 --rating 4',
        'perf ratings edit 7 --source manager --by Maria -d 2026-03-02',
        'perf ratings edit 7 --note ""',
      ]),
    );
export type RatingsEditOptions = OptionsOf<typeof defineRatingsEdit>;
