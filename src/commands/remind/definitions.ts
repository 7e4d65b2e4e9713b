import { Command, type OptionsOf, examples } from '../define.js';

export const defineRemind = () =>
  new Command('remind')
    .description(
      'one short line of what needs attention (goals behind and due soon, goals ended, a one-to-one, development due, no note today), or nothing; fast, for a shell start-up or a timer',
    )
    .addHelpText(
      'after',
      `${examples(['perf remind', "echo 'perf remind' >> ~/.bashrc"])}\n\nIt never creates a journal, and prints nothing (exit 0) when the journal is\nmissing, locked or unreadable. See docs/guide.md for zsh, fish, cron and systemd.`,
    );
export type RemindOptions = OptionsOf<typeof defineRemind>;
