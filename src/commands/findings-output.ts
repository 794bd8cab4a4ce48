import type { ReporterName } from '../report/choose.js';
import type { Finding } from '../util/diagnostics.js';
import type { CommandContext } from './io.js';
import { stepSummaryFor } from './step-summary.js';

/**
 * Where a run's findings go as each roundup settles: the chosen reporter's
 * text to `stream` (the progress bar cleared first), and the step summary on
 * GitHub Actions. `defer` holds the text until `end` (for output that must
 * come first, such as a `--fix-dry-run` diff).
 */
export async function findingsOutput(
  flags: { reporter: ReporterName; quiet?: boolean },
  context: CommandContext,
  options: { stream: 'stdout' | 'stderr'; summaryTitle?: string; clearProgress: () => void; defer?: boolean },
) {
  const { createReporter } = await import('../report/choose.js');
  const reporter = await createReporter({ ...flags, colorLevel: context.colorLevel, cwd: context.cwd });
  const summary = options.summaryTitle ? await stepSummaryFor({ title: options.summaryTitle, quiet: flags.quiet }, context) : undefined;
  const held: string[] = [];
  const write = (text: string) => {
    if (!text) return;
    if (options.defer) held.push(text);
    else {
      if (options.stream === 'stderr') options.clearProgress();
      context.io[options.stream].write(text);
    }
  };
  return {
    onFindings(findings: readonly Finding[]) {
      summary?.add(findings);
      write(reporter.add(findings));
    },
    /** The reporter's last text (all of it, when deferred), then the step summary. */
    async end() {
      const text = held.join('') + reporter.end();
      if (text) context.io[options.stream].write(text);
      await summary?.append();
    },
  };
}
