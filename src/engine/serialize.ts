import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { severityOf, type Edit, type Severity } from '../util/diagnostics.js';

/** A diagnostic as plain data: what crosses from a worker thread, and what the cache keeps. */
interface SerializedMessage {
  reason: string;
  ruleId: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  note?: string;
  expected?: string[];
  actual?: string;
  url?: string;
  edit?: Edit;
}

export interface SerializedFile {
  path: string;
  /** The text, kept only when there are messages (for code frames): memory stays flat on clean content. */
  value?: string;
  messages: SerializedMessage[];
}

export function serializeFile(file: VFile): SerializedFile {
  const messages = file.messages.map((message: VFileMessage): SerializedMessage => {
    const end = message.place && 'end' in message.place ? message.place.end : undefined;
    return {
      reason: message.reason,
      ruleId: message.ruleId ?? 'roundup',
      severity: severityOf(message),
      line: message.line ?? 1,
      column: message.column ?? 1,
      endLine: end?.line ?? message.line ?? 1,
      endColumn: end?.column ?? message.column ?? 1,
      ...(message.note ? { note: message.note } : {}),
      ...(message.expected ? { expected: [...message.expected] } : {}),
      ...(message.actual !== undefined ? { actual: message.actual } : {}),
      ...(message.url ? { url: message.url } : {}),
      ...(message.edit ? { edit: message.edit } : {}),
    };
  });
  return { path: file.path, ...(messages.length > 0 ? { value: String(file.value ?? '') } : {}), messages };
}

export function deserializeFile(serialized: SerializedFile, cwd: string): VFile {
  const file = new VFile({ path: serialized.path, cwd, value: serialized.value ?? '' });
  for (const data of serialized.messages) {
    const message = file.message(data.reason, {
      place: { start: { line: data.line, column: data.column }, end: { line: data.endLine, column: data.endColumn } },
      ruleId: data.ruleId,
      source: 'roundup',
    });
    message.fatal = data.severity === 'error' ? true : data.severity === 'warning' ? false : undefined;
    if (data.note) message.note = data.note;
    if (data.expected) message.expected = data.expected;
    if (data.actual !== undefined) message.actual = data.actual;
    if (data.url) message.url = data.url;
    if (data.edit) message.edit = data.edit;
  }
  return file;
}
