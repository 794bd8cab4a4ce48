import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface ReportEntry {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  ruleId: string | null;
  message: string;
  [field: string]: unknown;
}

/** Combine `--reporter json` reports into one, in file and position order, without duplicates. */
export async function mergeReports(files: readonly string[], cwd: string): Promise<ReportEntry[]> {
  const entries: ReportEntry[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(path.resolve(cwd, file), 'utf8'));
    } catch (error) {
      throw Object.assign(new Error(`${file}: not a JSON report (${(error as Error).message})`), { name: 'UsageError' });
    }
    if (!Array.isArray(data)) throw Object.assign(new Error(`${file}: expected the JSON array that --reporter json writes`), { name: 'UsageError' });
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
