import { Command, type OptionValues, type OptionsOf, examples } from '../define.js';

export const defineDealsList = () =>
  new Command('deals')
    .description('your pipeline: open deals by stage and expected close, with their total value')
    .option('--all', 'include won and lost deals')
    .option('--stage <stage>', 'only deals at this stage (any case; none: those without a stage)')
    .option('--json', 'print the deals as a JSON array')
    .addHelpText(
      'after',
      examples([
        'perf deals',
        'perf deals --all --json',
        'perf deals add "Acme renewal" -a Acme --value 48000 --stage proposal --close 2026-12-15',
        'perf deals won acme-renewal --reason "Held the price, 3-month ramp"',
        'perf log "Pricing call with Acme" --type call --deal acme-renewal',
        'perf config set currency EUR',
      ]),
    );
export type DealsListOptions = OptionsOf<typeof defineDealsList>;

/** The fields a deal is made of, on `add` and `edit` alike (edit's help says how to clear one). */
function dealFields<Args extends unknown[], Opts extends OptionValues>(command: Command<Args, Opts>, editing: boolean) {
  const clear = (what: string) => (editing ? ` ("" removes ${what})` : '');
  return command
    .option('-a, --account <name>', `the customer or account${clear('it')}`)
    .option('--stage <stage>', `where it stands, any word: discovery, demo, proposal, negotiation…${clear('it')}`)
    .option('--close <date>', `the day it is expected to close${clear('it')}`)
    .option('--external-id <id>', `its id in your CRM, so a CRM import does not enter it twice${clear('it')}`)
    .option('--slug <slug>', `its short name for commands${editing ? '' : ' (default: made from the name)'}`);
}

export const defineDealsAdd = () =>
  dealFields(
    new Command('add')
      .description('add a deal to your pipeline (or, with --won or --lost, one already closed)')
      .argument('<name...>', 'what the deal is, e.g. "Acme renewal"')
      .requiredOption('--value <amount>', 'what it is worth in the journal currency (perf config set currency), e.g. 48000'),
    false,
  )
    .option('--won <date>', 'it was won on this day')
    .option('--lost <date>', 'it was lost on this day')
    .option('--reason <text>', 'why it was won or lost (with --won or --lost)')
    .option('--json', 'print the deal as JSON')
    .addHelpText(
      'after',
      examples([
        'perf deals add "Acme renewal" -a Acme --value 48000 --stage proposal --close 2026-12-15',
        'perf deals add "Globex expansion" -a Globex --value 120000 --won 2026-10-02',
        'perf deals add "Initech pilot" -a Initech --value 9000 --lost "last friday" --reason "Budget frozen"',
      ]),
    );
export type DealsAddOptions = OptionsOf<typeof defineDealsAdd>;

export const defineDealsEdit = () =>
  dealFields(
    new Command('edit')
      .description("change a deal's name, account, value, stage, expected close, reason or external id")
      .argument('<deal>', 'the deal id or slug')
      .option('--name <text>', 'a new name (the slug stays unless --slug)')
      .option('--value <amount>', 'a new value'),
    true,
  )
    .option('--reason <text>', 'why it was won or lost (closed deals; "" removes it)')
    .option('--json', 'print the deal as JSON')
    .addHelpText('after', examples(['perf deals edit acme-renewal --stage negotiation --value 52000', 'perf deals edit 3 --close ""']));
export type DealsEditOptions = OptionsOf<typeof defineDealsEdit>;

/** `won` and `lost` close a deal on a day, with why. */
const defineDealClosing = (name: 'won' | 'lost', description: string) =>
  new Command(name)
    .description(description)
    .argument('<deal>', 'the deal id or slug')
    .option('-d, --date <when>', `the day it was ${name} (default today)`)
    .option('--reason <text>', `why it was ${name}`)
    .option('--json', 'print the deal as JSON')
    .addHelpText(
      'after',
      examples([`perf deals ${name} acme-renewal --reason "${name === 'won' ? 'Held the price' : 'Went with a competitor'}"`]),
    );

export const defineDealsWon = () => defineDealClosing('won', 'mark a deal won');
export const defineDealsLost = () => defineDealClosing('lost', 'mark a deal lost');
export type DealClosingOptions = OptionsOf<typeof defineDealsWon>;

export const defineDealsReopen = () =>
  new Command('reopen')
    .description('make a won or lost deal open again (its close day and reason go)')
    .argument('<deal>', 'the deal id or slug')
    .option('--json', 'print the deal as JSON')
    .addHelpText('after', examples(['perf deals reopen acme-renewal']));
export type DealsReopenOptions = OptionsOf<typeof defineDealsReopen>;

export const defineDealsShow = () =>
  new Command('show')
    .description('one deal and the notes about it')
    .argument('<deal>', 'the deal id or slug')
    .option('--json', 'print the deal and its notes as JSON')
    .addHelpText('after', examples(['perf deals show acme-renewal', 'perf deals show 3 --json']));
export type DealsShowOptions = OptionsOf<typeof defineDealsShow>;

export const defineDealsRm = () =>
  new Command('rm')
    .description('delete a deal (asks first in a terminal); its notes stay, unlinked')
    .argument('<deal>', 'the deal id or slug')
    .option('-y, --yes', 'do not ask (required when not in a terminal)')
    .option('--json', 'print the deleted deal as JSON')
    .addHelpText('after', examples(['perf deals rm acme-renewal', 'perf deals rm 3 --yes']));
export type DealsRmOptions = OptionsOf<typeof defineDealsRm>;
