import { VFile } from 'vfile';
import type { Finding } from '../util/diagnostics.js';

/**
 * Findings back as files with messages, for `BuildResult.files` (the API
 * before findings were reported compactly). The files hold no text: code
 * frames come from each finding's `source`.
 */
export function filesOf(findings: readonly Finding[], cwd: string): VFile[] {
  const files: VFile[] = [];
  for (const data of findings) {
    let file = files.at(-1);
    if (file?.path !== data.file) files.push((file = new VFile({ path: data.file, cwd })));
    const end = data.endLine === undefined ? {} : { end: { line: data.endLine, column: data.endColumn ?? data.column } };
    const message = file.message(data.reason, {
      place: { start: { line: data.line, column: data.column }, ...end } as never,
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
  return files;
}
