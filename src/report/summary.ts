import path from 'node:path';
import type { VFile } from 'vfile';
import { severityOf, type Severity } from '../util/diagnostics.js';
import { relativeUrlPath } from '../util/paths.js';
import { markdownText } from '../util/markdown-text.js';
import { sortMessages } from './messages.js';

export interface SummaryOptions {
  /** The heading: `roundup check` or `roundup build`. */
  title: string;
  quiet?: boolean;
  /** The folder file paths are relative to. */
  cwd: string;
  /** Links to the findings: the repository's files at this commit (`https://github.com/o/r/blob/<sha>/`) under `root`. */
  links?: { root: string; base: string };
  /** How many findings are listed; the counts cover them all. */
  limit?: number;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * A Markdown summary for a CI job's page (`$GITHUB_STEP_SUMMARY`): the counts
 * per rule and severity, then the first findings with links to their lines.
 */
export function summaryMarkdown(files: readonly VFile[], options: SummaryOptions): string {
  const limit = options.limit ?? 20;
  const findings = files.flatMap((file) =>
    sortMessages(file, options).map((message) => ({ file, message, severity: severityOf(message) })),
  );
  const total: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const perRule = new Map<string, Record<Severity, number>>();
  for (const { message, severity } of findings) {
    total[severity]++;
    const id = message.ruleId ?? 'roundup';
    const counts = perRule.get(id) ?? { error: 0, warning: 0, info: 0 };
    counts[severity]++;
    perRule.set(id, counts);
  }
  const heading = `### ${markdownText(options.title)}: ${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}${options.quiet ? '' : `, ${plural(total.info, 'info')}`}`;
  if (findings.length === 0) return `${heading}\n\nNo findings.\n\n`;
  const lines = [heading, '', '| Rule | Errors | Warnings | Infos |', '| --- | ---: | ---: | ---: |'];
  for (const [id, counts] of [...perRule].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| ${markdownText(id)} | ${SEVERITIES.map((severity) => counts[severity]).join(' | ')} |`);
  }
  lines.push('', '| Where | Severity | Finding |', '| --- | --- | --- |');
  for (const { file, message, severity } of findings.slice(0, limit)) {
    const line = message.line ?? 1;
    const where = markdownText(`${file.path}:${line}:${message.column ?? 1}`);
    const url = lineUrl(file.path, line, options);
    const text = message.note ? `${message.reason} (fix: ${message.note})` : message.reason;
    lines.push(`| ${url ? `[${where}](${url})` : where} | ${severity} | ${markdownText(text)} ${markdownText(`[${message.ruleId}]`)} |`);
  }
  if (findings.length > limit) lines.push('', `The first ${limit} of ${findings.length} findings; the step’s log lists them all.`);
  return `${lines.join('\n')}\n\n`;
}

/** The file's line in the repository, when the file is inside it. */
function lineUrl(filePath: string, line: number, options: SummaryOptions): string | undefined {
  if (!options.links) return undefined;
  const relative = relativeUrlPath(options.links.root, path.resolve(options.cwd, filePath));
  return relative && `${options.links.base}${relative}#L${line}`;
}
