import type { VFile } from 'vfile';
import { severityOf, type Edit } from '../util/diagnostics.js';
import { sortMessages } from './messages.js';

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
export function reportJson(files: readonly VFile[], options: { quiet?: boolean } = {}): string {
  const records = files.flatMap((file) =>
    sortMessages(file, options).map(
      (message): ReportEntry => ({
        file: file.path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        endLine: message.place && 'end' in message.place ? message.place.end.line : (message.line ?? 1),
        endColumn: message.place && 'end' in message.place ? message.place.end.column : (message.column ?? 1),
        severity: severityOf(message),
        ruleId: message.ruleId ?? null,
        message: message.reason,
        fix: message.note ?? null,
        expected: message.expected ?? [],
        edit: message.edit ?? null,
        url: message.url ?? null,
      }),
    ),
  );
  return `${JSON.stringify(records, null, 2)}\n`;
}
