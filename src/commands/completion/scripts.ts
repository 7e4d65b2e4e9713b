/**
 * The scripts `perf completion <shell>` prints. Each is a thin shim: the words typed go to the
 * hidden `perf __complete`, which answers from the commander tree and the journal, so there is
 * one source of truth for every shell. `__files__` means "complete file names here".
 */
export const COMPLETION_SCRIPTS: Readonly<Record<string, string>> = {
  bash: `# perf completion for bash. In ~/.bashrc:  source <(perf completion bash)
_perf_complete() {
  local IFS=$'\\n' cur="\${COMP_WORDS[COMP_CWORD]}"
  local -a out
  out=($("\${COMP_WORDS[0]}" __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
  if [[ "\${out[0]}" == __files__ ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  else
    COMPREPLY=("\${out[@]}")
  fi
}
complete -o filenames -F _perf_complete perf perf-journal
`,
  zsh: `#compdef perf perf-journal
# perf completion for zsh. In ~/.zshrc (after compinit):  source <(perf completion zsh)
_perf_complete() {
  local -a out
  out=("\${(@f)$("\${words[1]}" __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  out=(\${out:#})
  if [[ "\${out[1]}" == __files__ ]]; then
    _files
  else
    compadd -- "\${out[@]}"
  fi
}
compdef _perf_complete perf perf-journal
`,
  fish: `# perf completion for fish. In ~/.config/fish/config.fish:  perf completion fish | source
function __perf_complete
    set -l words (commandline -opc)
    set -l out ($words[1] __complete -- $words[2..-1] (commandline -ct) 2>/dev/null)
    if test "$out[1]" = __files__
        __fish_complete_path (commandline -ct)
    else
        printf '%s\\n' $out
    end
end
complete -c perf -f -a '(__perf_complete)'
complete -c perf-journal -f -a '(__perf_complete)'
`,
};
