import { Command, type OptionsOf, examples } from '../define.js';

export const defineTags = () =>
  new Command('tags')
    .description('every tag, with how many notes have it and when it was last used')
    .option('--json', 'print them as JSON: [{name, count, last}]')
    .addHelpText('after', examples(['perf tags', 'perf tags --json', 'perf notes -t renewal']));
export type TagsOptions = OptionsOf<typeof defineTags>;
