import { Argument, Command, CommanderError, Option } from 'commander';
import type { VFile } from 'vfile';
import type { BuildResult, Format } from './engine/run.js';
import { collect, collectFormats, FORMAT_NAMES, parsePort, parsePositive, parseShard, parseStylesheet, parseWidth, reporterOption } from './cli/options.js';
import { ask } from './cli/prompt.js';
import { detectColor, progressBar, summaryLine } from './cli/terminal.js';
import type { CliIo } from './cli/io.js';
import { readVersion } from './util/version.js';

// For the launcher's SIGINT handler: the same module instance the build writes through.
export { removeTemporaryFiles } from './engine/write.js';

export type { CliIo } from './cli/io.js';

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
    .option('--ignore <glob>', 'skip folders matching this glob (repeatable)', collect, [])
    .option('--shard <i/n>', 'build only the i-th of n deterministic shares of the roundups', parseShard)
    .option('-j, --jobs <n>', 'worker threads (default: one per core, for large batches only)', parsePositive)
    .option('--no-cache', 'rebuild every roundup, even unchanged ones')
    .option('--cache-dir <dir>', 'where the incremental cache lives (default node_modules/.cache/roundup)')
    .option('-w, --watch', 'rebuild what changed whenever an input file changes')
    .addOption(reporterOption())
    .option('--strict', 'fail on warnings too')
    .option('--quiet', 'report errors only')
    .option('--verbose', 'list every file written and every roundup left unchanged')
    .addHelpText('after', `
Examples:
  $ roundup build examples/therapists-cry
  $ roundup build examples/therapists-cry --format html,json,text --out public
  $ roundup build examples/therapists-cry --format text --width 60 --out -
  $ roundup build examples/therapists-cry --condense apply --max-words 120 --format json
  $ roundup build examples/therapists-cry --fragment --stylesheet /css/site.css
  $ roundup build content/ --format html,json --out public --shard 1/4 --reporter json > shard-1.json
  $ roundup build content/ --watch`)
    .action(async (paths: string[], options: BuildFlags) => {
      const [{ build }, { UsageError }] = await Promise.all([import('./engine/run.js'), import('./engine/discover.js')]);
      const toStdout = options.out === '-';
      const formats = (options.format.length ? options.format : ['html']) as Format[];
      if (toStdout && formats.length !== 1) throw new UsageError('--out - prints a single format; pick one with --format');
      if (toStdout && options.watch) throw new UsageError('--watch writes files; it cannot print to --out -');
      const once = async () => {
        const progress = progressBar(io.stderr, env, io.now);
        const result = await build({
          paths, cwd, formats, config: options.config, outDir: toStdout ? undefined : options.out, write: !toStdout, width: options.width, strict: options.strict,
          fragment: options.fragment, stylesheet: options.stylesheet, smartypants: options.smartypants, condense: options.condense, maxWords: options.maxWords,
          ignore: options.ignore, shard: options.shard, jobs: options.jobs, cache: options.cache, cacheDir: options.cacheDir,
          workerUrl: new URL('./worker.js', import.meta.url), onProgress: progress.update,
        });
        progress.clear();
        if (toStdout && result.roundups.length > 1) throw new UsageError(`--out - prints a single roundup; ${result.roundups.length} were found`);
        for (const warning of result.warnings) io.stderr.write(`roundup: ${warning}\n`);
        const { reportJson } = await import('./report/json.js');
        if (options.reporter === 'pretty') io.stderr.write(await report(result.files, options, colorLevel));
        else (toStdout ? io.stderr : io.stdout).write(options.reporter === 'json' ? reportJson(result.files, options) : await report(result.files, options, colorLevel));
        for (const roundup of result.roundups) {
          for (const answer of roundup.condensed) io.stderr.write(`Condensed ${answer.name} (${roundup.dir}): ${answer.originalWords} → ${answer.words} words\n`);
          if (toStdout) roundup.outputs.forEach((output) => io.stdout.write(output.contents));
          else if (roundup.written.length > 0 && (result.roundups.length === 1 || options.verbose)) io.stderr.write(`Wrote ${roundup.written.join(', ')}\n`);
          else if (roundup.unchanged && options.verbose) io.stderr.write(`Unchanged ${roundup.dir}\n`);
        }
        if (!toStdout) io.stderr.write(`${summaryLine(result.summary)}\n`);
        return outcome(result);
      };
      code = await once();
      if (!options.watch) return;
      const { watchFiles } = await import('./engine/watch.js');
      io.stderr.write('Watching for changes (Ctrl-C to stop)…\n');
      let queue = Promise.resolve();
      const stop = watchFiles(paths, { cwd, ignore: [options.out, options.cacheDir ?? 'node_modules/.cache'] }, () => {
        queue = queue.then(async () => {
          code = await once().catch((error: Error) => (io.stderr.write(`roundup: ${error.message}\n`), 2));
        });
      });
      await (io.until ?? new Promise<void>(() => {}));
      stop();
      await queue;
    });

  program
    .command('check')
    .description('check roundups without writing anything')
    .argument('<paths...>', 'roundup folders, their question.yaml, or folders to search')
    .option('-c, --config <file>', 'use this config file instead of the nearest roundup.config.yaml')
    .option('--max-words <n>', 'word budget per answer, for answer-length (an expert\'s own maxWords wins)', parsePositive)
    .option('--ignore <glob>', 'skip folders matching this glob (repeatable)', collect, [])
    .option('--shard <i/n>', 'check only the i-th of n deterministic shares of the roundups', parseShard)
    .addOption(reporterOption())
    .option('--strict', 'fail on warnings too')
    .option('--quiet', 'report errors only')
    .option('--verbose', 'list every roundup checked')
    .addHelpText('after', `
Examples:
  $ roundup check examples/therapists-cry
  $ roundup check content/ --reporter json > report.json
  $ roundup check content/ --reporter github --strict     # in a GitHub Actions step`)
    .action(async (paths: string[], options: CheckFlags) => {
      const { check } = await import('./engine/run.js');
      const progress = progressBar(io.stderr, env, io.now);
      const result = await check({ paths, cwd, config: options.config, strict: options.strict, maxWords: options.maxWords, ignore: options.ignore, shard: options.shard, onProgress: progress.update });
      progress.clear();
      const text = await report(result.files, options, colorLevel);
      (options.reporter === 'pretty' ? io.stderr : io.stdout).write(text);
      if (options.verbose) for (const roundup of result.roundups) io.stderr.write(`Checked ${roundup.dir}\n`);
      io.stderr.write(`${summaryLine({ ...result.summary, written: 0 }).replace(/: 0 files written, \d+ unchanged,/, ' checked:')}\n`);
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
      const { lookupCredentials, formatCredentials } = await import('./commands/credentials.js');
      const lookups = lookupCredentials(abbreviations);
      io.stdout.write(options.json ? `${JSON.stringify(lookups, null, 2)}\n` : formatCredentials(lookups));
      code = lookups.some((lookup) => lookup.entries.length === 0) ? 1 : 0;
    });

  program
    .command('init')
    .description('create a roundup folder: question.yaml with every field explained, and an example expert')
    .argument('[folder]', 'where to create it', 'my-roundup')
    .addHelpText('after', `
Examples:
  $ roundup init my-roundup
  $ roundup init content/2026/first-session`)
    .action(async (folder: string) => {
      const { initRoundup } = await import('./commands/scaffold.js');
      const created = await initRoundup(folder, { cwd });
      io.stdout.write(`Created ${created.files.join(', ')}\n\nNext:\n  roundup new expert ${folder} "Jane Doe" --credentials "LCSW" --location "Austin, Texas"\n  (write the answer in the file it creates, then delete the example expert)\n  roundup check ${folder}\n  roundup preview ${folder}\n  roundup build ${folder} --format html,json,text\n`);
    });

  program
    .command('new')
    .description('add an expert to a roundup, checked before it is written')
    .addArgument(new Argument('<kind>', 'what to add').choices(['expert']))
    .argument('<roundup>', 'the roundup folder')
    .argument('[name]', 'the expert\'s full name, as printed')
    .option('--credentials <list>', 'post-nominals, comma-separated, such as "LCSW, PhD"')
    .option('--role <role>', 'the role line, such as "Licensed counselor"')
    .option('--location <place>', '"City, Region", such as "Austin, Texas"')
    .option('-i, --interactive', 'ask for each field (on a terminal)')
    .addHelpText('after', `
Examples:
  $ roundup new expert my-roundup "Jane Doe" --credentials "LCSW" --location "Austin, Texas"
  $ roundup new expert my-roundup --interactive`)
    .action(async (_kind: string, folder: string, name: string | undefined, options: { credentials?: string; role?: string; location?: string; interactive?: boolean }) => {
      const { newExpert } = await import('./commands/scaffold.js');
      const fields = { name: name ?? '', credentials: options.credentials, role: options.role, location: options.location };
      if (options.interactive) Object.assign(fields, await ask(io, fields));
      if (!fields.name) throw Object.assign(new Error('the expert\'s name is required: roundup new expert <roundup> "Full Name"'), { name: 'UsageError' });
      const created = await newExpert(folder, fields, { cwd });
      for (const problem of created.problems) io.stderr.write(`${problem.severity}: ${problem.message}\n`);
      if (created.files.length === 0) {
        io.stderr.write('Nothing written: fix the error above and run the command again.\n');
        code = 1;
        return;
      }
      io.stdout.write(`Created ${created.files.join(', ')}: write the answer below its front matter.\n`);
    });

  program
    .command('preview')
    .description('serve a roundup on localhost and reload the page whenever its files change')
    .argument('<roundup>', 'the roundup folder')
    .option('-p, --port <port>', 'port to listen on (0 for any free port)', parsePort, 4321)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addHelpText('after', `
Examples:
  $ roundup preview my-roundup
  $ roundup preview my-roundup --port 8080`)
    .action(async (folder: string, options: { port: number; host: string }) => {
      const { startPreview } = await import('./commands/preview.js');
      const { reportPretty } = await import('./report/pretty.js');
      const preview = await startPreview(folder, {
        cwd, port: options.port, host: options.host,
        onBuild: (result) => io.stderr.write(`${reportPretty(result.files, { colorLevel })}${summaryLine(result.summary)}\n`),
      });
      io.stdout.write(`Preview at ${preview.url} (Ctrl-C to stop)\n`);
      await (io.until ?? new Promise<void>(() => {}));
      await preview.close();
    });

  program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'your shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', `
Examples:
  $ eval "$(roundup completion bash)"      # in ~/.bashrc
  $ eval "$(roundup completion zsh)"       # in ~/.zshrc
  $ roundup completion fish > ~/.config/fish/completions/roundup.fish`)
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { completionScript } = await import('./cli/completion.js');
      io.stdout.write(completionScript(shell));
    });

  program
    .command('merge-reports')
    .description('combine JSON reports (such as one per CI shard) into one, and fail if it holds errors')
    .argument('<reports...>', 'files written by --reporter json')
    .option('--strict', 'fail on warnings too')
    .addHelpText('after', `
Examples:
  $ roundup merge-reports shard-*.json > report.json`)
    .action(async (reports: string[], options: { strict?: boolean }) => {
      const { mergeReports } = await import('./commands/merge-reports.js');
      const merged = await mergeReports(reports, cwd);
      io.stdout.write(`${JSON.stringify(merged, null, 2)}\n`);
      code = merged.some((entry) => entry.severity === 'error' || (options.strict && entry.severity === 'warning')) ? 1 : 0;
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
2 bad usage, a broken config file or an internal failure.

Run roundup help <command> for a command's options and examples.`);

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
  verbose?: boolean;
  config?: string;
  maxWords?: number;
  ignore: string[];
  shard?: { index: number; count: number };
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
  jobs?: number;
  cache: boolean;
  cacheDir?: string;
  watch?: boolean;
}

function outcome(result: BuildResult): number {
  const internal = result.files.some((file) => file.messages.some((message) => message.ruleId === 'internal-error'));
  return internal ? 2 : result.code;
}

async function report(files: VFile[], options: CheckFlags, colorLevel: 0 | 1): Promise<string> {
  if (options.reporter === 'json') return (await import('./report/json.js')).reportJson(files, options);
  if (options.reporter === 'github') return (await import('./report/github.js')).reportGithub(files, options);
  return (await import('./report/pretty.js')).reportPretty(files, { colorLevel, quiet: options.quiet });
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
