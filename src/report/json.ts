import type { Edit, Finding } from '../util/diagnostics.js';
import { type Findings, type Reporter, reportAll, shown } from './messages.js';

/** One finding in `--reporter json`: what CI tools and `merge-reports` read. */
export interface ReportEntry {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  ruleId: string | null;
  message: string;
  fix: string | null;
  expected: string[];
  /** The one replacement `--fix` would apply: offsets into the file's text (BOM removed, line endings `\n`). */
  edit: Edit | null;
  url: string | null;
}

/** Every diagnostic as data, one object each, in a fixed key order. */
export function reportJson(input: Findings, options: { quiet?: boolean } = {}): string {
  return reportAll(jsonReporter(options), input);
}

/**
 * The JSON reporter, printing each entry as it comes: the text is the one
 * array `JSON.stringify(entries, null, 2)` would make, without ever holding
 * all the entries.
 */
export function jsonReporter(options: { quiet?: boolean } = {}): Reporter {
  let first = true;
  return {
    add(findings) {
      let text = '';
      for (const finding of shown(findings, options)) {
        text += `${first ? '[\n' : ',\n'}  ${JSON.stringify(entry(finding), null, 2).replaceAll('\n', '\n  ')}`;
        first = false;
      }
      return text;
    },
    end: () => (first ? '[]\n' : '\n]\n'),
  };
}

const entry = (finding: Finding): ReportEntry => ({
  file: finding.file,
  line: finding.line,
  column: finding.column,
  endLine: finding.endLine ?? finding.line,
  endColumn: finding.endColumn ?? finding.column,
  severity: finding.severity,
  ruleId: finding.ruleId ?? null,
  message: finding.reason,
  fix: finding.note ?? null,
  expected: finding.expected ?? [],
  edit: finding.edit ?? null,
  url: finding.url ?? null,
});
