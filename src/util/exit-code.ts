/** What decides a run's exit code, whichever command ran. */
export interface RunOutcome {
  errors: number;
  warnings: number;
  /** Warnings fail the run too. */
  strict?: boolean;
  /** More warnings than this fail the run (ESLint's `--max-warnings`). */
  maxWarnings?: number;
  /** A config file with errors, or roundup itself failed (`internal-error`). */
  broken?: boolean;
}

/**
 * The one place exit codes are decided: 0 success; 1 errors in the input (or
 * warnings under `strict`, or more than `maxWarnings`); 2 a broken config or an
 * internal failure. Bad usage (also 2) is decided where usage is parsed.
 */
export function exitCodeFor(outcome: RunOutcome): 0 | 1 | 2 {
  if (outcome.broken) return 2;
  if (outcome.errors > 0 || (outcome.strict === true && outcome.warnings > 0)) return 1;
  return tooManyWarnings(outcome) ? 1 : 0;
}

/** More warnings than `maxWarnings` allows, when it is set. */
export const tooManyWarnings = ({ warnings, maxWarnings }: Pick<RunOutcome, 'warnings' | 'maxWarnings'>): boolean =>
  maxWarnings !== undefined && warnings > maxWarnings;
