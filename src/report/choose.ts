import type { Reporter } from './messages.js';

export type ReporterName = 'pretty' | 'json' | 'github' | 'sarif';

export interface ReportOptions {
  reporter: ReporterName;
  quiet?: boolean;
  colorLevel?: 0 | 1;
  /** The folder file paths are relative to (SARIF URIs are relative to it). */
  cwd?: string;
}

/** The named reporter, to feed findings as a run settles them; each reporter is loaded only when chosen. */
export async function createReporter(options: ReportOptions): Promise<Reporter> {
  if (options.reporter === 'json') return (await import('./json.js')).jsonReporter(options);
  if (options.reporter === 'github') return (await import('./github.js')).githubReporter(options);
  if (options.reporter === 'sarif') return (await import('./sarif.js')).sarifReporter(options);
  return (await import('./pretty.js')).prettyReporter({ colorLevel: options.colorLevel, quiet: options.quiet });
}
