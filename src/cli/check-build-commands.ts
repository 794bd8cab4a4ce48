import { type Command, Option } from 'commander';
import { buildCommand, type BuildFlags } from '../commands/build.js';
import { checkCommand, type CheckFlags } from '../commands/check.js';
import type { CommandContext } from '../commands/io.js';
import {
  collect,
  collectFormats,
  FORMAT_NAMES,
  parseCount,
  parsePositive,
  parseShard,
  parseStylesheet,
  parseWidth,
  reporterOption,
} from './options.js';

const PATHS = 'roundup folders, folders to search, or input files (question.yaml, experts/*.md)';

/** The options `build` and `check` share: what to read, and how findings are reported and counted. */
function addFindingOptions(command: Command, verbose: string): Command {
  return command
    .option('-c, --config <file>', 'use this config file instead of the nearest roundup.config.yaml')
    .option('--ignore <glob>', 'skip folders matching this glob (repeatable; .roundupignore adds its own)', collect, [])
    .option('--report-unused-ignores', 'warn about # roundup-ignore comments that suppress nothing')
    .addOption(reporterOption())
    .option('--strict', 'fail on warnings too')
    .option('--max-warnings <n>', 'fail when there are more than n warnings', parseCount)
    .option('--quiet', 'report errors only')
    .option('--verbose', verbose);
}

export function defineBuild(program: Command, context: CommandContext, setCode: (code: number) => void): void {
  const build = program
    .command('build')
    .description('check roundups and write their articles')
    .argument('<paths...>', PATHS)
    .option('-f, --format <formats>', `output formats, comma-separated or repeated: ${FORMAT_NAMES.join(', ')}`, collectFormats, [])
    .option('-o, --out <dir>', "output folder, or - to print one roundup's one format", 'dist')
    .option('--width <columns>', 'wrap text output at this width, 0 for none', parseWidth, 72)
    .option('--fragment', 'html: write the <article> alone, for embedding in a CMS page')
    .option('--stylesheet <url>', 'html: link this stylesheet instead of inlining the built-in one', parseStylesheet)
    .option('--no-smartypants', 'keep straight quotes, double hyphens and three dots as written')
    .addOption(
      new Option('--condense <mode>', 'over-budget answers: warn (report them) or apply (cut to whole sentences)')
        .choices(['warn', 'apply'])
        .default('warn'),
    )
    .option('--max-words <n>', "word budget per answer (an expert's own maxWords wins)", parsePositive)
    .option('--shard <i/n>', 'build only the i-th of n deterministic shares of the roundups', parseShard)
    .option('-j, --jobs <n>', 'threads (default: one per core; worker threads start from three, for large batches only)', parsePositive)
    .option('--no-cache', 'rebuild every roundup, even unchanged ones')
    .option('--clean', 'remove outputs that no roundup accounts for any more (only files roundup wrote)')
    .option('--cache-dir <dir>', 'where the incremental cache lives (default node_modules/.cache/roundup)')
    .option('-w, --watch', 'rebuild what changed whenever an input file changes');
  addFindingOptions(build, 'list every file written and every roundup left unchanged')
    .addHelpText(
      'after',
      `
Examples:
  $ roundup build examples/therapists-cry
  $ roundup build examples/therapists-cry --format html,json,text --out public
  $ roundup build examples/therapists-cry --format text --width 60 --out -
  $ roundup build examples/therapists-cry --condense apply --max-words 120 --format json
  $ roundup build examples/therapists-cry --fragment --stylesheet /css/site.css
  $ roundup build content/ --format html,json --out public --shard 1/4 --reporter json > shard-1.json
  $ roundup build content/ --watch`,
    )
    .action(async (paths: string[], flags: BuildFlags) => {
      setCode(await buildCommand(paths, flags, context));
    });
}

export function defineCheck(program: Command, context: CommandContext, setCode: (code: number) => void): void {
  const check = program
    .command('check')
    .description('check roundups; write nothing, or only the fixes with --fix')
    .argument('<paths...>', PATHS)
    .option('--max-words <n>', "word budget per answer, for answer-length (an expert's own maxWords wins)", parsePositive)
    .option('--shard <i/n>', 'check only the i-th of n deterministic shares of the roundups', parseShard)
    .option('--fix', 'apply every fix that has exactly one replacement to the input files, then report what is left')
    .addOption(new Option('--fix-dry-run', 'print the fixes --fix would make as a unified diff; change nothing').conflicts('fix'));
  addFindingOptions(check, 'list every roundup checked')
    .addHelpText(
      'after',
      `
Examples:
  $ roundup check examples/therapists-cry
  $ roundup check content/ --fix                          # apply the fixes that have one replacement
  $ roundup check content/ --fix-dry-run > fixes.diff      # or only show them
  $ roundup check examples/therapists-cry/experts/natalie-moore.md   # that file's findings (lint-staged, pre-commit)
  $ roundup check content/ --reporter json > report.json
  $ roundup check content/ --reporter github --strict     # in a GitHub Actions step
  $ roundup check content/ --reporter sarif > roundup.sarif   # for code scanning`,
    )
    .action(async (paths: string[], flags: CheckFlags) => {
      setCode(await checkCommand(paths, flags, context));
    });
}
