import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { visible } from '../util/visible.js';
import type { CommandContext } from './io.js';

/**
 * In a GitHub Actions step (`$GITHUB_STEP_SUMMARY` set), append the run's
 * Markdown summary to the job's page, whatever the reporter. A summary that
 * cannot be written is a warning: the findings are in the log all the same.
 */
export async function appendStepSummary(
  files: readonly VFile[],
  options: { title: string; quiet?: boolean },
  { io, cwd, env }: CommandContext,
): Promise<void> {
  const target = env.GITHUB_STEP_SUMMARY;
  if (!target) return;
  const { summaryMarkdown } = await import('../report/summary.js');
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  const links =
    server && repository && sha ? { root: env.GITHUB_WORKSPACE || cwd, base: `${server}/${repository}/blob/${sha}/` } : undefined;
  try {
    await appendFile(path.resolve(cwd, target), summaryMarkdown(files, { ...options, cwd, links }));
  } catch (error) {
    io.stderr.write(
      `roundup: warning: cannot append the summary to $GITHUB_STEP_SUMMARY (${visible(target)}): ${visible((error as Error).message)}\n`,
    );
  }
}
