import type { BuildResult, Format } from '../engine/run.js';
import { UsageError } from '../util/errors.js';
import { visible } from '../util/visible.js';
import type { CheckFlags } from './check.js';
import type { CommandContext } from './io.js';
import { findingsOutput } from './findings-output.js';
import { maxWarningsLine, progressBar, summaryLine } from './terminal.js';

export interface BuildFlags extends CheckFlags {
  format: string[];
  out: string;
  width: number;
  fragment?: boolean;
  stylesheet?: string;
  smartypants: boolean;
  condense: 'warn' | 'apply';
  jobs?: number;
  cache: boolean;
  clean?: boolean;
  cacheDir?: string;
  watch?: boolean;
}

/**
 * `roundup build`: check and write the roundups under `paths`, or print one
 * roundup's one format (`--out -`); with `--watch`, again on every change.
 */
export async function buildCommand(paths: string[], flags: BuildFlags, context: CommandContext): Promise<number> {
  const toStdout = flags.out === '-';
  const formats = (flags.format.length ? flags.format : ['html']) as Format[];
  if (toStdout && formats.length !== 1) throw new UsageError('--out - prints a single format; pick one with --format');
  if (toStdout && flags.watch) throw new UsageError('--watch writes files; it cannot print to --out -');
  if (toStdout) {
    // Said before any work: printing needs one roundup.
    const { discoverRoundups } = await import('../engine/discover.js');
    const found = await discoverRoundups(paths, { cwd: context.cwd, ignore: flags.ignore });
    if (found.length > 1) throw new UsageError(`--out - prints a single roundup; ${found.length} were found`);
  }
  const once = () => buildOnce(paths, flags, formats, context);
  let code = await once();
  if (!flags.watch) return code;

  const { io, cwd } = context;
  const { watchFiles } = await import('../engine/watch.js');
  let queue = Promise.resolve();
  const onGone = (given: string) => io.stderr.write(`roundup: ${visible(given)} is gone; waiting for it to come back (Ctrl-C to stop)…\n`);
  const ignore = [flags.cacheDir ?? 'node_modules/.cache'];
  const stop = watchFiles(paths, { cwd, outDir: flags.out, ignore, onGone }, () => {
    queue = queue.then(async () => {
      code = await once().catch((error: Error) => (io.stderr.write(`roundup: ${visible(error.message)}\n`), 2));
    });
  });
  // Said once the watcher is in place: a change made right after this line is seen.
  io.stderr.write('Watching for changes (Ctrl-C to stop)…\n');
  await (io.until ?? new Promise<void>(() => {}));
  stop();
  await queue;
  return code;
}

async function buildOnce(paths: string[], flags: BuildFlags, formats: Format[], context: CommandContext): Promise<number> {
  const { io, cwd, env, workerUrl } = context;
  const { build } = await import('../engine/run.js');
  const toStdout = flags.out === '-';
  const progress = progressBar(io.stderr, env, io.now);
  const output = await findingsOutput(flags, context, {
    stream: flags.reporter === 'pretty' || toStdout ? 'stderr' : 'stdout',
    // Once per command: a watch session would add a summary per rebuild.
    summaryTitle: flags.watch ? undefined : 'roundup build',
    clearProgress: progress.clear,
    // `--out -` prints one roundup, and refuses more before reporting anything.
    defer: toStdout,
  });
  const result = await build({
    paths,
    cwd,
    formats,
    config: flags.config,
    outDir: toStdout ? undefined : flags.out,
    write: !toStdout,
    width: flags.width,
    strict: flags.strict,
    maxWarnings: flags.maxWarnings,
    fragment: flags.fragment,
    stylesheet: flags.stylesheet,
    smartypants: flags.smartypants,
    condense: flags.condense,
    maxWords: flags.maxWords,
    ignore: flags.ignore,
    reportUnusedIgnores: flags.reportUnusedIgnores,
    shard: flags.shard,
    jobs: flags.jobs,
    cache: flags.cache,
    clean: flags.clean,
    cacheDir: flags.cacheDir,
    workerUrl,
    onProgress: progress.update,
    onFindings: output.onFindings,
  });
  progress.clear();
  if (toStdout && result.roundups.length > 1) throw new UsageError(`--out - prints a single roundup; ${result.roundups.length} were found`);
  for (const warning of result.warnings) io.stderr.write(`roundup: ${visible(warning)}\n`);
  await output.end();
  reportOutputs(result, flags, io);
  for (const file of result.removed) io.stderr.write(`Removed ${visible(file)}\n`);
  if (result.failure) io.stderr.write(`roundup: ${visible(result.failure)}\n`);
  if (flags.verbose) for (const { file, reason } of result.skipped) io.stderr.write(`Skipped ${visible(file)}: ${reason}\n`);
  if (!toStdout) io.stderr.write(`${summaryLine(result.summary)}\n`);
  io.stderr.write(maxWarningsLine(result.summary.warnings, flags.maxWarnings));
  return result.code;
}

/** What each roundup produced: condensed answers, and the files written (or the output itself with `--out -`). */
function reportOutputs(result: BuildResult, flags: BuildFlags, io: CommandContext['io']): void {
  const toStdout = flags.out === '-';
  for (const roundup of result.roundups) {
    for (const answer of roundup.condensed)
      io.stderr.write(`Condensed ${visible(answer.name)} (${visible(roundup.dir)}): ${answer.originalWords} → ${answer.words} words\n`);
    if (toStdout) for (const output of roundup.outputs) io.stdout.write(output.contents);
    else if (roundup.unchanged && flags.verbose) io.stderr.write(`Unchanged ${visible(roundup.dir)}\n`);
    else if (roundup.written.length > 0 && !roundup.unchanged && (result.roundups.length === 1 || flags.verbose))
      io.stderr.write(`Wrote ${roundup.written.map(visible).join(', ')}\n`);
  }
}
