import type * as Typed from '@commander-js/extra-typings';
import { Command as CommanderCommand, Option as CommanderOption } from 'commander';

/**
 * commander's own classes, with the types of @commander-js/extra-typings (which re-exports these
 * same classes at run time): option and argument types are inferred, and start-up loads no
 * wrapper modules.
 */
export const Command = CommanderCommand as unknown as typeof Typed.Command;
export type Command<
  Args extends unknown[] = [],
  Opts extends Typed.OptionValues = Record<never, never>,
  GlobalOpts extends Typed.OptionValues = Record<never, never>,
> = Typed.Command<Args, Opts, GlobalOpts>;
export const Option = CommanderOption as unknown as typeof Typed.Option;
export type { CommandUnknownOpts, OptionValues } from '@commander-js/extra-typings';

/**
 * What every command definition shares. A definition is a function that returns a fresh commander
 * command (commander keeps parsed values on the instance, so tests that run the program many times
 * need new ones); its handler's option type is inferred from it with `OptionsOf`, so a handler
 * cannot read a flag that the definition does not declare.
 */
// biome-ignore lint/suspicious/noExplicitAny: any command's arguments and options
export type OptionsOf<Define extends (...args: never[]) => Command<any, any, any>> = ReturnType<ReturnType<Define>['opts']>;

export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}`;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * A `--no-x` flag of its own (`noX: true`) rather than commander's negation of `--x`, which would
 * let `--x 4 --no-x` silently keep the last one; the handler refuses the pair instead. Its type
 * says so too: `--no-target` is typed as the plain flag `--noTarget`, which is what it parses to.
 */
export function ownFlag<const Name extends string>(flags: `--no-${Name}`, description: string): Typed.Option<`--no${Capitalize<Name>}`> {
  const option = new Option(flags, description);
  option.negate = false;
  return option as unknown as Typed.Option<`--no${Capitalize<Name>}`>;
}

/**
 * `rm <id>` for a kind of record, the same everywhere: it asks in a terminal, needs `--yes`
 * anywhere else, and `--json` prints the record that was removed. `what` is "rating", "feedback"…
 */
export const defineRemove = (what: string, list: string, example: string) =>
  new Command('rm')
    .description(`delete ${what} (asks first in a terminal)`)
    .argument('<id>', `the ${what} id (see ${list})`)
    .option('-y, --yes', 'do not ask (required when not in a terminal)')
    .option('--json', `print the deleted ${what} as JSON`)
    .addHelpText('after', examples([example, `${example} --yes`]));
export type RemoveOptions = OptionsOf<typeof defineRemove>;
