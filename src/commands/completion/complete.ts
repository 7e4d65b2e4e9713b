import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Option } from 'commander';

/**
 * The hidden `perf __complete -- <words…>`: what the shells' completion functions call on Tab.
 * It walks the commander tree (the one source of truth for commands, subcommands and options)
 * along the words typed, and answers one candidate per line for the last word. Values from the
 * journal come from one read-only query; `__files__` asks the shell for file names.
 */
export type ValueKind =
  | 'goal'
  | 'competency'
  | 'account'
  | 'tag'
  | 'type'
  | 'deal'
  | 'relationship'
  | 'source'
  | 'period'
  | 'config-key'
  | 'shell'
  | 'template'
  | 'files'
  | 'none';

export interface Completion {
  /** Fixed candidates (subcommands, options, choices). */
  words: string[];
  /** Candidates to look up, if any. */
  values: ValueKind;
  /** `--db` typed before the word, for the journal to read. */
  db?: string;
}

const OPTION_VALUES: Readonly<Record<string, ValueKind>> = {
  goal: 'goal',
  'remove-goal': 'goal',
  'aligns-to': 'goal',
  competency: 'competency',
  'remove-competency': 'competency',
  account: 'account',
  tag: 'tag',
  untag: 'tag',
  type: 'type',
  deal: 'deal',
  relationship: 'relationship',
  source: 'source',
  period: 'period',
  template: 'template',
  out: 'files',
  db: 'files',
};

const ARGUMENT_VALUES: Readonly<Record<string, ValueKind>> = {
  goal: 'goal',
  goals: 'goal',
  // perf accounts rename <old> <new>: the spelling to fix, and one to merge it into.
  old: 'account',
  new: 'account',
  competency: 'competency',
  deal: 'deal',
  key: 'config-key',
  shell: 'shell',
  file: 'files',
};

// perf config set KEY <Tab>: the values of the keys that take one of a few.
const CONFIG_CHOICES: Readonly<Record<string, readonly string[]>> = {
  'dates.order': ['dmy', 'mdy', 'ymd'],
  'numbers.decimal': ['.', ','],
  'backup.auto': ['true', 'false'],
};

/** What to offer for the last of `words` (the words after `perf`; the last may be empty). */
export function completeWords(root: CommandUnknownOpts, words: readonly string[]): Completion {
  const typed = words.slice(0, -1);
  const current = words.at(-1) ?? '';
  let command = root;
  let positional = 0;
  let db: string | undefined;
  let lastPositional = '';
  for (let i = 0; i < typed.length; i++) {
    const word = typed[i] ?? '';
    if (word === '--') break;
    if (word.startsWith('-') && word.length > 1) {
      const equals = word.indexOf('=');
      const option = findOption(command, root, equals < 0 ? word : word.slice(0, equals));
      if (option && takesValue(option)) {
        let value = equals < 0 ? undefined : word.slice(equals + 1);
        if (value === undefined) {
          // bash splits --db=PATH into --db, =, PATH (= is in COMP_WORDBREAKS).
          if (typed[i + 1] === '=') i++;
          if (i + 1 === typed.length) return { words: option.argChoices ?? [], values: valuesOf(option), db };
          value = typed[++i];
        }
        if (option.long === '--db') db = value;
      }
      continue;
    }
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (sub && positional === 0) command = sub;
    else {
      positional++;
      lastPositional = word;
    }
  }
  if (current.startsWith('-')) return { words: optionsOf(command, root).filter((flag) => flag.startsWith(current)), values: 'none', db };
  const subcommands = positional === 0 ? visibleCommands(command) : [];
  const argument = command.registeredArguments[Math.min(positional, command.registeredArguments.length - 1)];
  const fromArgument =
    argument === undefined || (positional >= command.registeredArguments.length && !argument.variadic) ? undefined : argument;
  const configValues = command.name() === 'set' && command.parent?.name() === 'config' && positional === 1;
  return {
    words: [...subcommands, ...(fromArgument?.argChoices ?? []), ...(configValues ? (CONFIG_CHOICES[lastPositional] ?? []) : [])],
    values: fromArgument ? (ARGUMENT_VALUES[fromArgument.name().replace(/\.\.\.$/, '')] ?? 'none') : 'none',
    db,
  };
}

function visibleCommands(command: CommandUnknownOpts): string[] {
  return command.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden).map((c) => c.name());
}

function takesValue(option: Option): boolean {
  return option.required || option.optional;
}

function valuesOf(option: Option): ValueKind {
  const name = option.long?.replace(/^--/, '') ?? '';
  return option.argChoices ? 'none' : (OPTION_VALUES[name] ?? 'none');
}

/** The command's options, then the global ones (--db, --no-color, --help). */
function allOptions(command: CommandUnknownOpts, root: CommandUnknownOpts): Option[] {
  const own = command.options as readonly Option[];
  const globals = command === root ? [] : (root.options as readonly Option[]).filter((o) => o.long !== '--version');
  return [...own, ...globals].filter((o) => !o.hidden);
}

function findOption(command: CommandUnknownOpts, root: CommandUnknownOpts, flag: string): Option | undefined {
  return allOptions(command, root).find((o) => o.long === flag || o.short === flag);
}

function optionsOf(command: CommandUnknownOpts, root: CommandUnknownOpts): string[] {
  const flags = allOptions(command, root).flatMap((o) => (o.long ? [o.long] : o.short ? [o.short] : []));
  return [...flags, '--help'];
}
