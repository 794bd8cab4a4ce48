import type { ReporterName } from '../report/choose.js';
import { visible } from '../util/visible.js';
import type { CommandContext } from './io.js';
import { progressBar, summaryLine } from './terminal.js';

export interface CheckFlags {
  reporter: ReporterName;
  verbose?: boolean;
  config?: string;
  maxWords?: number;
  ignore: string[];
  reportUnusedIgnores?: boolean;
  shard?: { index: number; count: number };
  strict?: boolean;
  quiet?: boolean;
}

/** `roundup check`: report what the roundups under `paths` get wrong; write nothing. */
export async function checkCommand(paths: string[], flags: CheckFlags, { io, cwd, env, colorLevel }: CommandContext): Promise<number> {
  const [{ check }, { reportFindings }] = await Promise.all([import('../engine/run.js'), import('../report/choose.js')]);
  const progress = progressBar(io.stderr, env, io.now);
  const result = await check({
    paths,
    cwd,
    config: flags.config,
    strict: flags.strict,
    maxWords: flags.maxWords,
    ignore: flags.ignore,
    reportUnusedIgnores: flags.reportUnusedIgnores,
    shard: flags.shard,
    onProgress: progress.update,
  });
  progress.clear();
  for (const warning of result.warnings) io.stderr.write(`roundup: ${visible(warning)}\n`);
  const text = await reportFindings(result.files, { ...flags, colorLevel });
  (flags.reporter === 'pretty' ? io.stderr : io.stdout).write(text);
  if (flags.verbose) for (const roundup of result.roundups) io.stderr.write(`Checked ${visible(roundup.dir)}\n`);
  if (flags.verbose) for (const { file, reason } of result.skipped) io.stderr.write(`Skipped ${visible(file)}: ${reason}\n`);
  io.stderr.write(`${summaryLine({ ...result.summary, written: 0 }).replace(/: 0 files written, \d+ unchanged,/, ' checked:')}\n`);
  return result.code;
}
