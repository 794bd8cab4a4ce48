import { Chalk } from 'chalk';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { sortMessages, statistics } from './messages.js';
import { severityOf } from '../util/diagnostics.js';
import { visible } from '../util/visible.js';

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
export function reportPretty(files: readonly VFile[], options: PrettyOptions = {}): string {
  const chalk = new Chalk({ level: options.colorLevel ?? 0 });
  const paint = { error: chalk.red.bold, warning: chalk.yellow.bold, info: chalk.blue.bold };
  const out: string[] = [];
  for (const file of files) {
    for (const message of sortMessages(file, options)) {
      const severity = severityOf(message);
      const where = `${visible(file.path)}:${message.line ?? 1}:${message.column ?? 1}`;
      out.push(`${chalk.bold(where)}: ${paint[severity](severity)}: ${oneLine(message.reason)} ${chalk.dim(`[${message.ruleId}]`)}`);
      out.push(...codeFrame(file, message, chalk));
      if (message.note) out.push(`  ${chalk.cyan('fix:')} ${oneLine(message.note)}`);
    }
  }
  const { errors, warnings, infos } = statistics(files);
  const counts = [plural(errors, 'error'), plural(warnings, 'warning'), infos && !options.quiet ? plural(infos, 'info') : '']
    .filter(Boolean)
    .join(', ');
  if (counts) out.push(`${out.length > 0 ? '\n' : ''}${errors ? chalk.red('✖') : chalk.yellow('⚠')} ${counts}`);
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

function codeFrame(file: VFile, message: VFileMessage, chalk: InstanceType<typeof Chalk>): string[] {
  const line = message.line ?? undefined;
  if (line === undefined || !file.value) return [];
  const source = String(file.value).split('\n')[line - 1];
  if (source === undefined || source.trim() === '') return [];
  const start = (message.column ?? 1) - 1;
  const end = message.place && 'end' in message.place && message.place.end.line === line ? message.place.end.column - 1 : start + 1;
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
