import type { Finding, Severity } from '../util/diagnostics.js';
import { type Findings, noCounts, type Reporter, reportAll, shown } from './messages.js';

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
export function reportGithub(input: Findings, options: { quiet?: boolean } = {}): string {
  return reportAll(githubReporter(options), input);
}

export function githubReporter(options: { quiet?: boolean } = {}): Reporter {
  const counts = noCounts();
  const dropped = noCounts();
  return {
    add(findings) {
      let text = '';
      for (const finding of shown(findings, options)) {
        const { severity } = finding;
        if (++counts[severity] <= GITHUB_ANNOTATION_LIMIT) {
          text += `${annotation(finding)}\n`;
        } else {
          dropped[severity]++;
          text += `${finding.file}:${finding.line}:${finding.column}: ${severity}: ${escapeData(finding.reason)} [${finding.ruleId}]\n`;
        }
      }
      return text;
    },
    end() {
      const left = (Object.keys(dropped) as Severity[])
        .filter((severity) => dropped[severity] > 0)
        .map((severity) => `${dropped[severity]} ${severity === 'info' ? 'infos' : `${severity}s`}`);
      return left.length > 0
        ? `::notice title=roundup::${left.join(', ')} not annotated: GitHub shows ${GITHUB_ANNOTATION_LIMIT} of each kind per step. They are listed in this log.\n`
        : '';
    },
  };
}

function annotation(finding: Finding): string {
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    ...(finding.endLine !== undefined ? [`endLine=${finding.endLine}`, `endColumn=${finding.endColumn}`] : []),
    `title=${escapeProperty(finding.ruleId ?? 'roundup')}`,
  ];
  const note = finding.note ? ` (fix: ${finding.note})` : '';
  return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.reason + note)}`;
}
