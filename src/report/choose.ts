import type { VFile } from 'vfile';

export type ReporterName = 'pretty' | 'json' | 'github' | 'sarif';

export interface ReportOptions {
  reporter: ReporterName;
  quiet?: boolean;
  colorLevel?: 0 | 1;
  /** The folder file paths are relative to (SARIF URIs are relative to it). */
  cwd?: string;
}

/** The named reporter's text for these files; each reporter is loaded only when chosen. */
export async function reportFindings(files: readonly VFile[], options: ReportOptions): Promise<string> {
  if (options.reporter === 'json') return (await import('./json.js')).reportJson(files, options);
  if (options.reporter === 'github') return (await import('./github.js')).reportGithub(files, options);
  if (options.reporter === 'sarif') return (await import('./sarif.js')).reportSarif(files, options);
  return (await import('./pretty.js')).reportPretty(files, { colorLevel: options.colorLevel, quiet: options.quiet });
}
