import { pathToFileURL } from 'node:url';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { exitCodeFor } from './exit-code.js';
import { packageFile } from './package-root.js';

export type Severity = 'error' | 'warning' | 'info';

/** A span of the file's text, as offsets into `file.value`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A fix a program can apply: replace the characters in `range` (offsets into
 * the file's text as roundup reads it: BOM removed, line endings `\n`) with
 * `text`. Set only where a finding has exactly one replacement.
 */
export interface Edit {
  range: [number, number];
  text: string;
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** The one replacement that fixes this finding (`roundup check --fix` applies it). */
    edit?: Edit;
  }
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  /** What is wrong: "Unexpected X, expected Y". No position, no "Error:" prefix. */
  reason: string;
  /** Where; the whole file's first character when absent. */
  span?: Span;
  /** How to fix it, in words. */
  note?: string;
  /** The one replacement, when there is exactly one. */
  edit?: Edit;
  /** Values that would be right ("did you mean"), best first. */
  expected?: string[];
  actual?: string;
  /** A related place, such as the other file of a duplicate. */
  cause?: VFileMessage;
}

let rulesDoc: string | undefined;

/**
 * Where a rule is explained: its section of the docs/rules.md that ships with
 * roundup, as a file URL a terminal or editor can open. roundup has no web
 * home to link to; `roundup rules <id>` prints the same section.
 */
export function docsUrl(ruleId: string): string {
  rulesDoc ??= pathToFileURL(packageFile('docs', 'rules.md')).href;
  return `${rulesDoc}#${ruleId}`;
}

/**
 * Add a diagnostic to the file it concerns. This is the one place that turns
 * offsets into line:column and stamps source, url and severity, so no stage
 * sets those by hand.
 */
export function addDiagnostic(file: VFile, diagnostic: Diagnostic): VFileMessage {
  const text = String(file.value ?? '');
  const place = diagnostic.span ? spanToPosition(text, diagnostic.span) : { line: 1, column: 1 };
  const message = file.message(diagnostic.reason, {
    place,
    ruleId: diagnostic.ruleId,
    source: 'roundup',
    cause: diagnostic.cause,
  });
  message.fatal = diagnostic.severity === 'error' ? true : diagnostic.severity === 'warning' ? false : undefined;
  message.url = docsUrl(diagnostic.ruleId);
  if (diagnostic.note) message.note = diagnostic.note;
  if (diagnostic.expected) message.expected = diagnostic.expected;
  if (diagnostic.actual !== undefined) message.actual = diagnostic.actual;
  if (diagnostic.edit) message.edit = diagnostic.edit;
  return message;
}

/**
 * Another file's place that a diagnostic is also about (the first file of a
 * duplicate), for its `cause`: never added to that file's own messages.
 */
export function relatedPlace(file: VFile, span?: Span): VFileMessage {
  const place = span ? spanToPosition(String(file.value ?? ''), span) : undefined;
  const related = new VFileMessage('The related place', { place, source: 'roundup' });
  related.file = file.path;
  return related;
}

function spanToPosition(text: string, span: Span) {
  const place = location(text);
  const start = place.toPoint(Math.min(span.start, text.length));
  const end = place.toPoint(Math.min(Math.max(span.end, span.start), text.length));
  if (!start) return { line: 1, column: 1 };
  return end ? { start, end } : start;
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

export const hasErrors = (files: readonly VFile[]) => files.some((file) => file.messages.some((message) => message.fatal === true));

/** 0: no errors (warnings allowed unless strict); 1: errors. Broken configs and internal failures (2) are the engine's. */
export function exitCode(files: readonly VFile[], options: { strict?: boolean } = {}): 0 | 1 {
  const messages = files.flatMap((file) => file.messages);
  const count = (fatal: boolean) => messages.filter((message) => message.fatal === fatal).length;
  return exitCodeFor({ errors: count(true), warnings: count(false), strict: options.strict }) as 0 | 1;
}
