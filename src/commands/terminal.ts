import type { BuildSummary } from '../engine/run.js';
import { tooManyWarnings } from '../util/exit-code.js';
import type { CliIo } from './io.js';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function summaryLine(summary: BuildSummary): string {
  return `${count(summary.roundups, 'roundup')}: ${count(summary.written, 'file')} written, ${summary.unchanged} unchanged, ${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')} in ${summary.seconds.toFixed(2)} s`;
}

/** Why `--max-warnings` failed the run, after the summary; nothing when within it. */
export function maxWarningsLine(warnings: number, maxWarnings: number | undefined): string {
  return tooManyWarnings({ warnings, maxWarnings }) ? `${count(warnings, 'warning')}, more than --max-warnings ${maxWarnings}\n` : '';
}

/**
 * done/total, rate and time left on stderr, for batches that take over a
 * second, and only on a terminal outside CI: a log gets the summary line alone.
 */
export function progressBar(stream: CliIo['stderr'], env: Record<string, string | undefined>, now = () => performance.now()) {
  const started = now();
  let shown = false;
  const enabled = Boolean(stream.isTTY) && !env.CI;
  return {
    update: ({ done, total }: { done: number; total: number }) => {
      const elapsed = (now() - started) / 1000;
      if (!enabled || elapsed < 1 || done === total) return;
      const rate = done / elapsed;
      const width = 24;
      const filled = Math.round((done / total) * width);
      stream.write(
        `\r[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} roundups · ${rate.toFixed(0)}/s · ${Math.ceil((total - done) / rate)} s left `,
      );
      shown = true;
    },
    clear: () => {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
