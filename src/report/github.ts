import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { severityOf, type Severity } from '../util/diagnostics.js';
import { sortMessages } from './messages.js';

/** GitHub shows at most this many annotations of each kind per step and drops the rest silently. */
export const GITHUB_ANNOTATION_LIMIT = 10;

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escape as @actions/core does: a message or file name can never end the command or start another. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands, one per diagnostic, up to GitHub's limit
 * per kind; the rest as plain lines, with a notice saying how many.
 */
export function reportGithub(files: readonly VFile[], options: { quiet?: boolean } = {}): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const lines: string[] = [];
  const dropped: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const file of files) {
    for (const message of sortMessages(file, options)) {
      const severity = severityOf(message);
      if (++counts[severity] <= GITHUB_ANNOTATION_LIMIT) {
        lines.push(annotation(file, message, severity));
      } else {
        dropped[severity]++;
        lines.push(
          `${file.path}:${message.line ?? 1}:${message.column ?? 1}: ${severity}: ${escapeData(message.reason)} [${message.ruleId}]`,
        );
      }
    }
  }
  const left = (Object.keys(dropped) as Severity[])
    .filter((severity) => dropped[severity] > 0)
    .map((severity) => `${dropped[severity]} ${severity === 'info' ? 'infos' : `${severity}s`}`);
  if (left.length > 0) {
    lines.push(
      `::notice title=roundup::${left.join(', ')} not annotated: GitHub shows ${GITHUB_ANNOTATION_LIMIT} of each kind per step. They are listed in this log.`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function annotation(file: VFile, message: VFileMessage, severity: Severity): string {
  const place = message.place && 'start' in message.place ? message.place : undefined;
  const properties = [
    `file=${escapeProperty(file.path)}`,
    `line=${message.line ?? 1}`,
    `col=${message.column ?? 1}`,
    ...(place ? [`endLine=${place.end.line}`, `endColumn=${place.end.column}`] : []),
    `title=${escapeProperty(message.ruleId ?? 'roundup')}`,
  ];
  const note = message.note ? ` (fix: ${message.note})` : '';
  return `::${COMMAND[severity]} ${properties.join(',')}::${escapeData(message.reason + note)}`;
}
