import { Argument, Command } from 'commander';
import type { CommandContext } from '../commands/io.js';
import { parsePort } from './options.js';
import { addColorOptions } from './color-options.js';
import { defineBuild, defineCheck } from './check-build-commands.js';
import { ask } from './prompt.js';
import { readVersion } from '../util/version.js';

/** The commands, their options and help; each action runs a command function and hands its exit code to `setCode`. */
export function createProgram(context: CommandContext, setCode: (code: number) => void): Command {
  const { io } = context;
  const program = new Command('roundup')
    .description('Compile expert-roundup articles: one question, several experts, checked and rendered to HTML, JSON and text.')
    .version(readVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  addColorOptions(program, context);

  defineBuild(program, context, setCode);
  defineCheck(program, context, setCode);

  program
    .command('credentials')
    .description('show what the credential registry knows')
    .argument('[abbreviations...]', 'credentials to look up, such as LCMHC or Ph.D.; all when none')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ roundup credentials LCMHC CHPC
  $ roundup credentials --json > registry.json`,
    )
    .action(async (abbreviations: string[], flags: { json?: boolean }) => {
      const { credentialsCommand } = await import('../commands/credentials.js');
      setCode(credentialsCommand(abbreviations, flags, context));
    });

  program
    .command('init')
    .description('create a roundup folder: question.yaml with every field explained, and an example expert')
    .argument('[folder]', 'where to create it', 'my-roundup')
    .addHelpText(
      'after',
      `
Examples:
  $ roundup init my-roundup
  $ roundup init content/2026/first-session`,
    )
    .action(async (folder: string) => {
      const { initCommand } = await import('../commands/scaffold.js');
      setCode(await initCommand(folder, context));
    });

  program
    .command('new')
    .description('add an expert to a roundup, checked before it is written')
    .addArgument(new Argument('<kind>', 'what to add').choices(['expert']))
    .argument('<roundup>', 'the roundup folder')
    .argument('[name]', "the expert's full name, as printed")
    .option('--credentials <list>', 'post-nominals, comma-separated, such as "LCSW, PhD"')
    .option('--role <role>', 'the role line, such as "Licensed counselor"')
    .option('--location <place>', '"City, Region", such as "Austin, Texas"')
    .option('-i, --interactive', 'ask for each field (on a terminal)')
    .addHelpText(
      'after',
      `
Examples:
  $ roundup new expert my-roundup "Jane Doe" --credentials "LCSW" --location "Austin, Texas"
  $ roundup new expert my-roundup --interactive`,
    )
    .action(
      async (
        _kind: string,
        folder: string,
        name: string | undefined,
        flags: { credentials?: string; role?: string; location?: string; interactive?: boolean },
      ) => {
        const { newExpertCommand } = await import('../commands/scaffold.js');
        const fields = { name: name ?? '', credentials: flags.credentials, role: flags.role, location: flags.location };
        if (flags.interactive) Object.assign(fields, await ask(io, fields));
        setCode(await newExpertCommand(folder, fields, context));
      },
    );

  program
    .command('preview')
    .description('serve a roundup on localhost and reload the page whenever its files change')
    .argument('<roundup>', 'the roundup folder')
    .option('-p, --port <port>', 'port to listen on (default: 4321, or the next free one; 0 for any free port)', parsePort)
    .option('--host <host>', 'address to listen on; anything but loopback lets other machines read the drafts', '127.0.0.1')
    .addHelpText(
      'after',
      `
Examples:
  $ roundup preview my-roundup
  $ roundup preview my-roundup --port 8080 --host localhost`,
    )
    .action(async (folder: string, flags: { port?: number; host: string }) => {
      const { previewCommand } = await import('../commands/preview.js');
      setCode(await previewCommand(folder, flags, context));
    });

  program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'your shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      `
Examples:
  $ eval "$(roundup completion bash)"      # in ~/.bashrc
  $ eval "$(roundup completion zsh)"       # in ~/.zshrc
  $ roundup completion fish > ~/.config/fish/completions/roundup.fish`,
    )
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { completionScript } = await import('../cli/completion.js');
      io.stdout.write(completionScript(shell));
    });

  program
    .command('merge-reports')
    .description('combine JSON reports (such as one per CI shard) into one, and fail if it holds errors')
    .argument('<reports...>', 'files written by --reporter json')
    .option('--strict', 'fail on warnings too')
    .addHelpText(
      'after',
      `
Examples:
  $ roundup merge-reports shard-*.json > report.json`,
    )
    .action(async (reports: string[], flags: { strict?: boolean }) => {
      const { mergeReportsCommand } = await import('../commands/merge-reports.js');
      setCode(await mergeReportsCommand(reports, flags, context));
    });

  program
    .command('rules')
    .description('list the rules, or print one rule’s documentation: what it checks, why, examples and options')
    .argument('[id]', 'a rule id, such as credential-format')
    .addHelpText(
      'after',
      `
Examples:
  $ roundup rules
  $ roundup rules credential-format`,
    )
    .action(async (id: string | undefined) => {
      const { rulesCommand } = await import('../commands/rules.js');
      setCode(rulesCommand(id, context));
    });

  program
    .command('schema')
    .description('print the JSON Schema of an input file or of the JSON output, for editors and CI')
    .addArgument(new Argument('<name>', 'which schema').choices(['question', 'expert', 'config', 'output']))
    .addHelpText(
      'after',
      `
Examples:
  $ roundup schema question > question.schema.json
  $ roundup schema output`,
    )
    .action(async (name: 'question' | 'expert' | 'config' | 'output') => {
      const { renderJsonSchema } = await import('../schema/json-schemas.js');
      io.stdout.write(renderJsonSchema(name));
    });

  program.addHelpText(
    'after',
    `
Examples:
  $ roundup build examples/therapists-cry --format html,json,text
  $ roundup check content/

Exit codes: 0 success, 1 errors in the input (or warnings with --strict),
2 bad usage, a broken config file or an internal failure.

Run roundup help <command> for a command's options and examples.`,
  );

  return program;
}
