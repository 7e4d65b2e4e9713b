import { Command, type OptionsOf, examples } from '../define.js';

const KEYS = 'name, role, manager, cycle.start, scale.max, backup.auto, backup.keep-daily, backup.keep-weekly or note.types';

export const defineConfigList = () =>
  new Command('config')
    .description('settings: name, role, manager, cycle.start, scale.max, automatic backups, note types')
    .option('--json', 'print the settings as JSON')
    .addHelpText(
      'after',
      examples(['perf config', 'perf config set cycle.start 04-01', 'perf config set name "Jane Doe"', 'perf config unset role']),
    );
export type ConfigListOptions = OptionsOf<typeof defineConfigList>;

export const defineConfigListSub = () =>
  new Command('list')
    .description('show every setting and its value')
    .option('--json', 'print the settings as JSON')
    .addHelpText('after', examples(['perf config list', 'perf config list --json']));

export const defineConfigGet = () =>
  new Command('get')
    .description("print one setting's value, for scripts: nothing (exit 0) when it is not set")
    .argument('<key>', KEYS)
    .option('--json', 'print it as JSON (null when it is not set; scale.max a number)')
    .addHelpText('after', examples(['perf config get cycle.start', 'perf config get manager --json']));
export type ConfigGetOptions = OptionsOf<typeof defineConfigGet>;

export const defineConfigSet = () =>
  new Command('set')
    .description('change one setting (to remove one, use perf config unset)')
    .argument('<key>', KEYS)
    .argument('<value>', 'the new value')
    .option('--json', 'print the setting as JSON: {"key": value}')
    .addHelpText(
      'after',
      examples([
        'perf config set cycle.start 04-01',
        'perf config set scale.max 4',
        'perf config set manager "Maria Lopez"',
        'perf config set note.types "call,email,renewal,upsell,qbr,win,loss,note"',
      ]),
    );
export type ConfigSetOptions = OptionsOf<typeof defineConfigSet>;

export const defineConfigUnset = () =>
  new Command('unset')
    .description('remove a setting: name, role and manager become not set, the others their default')
    .argument('<key>', KEYS)
    .option('--json', 'print the setting as JSON: {"key": value}')
    .addHelpText('after', examples(['perf config unset role', 'perf config unset cycle.start']));
export type ConfigUnsetOptions = OptionsOf<typeof defineConfigUnset>;
