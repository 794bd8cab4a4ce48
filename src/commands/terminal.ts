import type { BuildSummary } from '../engine/run.js';
import type { CliIo } from './io.js';

export function summaryLine(summary: BuildSummary): string {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return `${count(summary.roundups, 'roundup')}: ${count(summary.written, 'file')} written, ${summary.unchanged} unchanged, ${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')} in ${summary.seconds.toFixed(2)} s`;
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
    },
  };
}
