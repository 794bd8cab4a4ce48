import { Chalk } from 'chalk';
import type { Finding } from '../util/diagnostics.js';
import { visible } from '../util/visible.js';
import { type Findings, noCounts, type Reporter, reportAll, shown } from './messages.js';

export interface PrettyOptions {
  /** 0: no color; 1 or more: ANSI colors. */
  colorLevel?: 0 | 1 | 2 | 3;
  /** Only errors. */
  quiet?: boolean;
}

/**
 * GNU-style lines (`file:line:column: severity: message [rule]`, which
 * editors and terminals make clickable), each followed by the source line
 * with a caret and the fix, then a summary line.
 */
export function reportPretty(input: Findings, options: PrettyOptions = {}): string {
  return reportAll(prettyReporter(options), input);
}

/** The pretty reporter, printing each batch of findings as it comes. */
export function prettyReporter(options: PrettyOptions = {}): Reporter {
  const chalk = new Chalk({ level: options.colorLevel ?? 0 });
  const paint = { error: chalk.red.bold, warning: chalk.yellow.bold, info: chalk.blue.bold };
  const counts = noCounts();
  let printed = false;
  return {
    add(findings) {
      const out: string[] = [];
      for (const finding of findings) counts[finding.severity]++;
      for (const finding of shown(findings, options)) {
        const where = `${visible(finding.file)}:${finding.line}:${finding.column}`;
        out.push(
          `${chalk.bold(where)}: ${paint[finding.severity](finding.severity)}: ${oneLine(finding.reason)} ${chalk.dim(`[${finding.ruleId}]`)}`,
        );
        out.push(...codeFrame(finding, chalk));
        if (finding.note) out.push(`  ${chalk.cyan('fix:')} ${oneLine(finding.note)}`);
      }
      if (out.length === 0) return '';
      printed = true;
      return `${out.join('\n')}\n`;
    },
    end() {
      const { error, warning, info } = counts;
      const text = [plural(error, 'error'), plural(warning, 'warning'), info && !options.quiet ? plural(info, 'info') : '']
        .filter(Boolean)
        .join(', ');
      return text ? `${printed ? '\n' : ''}${error ? chalk.red('✖') : chalk.yellow('⚠')} ${text}\n` : '';
    },
  };
}

function codeFrame(finding: Finding, chalk: InstanceType<typeof Chalk>): string[] {
  const { line, source } = finding;
  if (source === undefined || source.trim() === '') return [];
  const start = finding.column - 1;
  const end = finding.endLine === line && finding.endColumn !== undefined ? finding.endColumn - 1 : start + 1;
  const gutter = String(line).padStart(4);
  const shown = oneLine(source);
  return [
    `${chalk.dim(`${gutter} |`)} ${shown}`,
    `${chalk.dim(`${' '.repeat(gutter.length)} |`)} ${' '.repeat(Math.min(start, shown.length))}${chalk.red('^'.repeat(Math.max(1, end - start)))}`,
  ];
}

const plural = (count: number, noun: string) => (count === 0 ? '' : `${count} ${noun}${count === 1 ? '' : 's'}`);

/** Content is untrusted: no control characters (ANSI escapes) reach the terminal. */
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
