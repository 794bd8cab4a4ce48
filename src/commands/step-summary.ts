import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../util/diagnostics.js';
import { visible } from '../util/visible.js';
import type { CommandContext } from './io.js';

/**
 * In a GitHub Actions step (`$GITHUB_STEP_SUMMARY` set), the run's Markdown
 * summary for the job's page, whatever the reporter: it takes the findings as
 * they come (keeping counts and the first few), and `append` adds it to the
 * page. A summary that cannot be written is a warning: the findings are in
 * the log all the same. Undefined outside GitHub Actions.
 */
export async function stepSummaryFor(
  options: { title: string; quiet?: boolean },
  { io, cwd, env }: CommandContext,
): Promise<{ add: (findings: readonly Finding[]) => void; append: () => Promise<void> } | undefined> {
  const target = env.GITHUB_STEP_SUMMARY;
  if (!target) return undefined;
  const { stepSummary } = await import('../report/summary.js');
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  const links =
    server && repository && sha ? { root: env.GITHUB_WORKSPACE || cwd, base: `${server}/${repository}/blob/${sha}/` } : undefined;
  const summary = stepSummary({ ...options, cwd, links });
  return {
    add: summary.add,
    append: async () => {
      try {
        await appendFile(path.resolve(cwd, target), summary.end());
      } catch (error) {
        io.stderr.write(
          `roundup: warning: cannot append the summary to $GITHUB_STEP_SUMMARY (${visible(target)}): ${visible((error as Error).message)}\n`,
        );
      }
    },
  };
}
