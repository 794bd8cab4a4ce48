import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { VFile } from 'vfile';
import type { BuildResult, Format } from './build.js';
import { readVersion } from './version.js';

// For the launcher's SIGINT handler: the same module instance the build writes through.
export { removeTemporaryFiles } from './write.js';

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd?: string;
  env?: Record<string, string | undefined>;
}

const FORMAT_NAMES = ['html', 'json', 'text', 'md'];

/** Exit codes: 0 built or clean, 1 input errors, 2 bad usage or an internal failure. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  const colorLevel = detectColor(io.stderr, env);
  let code = 0;
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

  program
    .command('build')
    .description('check roundups and write their articles')
    .argument('<paths...>', 'roundup folders, their question.yaml, or folders to search')
    .option('-f, --format <formats>', `output formats, comma-separated or repeated: ${FORMAT_NAMES.join(', ')}`, collectFormats, [])
    .option('-o, --out <dir>', 'output folder, or - to print one roundup\'s one format', 'dist')
    .option('--width <columns>', 'wrap text output at this width, 0 for none', parseWidth, 72)
    .option('--fragment', 'html: write the <article> alone, for embedding in a CMS page')
    .option('--stylesheet <url>', 'html: link this stylesheet instead of inlining the built-in one', parseStylesheet)
    .option('--no-smartypants', 'keep straight quotes, double hyphens and three dots as written')
    .addOption(new Option('--condense <mode>', 'over-budget answers: warn (report them) or apply (cut to whole sentences)').choices(['warn', 'apply']).default('warn'))
    .option('--max-words <n>', 'word budget per answer (an expert\'s own maxWords wins)', parsePositive)
    .option('-c, --config <file>', 'use this config file instead of the nearest roundup.config.yaml')
    .addOption(reporterOption())
    .option('--strict', 'fail on warnings too')
    .option('--quiet', 'report errors only')
    .addHelpText('after', `
Examples:
  $ roundup build examples/therapists-cry
  $ roundup build examples/therapists-cry --format html,json,text --out public
  $ roundup build examples/therapists-cry --format text --width 60 --out -
  $ roundup build examples/therapists-cry --condense apply --max-words 120 --format json
  $ roundup build examples/therapists-cry --fragment --stylesheet /css/site.css`)
    .action(async (paths: string[], options: BuildFlags) => {
      const { build, UsageError } = await import('./index.js');
      const toStdout = options.out === '-';
      const formats = (options.format.length ? options.format : ['html']) as Format[];
      if (toStdout && formats.length !== 1) throw new UsageError('--out - prints a single format; pick one with --format');
      const result = await build({
        paths, cwd, formats, config: options.config, outDir: toStdout ? undefined : options.out, write: !toStdout, width: options.width, strict: options.strict,
        fragment: options.fragment, stylesheet: options.stylesheet, smartypants: options.smartypants, condense: options.condense, maxWords: options.maxWords,
      });
      if (toStdout && result.roundups.length > 1) throw new UsageError(`--out - prints a single roundup; ${result.roundups.length} were found`);
      io.stderr.write(await report(result.files, options, colorLevel));
      for (const roundup of result.roundups) {
        for (const expert of roundup.roundup?.experts ?? []) {
          if (expert.condensed) io.stderr.write(`Condensed ${expert.name} (${roundup.dir}): ${expert.condensed.originalWords} → ${expert.condensed.words} words\n`);
        }
        if (toStdout) roundup.outputs.forEach((output) => io.stdout.write(output.contents));
        else if (roundup.written.length > 0) io.stderr.write(`Wrote ${roundup.written.join(', ')}\n`);
      }
      code = outcome(result);
    });

  program
    .command('check')
    .description('check roundups without writing anything')
    .argument('<paths...>', 'roundup folders, their question.yaml, or folders to search')
    .option('-c, --config <file>', 'use this config file instead of the nearest roundup.config.yaml')
    .option('--max-words <n>', 'word budget per answer, for answer-length (an expert\'s own maxWords wins)', parsePositive)
    .addOption(reporterOption())
    .option('--strict', 'fail on warnings too')
    .option('--quiet', 'report errors only')
    .addHelpText('after', `
Examples:
  $ roundup check examples/therapists-cry
  $ roundup check content/ --reporter json > report.json
  $ roundup check content/ --reporter github --strict     # in a GitHub Actions step`)
    .action(async (paths: string[], options: CheckFlags) => {
      const { check } = await import('./index.js');
      const result = await check({ paths, cwd, config: options.config, strict: options.strict, maxWords: options.maxWords });
      const text = await report(result.files, options, colorLevel);
      (options.reporter === 'pretty' ? io.stderr : io.stdout).write(text);
      code = outcome(result);
    });

  program
    .command('credentials')
    .description('show what the credential registry knows')
    .argument('[abbreviations...]', 'credentials to look up, such as LCMHC or Ph.D.; all when none')
    .option('--json', 'print JSON')
    .addHelpText('after', `
Examples:
  $ roundup credentials LCMHC CHPC
  $ roundup credentials --json > registry.json`)
    .action(async (abbreviations: string[], options: { json?: boolean }) => {
      const { lookupCredentials, formatCredentials } = await import('./credentials.js');
      const lookups = lookupCredentials(abbreviations);
      io.stdout.write(options.json ? `${JSON.stringify(lookups, null, 2)}\n` : formatCredentials(lookups));
      code = lookups.some((lookup) => lookup.entries.length === 0) ? 1 : 0;
    });

  program
    .command('schema')
    .description('print the JSON Schema of an input file or of the JSON output, for editors and CI')
    .addArgument(new Argument('<name>', 'which schema').choices(['question', 'expert', 'config', 'output']))
    .addHelpText('after', `
Examples:
  $ roundup schema question > question.schema.json
  $ roundup schema output`)
    .action(async (name: 'question' | 'expert' | 'config' | 'output') => {
      const { renderJsonSchema } = await import('./schema/json-schemas.js');
      io.stdout.write(renderJsonSchema(name));
    });

  program.addHelpText('after', `
Examples:
  $ roundup build examples/therapists-cry --format html,json,text
  $ roundup check content/

Exit codes: 0 success, 1 errors in the input (or warnings with --strict),
2 bad usage, a broken config file or an internal failure.`);

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return handleFailure(error, io);
  }
}

interface CheckFlags {
  reporter: 'pretty' | 'json' | 'github';
  config?: string;
  maxWords?: number;
  strict?: boolean;
  quiet?: boolean;
}

interface BuildFlags extends CheckFlags {
  format: string[];
  out: string;
  width: number;
  fragment?: boolean;
  stylesheet?: string;
  smartypants: boolean;
  condense: 'warn' | 'apply';
}

function outcome(result: BuildResult): number {
  const internal = result.files.some((file) => file.messages.some((message) => message.ruleId === 'internal-error'));
  return internal ? 2 : result.code;
}

async function report(files: VFile[], options: CheckFlags, colorLevel: 0 | 1): Promise<string> {
  const { reportPretty, reportJson, reportGithub } = await import('./index.js');
  if (options.reporter === 'json') return reportJson(files, options);
  if (options.reporter === 'github') return reportGithub(files, options);
  return reportPretty(files, { colorLevel, quiet: options.quiet });
}

const reporterOption = () =>
  new Option('--reporter <name>', 'how to print diagnostics: pretty (stderr), json or github (stdout)').choices(['pretty', 'json', 'github']).default('pretty');

function collectFormats(value: string, previous: string[]): string[] {
  const formats = value.split(',').map((format) => format.trim().toLowerCase()).filter(Boolean);
  for (const format of formats) {
    if (!FORMAT_NAMES.includes(format)) throw new InvalidArgumentError(`expected one of ${FORMAT_NAMES.join(', ')}, got "${format}"`);
  }
  return [...previous, ...formats];
}

function parsePositive(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a positive whole number');
  return Number(value);
}

/** A page's stylesheet: an http(s) URL or a path, never a script URL. */
function parseStylesheet(value: string): string {
  if (/^\s*[a-z][a-z0-9+.-]*:/i.test(value) && !/^https?:\/\//i.test(value)) throw new InvalidArgumentError('expected an http(s) URL or a path such as /css/site.css');
  return value;
}

function parseWidth(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of columns, 0 for no wrapping');
  return Number(value);
}

function handleFailure(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other commander error is bad usage and has been printed.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof Error && error.name === 'UsageError') {
    io.stderr.write(`roundup: ${error.message}\n`);
    return 2;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr.write(`roundup: internal error: ${detail}\nThis is a bug in roundup. Please report it with the command you ran and this message.\n`);
  return 2;
}

/** NO_COLOR wins, FORCE_COLOR forces, otherwise color only on a terminal. */
function detectColor(stream: CliIo['stderr'], env: Record<string, string | undefined>): 0 | 1 {
  if (env.NO_COLOR) return 0;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? 0 : 1;
  return stream.isTTY ? 1 : 0;
}
