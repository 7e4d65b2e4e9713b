import { Command, type OptionsOf, examples } from '../define.js';

export const defineCompletion = () =>
  new Command('completion')
    .description('print the shell completion script for bash, zsh or fish (commands, options, goals, accounts, tags…)')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      `${examples(['perf completion bash', 'perf completion zsh', 'perf completion fish'])}

Set up once, in your shell's start-up file:
  bash (~/.bashrc):                    source <(perf completion bash)
  zsh (~/.zshrc, after compinit):      source <(perf completion zsh)
  fish (~/.config/fish/config.fish):   perf completion fish | source`,
    );
export type CompletionOptions = OptionsOf<typeof defineCompletion>;
