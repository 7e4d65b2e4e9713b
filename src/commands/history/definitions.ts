import { Command } from '@commander-js/extra-typings';
import { type OptionsOf, examples } from '../define.js';

export const defineUndo = () =>
  new Command('undo')
    .summary('reverse the most recent change; run again to go further back')
    .description(
      'Reverse the most recent change that has not been undone: everything one command wrote (a note, an edit, a removal, a whole import) goes back to how it was, ids included. Run it again to walk further back; perf history lists the changes. There is no redo. Asks first in a terminal.',
    )
    .option('-y, --yes', 'do not ask (required when not in a terminal)')
    .option('--dry-run', 'show what would be undone, and change nothing')
    .option('--json', 'print the change undone as JSON: {id, at, command, summary, undone}')
    .addHelpText('after', examples(['perf undo', 'perf undo --dry-run', 'perf undo --yes']));
export type UndoOptions = OptionsOf<typeof defineUndo>;

export const defineHistory = () =>
  new Command('history')
    .summary('recent changes, newest first: what perf undo can reverse')
    .description(`The changes commands made to the journal, newest first, and which were undone. The journal keeps at least the last 100.`)
    .option('-n, --limit <n>', 'how many at most (default 20), or all')
    .option('--json', 'print them as JSON: [{id, at, command, summary, undone}] (every one unless -n is given)')
    .addHelpText('after', examples(['perf history', 'perf history -n 5', 'perf history --json']));
export type HistoryOptions = OptionsOf<typeof defineHistory>;
