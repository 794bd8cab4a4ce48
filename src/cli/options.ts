import { InvalidArgumentError, Option } from 'commander';
import { FORMATS } from '../render/format-names.js';

/* Parsers and shared options for commander: each turns bad usage into a message that says what was expected. */

export const FORMAT_NAMES: readonly string[] = FORMATS;

export function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('expected a port number, 0 for any free port');
  return Number(value);
}

export const reporterOption = () =>
  new Option('--reporter <name>', 'how to print diagnostics: pretty (stderr), json, github or sarif (stdout)')
    .choices(['pretty', 'json', 'github', 'sarif'])
    .default('pretty');

export const collect = (value: string, previous: string[]) => [...previous, value];

export function parseShard(value: string): { index: number; count: number } {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(value);
  if (!match || Number(match[1]) > Number(match[2])) throw new InvalidArgumentError('expected i/n with 1 ≤ i ≤ n, such as 1/4');
  return { index: Number(match[1]), count: Number(match[2]) };
}

export function collectFormats(value: string, previous: string[]): string[] {
  const formats = value
    .split(',')
    .map((format) => format.trim().toLowerCase())
    .filter(Boolean);
  for (const format of formats) {
    if (!FORMAT_NAMES.includes(format)) throw new InvalidArgumentError(`expected one of ${FORMAT_NAMES.join(', ')}, got "${format}"`);
  }
  return [...previous, ...formats];
}

export function parsePositive(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a positive whole number');
  return Number(value);
}

/** A page's stylesheet: an http(s) URL or a path, never a script URL. */
export function parseStylesheet(value: string): string {
  if (/^\s*[a-z][a-z0-9+.-]*:/i.test(value) && !/^https?:\/\//i.test(value))
    throw new InvalidArgumentError('expected an http(s) URL or a path such as /css/site.css');
  return value;
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, such as 0 or 10');
  return Number(value);
}

export function parseWidth(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of columns, 0 for no wrapping');
  return Number(value);
}
