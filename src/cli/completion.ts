/** Commands and options, for shell completion scripts. Kept beside the CLI's own definitions by a test. */
export const COMMANDS: Record<string, string[]> = {
  build: [
    '--format',
    '--out',
    '--width',
    '--fragment',
    '--stylesheet',
    '--no-smartypants',
    '--condense',
    '--max-words',
    '--config',
    '--ignore',
    '--report-unused-ignores',
    '--shard',
    '--jobs',
    '--no-cache',
    '--clean',
    '--cache-dir',
    '--watch',
    '--reporter',
    '--strict',
    '--max-warnings',
    '--quiet',
    '--verbose',
    '--help',
  ],
  check: [
    '--config',
    '--max-words',
    '--ignore',
    '--report-unused-ignores',
    '--shard',
    '--fix',
    '--fix-dry-run',
    '--reporter',
    '--strict',
    '--max-warnings',
    '--quiet',
    '--verbose',
    '--help',
  ],
  init: ['--help'],
  new: ['--credentials', '--role', '--location', '--interactive', '--help'],
  preview: ['--port', '--host', '--help'],
  credentials: ['--json', '--help'],
  rules: ['--help'],
  schema: ['--help'],
  'merge-reports': ['--strict', '--help'],
  completion: ['--help'],
  help: [],
};

/** Options of the program itself, accepted before or after any command. */
export const GLOBAL_OPTIONS = ['--color', '--no-color'];

const VALUES: Record<string, string[]> = {
  '--format': ['html', 'json', 'text', 'md'],
  '--reporter': ['pretty', 'json', 'github', 'sarif'],
  '--condense': ['warn', 'apply'],
};

/** A completion script for bash, zsh or fish. */
export function completionScript(shell: 'bash' | 'zsh' | 'fish'): string {
  const commands = Object.keys(COMMANDS);
  if (shell === 'fish') {
    const lines = [
      '# roundup completion for fish: roundup completion fish > ~/.config/fish/completions/roundup.fish',
      'complete -c roundup -f',
    ];
    lines.push(`complete -c roundup -n "__fish_use_subcommand" -a "${commands.join(' ')}"`);
    for (const [command, options] of Object.entries(COMMANDS)) {
      for (const option of [...options, ...GLOBAL_OPTIONS].filter((name) => !name.startsWith('--no-'))) {
        const values = VALUES[option];
        lines.push(
          `complete -c roundup -n "__fish_seen_subcommand_from ${command}" -l ${option.slice(2)}${values ? ` -xa "${values.join(' ')}"` : ''}`,
        );
      }
    }
    lines.push('complete -c roundup -n "__fish_seen_subcommand_from schema" -a "question expert config output"');
    lines.push('complete -c roundup -n "__fish_seen_subcommand_from completion" -a "bash zsh fish"');
    lines.push('complete -c roundup -n "__fish_seen_subcommand_from new" -a "expert"');
    lines.push('complete -c roundup -n "__fish_seen_subcommand_from build check preview init new" -F');
    return `${lines.join('\n')}\n`;
  }
  const cases = Object.entries(COMMANDS)
    .map(([command, options]) => `    ${command}) options="${[...options, ...GLOBAL_OPTIONS].join(' ')}" ;;`)
    .join('\n');
  const valueCases = Object.entries(VALUES)
    .map(([option, values]) => `    ${option}) COMPREPLY=($(compgen -W "${values.join(' ')}" -- "$cur")); return ;;`)
    .join('\n');
  const bash = `_roundup() {
  local cur prev command options
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  command="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${commands.join(' ')} --help --version ${GLOBAL_OPTIONS.join(' ')}" -- "$cur"))
    return
  fi
  case "$prev" in
${valueCases}
  esac
  case "$command" in
${cases}
    schema) COMPREPLY=($(compgen -W "question expert config output" -- "$cur")); return ;;
    completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return ;;
    *) options="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _roundup roundup
`;
  if (shell === 'bash') return `# roundup completion for bash: eval "$(roundup completion bash)" in ~/.bashrc\n${bash}`;
  return `#compdef roundup\n# roundup completion for zsh: eval "$(roundup completion zsh)" in ~/.zshrc\nautoload -U +X bashcompinit && bashcompinit\n${bash}`;
}
