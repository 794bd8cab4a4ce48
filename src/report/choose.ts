import type { VFile } from 'vfile';

export type ReporterName = 'pretty' | 'json' | 'github';

export interface ReportOptions {
  reporter: ReporterName;
  quiet?: boolean;
  colorLevel?: 0 | 1;
}

/** The named reporter's text for these files; each reporter is loaded only when chosen. */
export async function reportFindings(files: readonly VFile[], options: ReportOptions): Promise<string> {
  if (options.reporter === 'json') return (await import('./json.js')).reportJson(files, options);
  if (options.reporter === 'github') return (await import('./github.js')).reportGithub(files, options);
  return (await import('./pretty.js')).reportPretty(files, { colorLevel: options.colorLevel, quiet: options.quiet });
}
