import { Command } from '@commander-js/extra-typings';
import { type OptionsOf, examples } from '../define.js';

/** The group: `perf accounts` lists them, `perf accounts rename` fixes a spelling. */
export const defineAccounts = () =>
  new Command('accounts')
    .summary('the accounts notes name, with counts and last use; fix or merge their spellings')
    .description(
      'Every account your notes name, with how many notes name it and when it was last used, most used first. Spellings that differ only in case ("Acme", "ACME") are one account, shown in the spelling used first.',
    )
    .option('--json', 'print them as JSON: [{name, count, last}]')
    .addHelpText('after', examples(['perf accounts', 'perf accounts --json', 'perf accounts rename "acme corp" "Acme Corp"']));
export type AccountsOptions = OptionsOf<typeof defineAccounts>;

export const defineAccountsRename = () =>
  new Command('rename')
    .summary('give every note under one account (any case) another name')
    .description(
      'Fixes or merges the spelling of an account: every note whose account is <old>, in any case ("acme corp", "ACME Corp"), gets <new>, which may be a spelling already in use. One change: perf undo reverses it.',
    )
    .argument('<old>', 'the account as the notes have it (any case)')
    .argument('<new>', 'the name to give it')
    .option('--json', 'print what changed as JSON: {from, to, notes}')
    .addHelpText('after', examples(['perf accounts rename "acme corp" "Acme Corp"', 'perf accounts rename ACME Acme']));
export type AccountsRenameOptions = OptionsOf<typeof defineAccountsRename>;
