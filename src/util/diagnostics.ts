import { pathToFileURL } from 'node:url';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { compareMessage } from 'vfile-sort';
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
  const place = diagnostic.span ? spanToPosition(file, diagnostic.span) : { line: 1, column: 1 };
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
  const place = span ? spanToPosition(file, span) : undefined;
  const related = new VFileMessage('The related place', { place, source: 'roundup' });
  related.file = file.path;
  return related;
}

/*
 * One line index per file's text, however many messages it gets: building one
 * per message made a file with many findings quadratic. Keyed by the file and
 * checked against its text, so a file whose text is replaced gets a new one.
 */
const indexes = new WeakMap<VFile, { text: string; place: ReturnType<typeof location>; lineStarts?: number[] }>();

function indexOf(file: VFile) {
  const text = String(file.value ?? '');
  let index = indexes.get(file);
  if (index?.text !== text) indexes.set(file, (index = { text, place: location(text) }));
  return index;
}

function spanToPosition(file: VFile, span: Span) {
  const { text, place } = indexOf(file);
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

/**
 * A finding as reporters need it and no more: where, what, how to fix, and
 * the one source line its code frame shows. What a run keeps, streams and
 * caches instead of the file, so memory follows the findings, not the files.
 */
export interface Finding {
  /** The file's path as the run names it (relative to its `cwd`). */
  file: string;
  line: number;
  column: number;
  /** Absent when the finding is at a point rather than a span. */
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  ruleId?: string;
  reason: string;
  /** How to fix it, in words. */
  note?: string;
  expected?: string[];
  actual?: string;
  url?: string;
  edit?: Edit;
  /** The text of line `line` (without its line ending), for a code frame; absent when the file has no such line. */
  source?: string;
}

/**
 * A file's messages as findings, in reading order (vfile-sort's: line,
 * column, errors first, then rule and reason). Every finding gets an end
 * (its start when the message has none) when `spans` is set, as the engine
 * reports them.
 */
export function findingsOf(file: VFile, options: { spans?: boolean } = {}): Finding[] {
  if (file.messages.length === 0) return [];
  const text = file.value === undefined || file.value === null ? '' : String(file.value);
  return [...file.messages].sort(compareMessage).map((message): Finding => {
    const line = message.line ?? 1;
    const column = message.column ?? 1;
    const end = message.place && 'end' in message.place ? message.place.end : options.spans ? { line, column } : undefined;
    const source = text ? sourceLine(file, options.spans ? line : (message.line ?? undefined)) : undefined;
    return {
      file: file.path,
      line,
      column,
      ...(end ? { endLine: end.line, endColumn: end.column } : {}),
      severity: severityOf(message),
      ...(message.ruleId !== undefined || options.spans ? { ruleId: message.ruleId ?? 'roundup' } : {}),
      reason: message.reason,
      ...(message.note ? { note: message.note } : {}),
      ...(message.expected ? { expected: [...message.expected] } : {}),
      ...(message.actual !== undefined ? { actual: message.actual } : {}),
      ...(message.url ? { url: message.url } : {}),
      ...(message.edit ? { edit: message.edit } : {}),
      ...(source !== undefined ? { source } : {}),
    };
  });
}

/** Line `line` (1-based) of the file's text, split on `\n` only, from the file's one index of line starts. */
function sourceLine(file: VFile, line: number | undefined): string | undefined {
  if (line === undefined || line < 1) return undefined;
  const index = indexOf(file);
  if (!index.lineStarts) {
    index.lineStarts = [0];
    for (let at = index.text.indexOf('\n'); at !== -1; at = index.text.indexOf('\n', at + 1)) index.lineStarts.push(at + 1);
  }
  const start = index.lineStarts[line - 1];
  if (start === undefined) return undefined;
  const next = index.lineStarts[line];
  return index.text.slice(start, next === undefined ? undefined : next - 1);
}
