import type { ReporterName } from '../report/choose.js';
import { visible } from '../util/visible.js';
import type { CommandContext } from './io.js';
import { findingsOutput } from './findings-output.js';
import { maxWarningsLine, progressBar, summaryLine } from './terminal.js';
import { fixDiff, fixSummary } from './fix-output.js';
import { UsageError } from '../util/errors.js';

export interface CheckFlags {
  reporter: ReporterName;
  verbose?: boolean;
  config?: string;
  maxWords?: number;
  ignore: string[];
  reportUnusedIgnores?: boolean;
  shard?: { index: number; count: number };
  strict?: boolean;
  maxWarnings?: number;
  quiet?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
}

/** `roundup check`: report what the roundups under `paths` get wrong; write nothing. */
export async function checkCommand(paths: string[], flags: CheckFlags, context: CommandContext): Promise<number> {
  const { io, cwd, env, workerUrl } = context;
  if (flags.fixDryRun && (flags.reporter === 'json' || flags.reporter === 'sarif'))
    throw new UsageError(
      `--fix-dry-run writes its diff to standard output, where --reporter ${flags.reporter} writes too: use one or the other`,
    );
  const { check } = await import('../engine/run.js');
  const progress = progressBar(io.stderr, env, io.now);
  const output = await findingsOutput(flags, context, {
    stream: flags.reporter === 'pretty' ? 'stderr' : 'stdout',
    summaryTitle: 'roundup check',
    clearProgress: progress.clear,
    // The diff comes first on standard output.
    defer: Boolean(flags.fixDryRun),
  });
  const result = await check({
    paths,
    cwd,
    config: flags.config,
    strict: flags.strict,
    maxWarnings: flags.maxWarnings,
    maxWords: flags.maxWords,
    ignore: flags.ignore,
    reportUnusedIgnores: flags.reportUnusedIgnores,
    shard: flags.shard,
    fix: flags.fixDryRun ? 'dry-run' : flags.fix,
    onProgress: progress.update,
    onFindings: output.onFindings,
    // A check of 2,000 roundups or more starts the worker pool too: without the bundled worker it crashed.
    workerUrl,
  });
  progress.clear();
  for (const warning of result.warnings) io.stderr.write(`roundup: ${visible(warning)}\n`);
  const fixed = result.roundups.flatMap((roundup) => roundup.fixed);
  if (flags.fixDryRun) io.stdout.write(fixDiff(fixed));
  await output.end();
  if (flags.verbose) for (const roundup of result.roundups) io.stderr.write(`Checked ${visible(roundup.dir)}\n`);
  if (flags.fix || flags.fixDryRun) io.stderr.write(`${fixSummary(fixed, Boolean(flags.fixDryRun))}\n`);
  if (flags.verbose) for (const { file, reason } of result.skipped) io.stderr.write(`Skipped ${visible(file)}: ${reason}\n`);
  io.stderr.write(`${summaryLine({ ...result.summary, written: 0 }).replace(/: 0 files written, \d+ unchanged,/, ' checked:')}\n`);
  io.stderr.write(maxWarningsLine(result.summary.warnings, flags.maxWarnings));
  return result.code;
}
