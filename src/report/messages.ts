import { VFile } from 'vfile';
import { findingsOf, type Finding, type Severity } from '../util/diagnostics.js';

/** What a reporter takes: findings as a run reports them, or files with their messages (sorted here). */
export type Findings = readonly Finding[] | readonly VFile[];

/**
 * A reporter that prints as findings arrive: `add` takes each batch (a
 * roundup's, in reading order) and returns the text to print now, `end`
 * the rest (a summary line, or the whole document for formats that need
 * every finding first).
 */
export interface Reporter {
  add(findings: readonly Finding[]): string;
  end(): string;
}

export function asFindings(input: Findings): readonly Finding[] {
  return input.some((item) => item instanceof VFile)
    ? (input as readonly VFile[]).flatMap((file) => findingsOf(file))
    : (input as readonly Finding[]);
}

/** Under `quiet`, errors only. */
export const shown = (findings: readonly Finding[], options: { quiet?: boolean }) =>
  options.quiet ? findings.filter((finding) => finding.severity === 'error') : findings;

/** The text a reporter prints for all these findings at once. */
export function reportAll(reporter: Reporter, input: Findings): string {
  return reporter.add(asFindings(input)) + reporter.end();
}

export type Counts = Record<Severity, number>;
export const noCounts = (): Counts => ({ error: 0, warning: 0, info: 0 });
