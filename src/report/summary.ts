import path from 'node:path';
import type { Finding, Severity } from '../util/diagnostics.js';
import { relativeUrlPath } from '../util/paths.js';
import { markdownText } from '../util/markdown-text.js';
import { asFindings, type Findings, shown } from './messages.js';

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
export function summaryMarkdown(input: Findings, options: SummaryOptions): string {
  const summary = stepSummary(options);
  summary.add(asFindings(input));
  return summary.end();
}

/** The summary gathered as findings arrive: counts, and only the first `limit` findings kept. */
export function stepSummary(options: SummaryOptions) {
  const limit = options.limit ?? 20;
  const first: Finding[] = [];
  let count = 0;
  const total: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const perRule = new Map<string, Record<Severity, number>>();
  return {
    add(findings: readonly Finding[]) {
      for (const finding of shown(findings, options)) {
        if (count++ < limit) first.push(finding);
        total[finding.severity]++;
        const id = finding.ruleId ?? 'roundup';
        const counts = perRule.get(id) ?? { error: 0, warning: 0, info: 0 };
        counts[finding.severity]++;
        perRule.set(id, counts);
      }
    },
    end: () => markdown(total, perRule, first, count, options),
  };
}

function markdown(
  total: Record<Severity, number>,
  perRule: Map<string, Record<Severity, number>>,
  findings: readonly Finding[],
  count: number,
  options: SummaryOptions,
): string {
  const limit = options.limit ?? 20;
  const heading = `### ${markdownText(options.title)}: ${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}${options.quiet ? '' : `, ${plural(total.info, 'info')}`}`;
  if (count === 0) return `${heading}\n\nNo findings.\n\n`;
  const lines = [heading, '', '| Rule | Errors | Warnings | Infos |', '| --- | ---: | ---: | ---: |'];
  for (const [id, counts] of [...perRule].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| ${markdownText(id)} | ${SEVERITIES.map((severity) => counts[severity]).join(' | ')} |`);
  }
  lines.push('', '| Where | Severity | Finding |', '| --- | --- | --- |');
  for (const { file, line, column, severity, reason, note, ruleId } of findings) {
    const where = markdownText(`${file}:${line}:${column}`);
    const url = lineUrl(file, line, options);
    const text = note ? `${reason} (fix: ${note})` : reason;
    lines.push(`| ${url ? `[${where}](${url})` : where} | ${severity} | ${markdownText(text)} ${markdownText(`[${ruleId}]`)} |`);
  }
  if (count > limit) lines.push('', `The first ${limit} of ${count} findings; the step’s log lists them all.`);
  return `${lines.join('\n')}\n\n`;
}

/** The file's line in the repository, when the file is inside it. */
function lineUrl(filePath: string, line: number, options: SummaryOptions): string | undefined {
  if (!options.links) return undefined;
  const relative = relativeUrlPath(options.links.root, path.resolve(options.cwd, filePath));
  return relative && `${options.links.base}${relative}#L${line}`;
}
