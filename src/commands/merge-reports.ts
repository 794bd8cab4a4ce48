import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportEntry } from '../report/json.js';
import { UsageError } from '../util/errors.js';
import { exitCodeFor } from '../util/exit-code.js';
import type { CommandContext } from './io.js';

/** Combine `--reporter json` reports into one, in file and position order, without duplicates. */
async function mergeReports(files: readonly string[], cwd: string): Promise<ReportEntry[]> {
  const entries: ReportEntry[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(path.resolve(cwd, file), 'utf8'));
    } catch (error) {
      throw new UsageError(`${file}: not a JSON report (${(error as Error).message})`);
    }
    if (!Array.isArray(data)) throw new UsageError(`${file}: expected the JSON array that --reporter json writes`);
    entries.push(...(data as ReportEntry[]));
  }
  const seen = new Set<string>();
  return entries
    .filter((entry) => {
      const key = JSON.stringify(entry);
      return !seen.has(key) && seen.add(key);
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

/** `roundup merge-reports`: print the merged report; fail as `check` would have on the whole tree. */
export async function mergeReportsCommand(
  reports: readonly string[],
  flags: { strict?: boolean },
  { io, cwd }: CommandContext,
): Promise<number> {
  const merged = await mergeReports(reports, cwd);
  io.stdout.write(`${JSON.stringify(merged, null, 2)}\n`);
  const count = (severity: ReportEntry['severity']) => merged.filter((entry) => entry.severity === severity).length;
  return exitCodeFor({ errors: count('error'), warnings: count('warning'), strict: flags.strict });
}
