import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../util/errors.js';
import { QUESTION_FILE } from '../load/snapshot.js';
import type { IgnoreTest } from './ignore-file.js';

/** What a question file is easily called instead: it would make the roundup silently skipped. */
export const NEAR_QUESTION_FILE = /^question\.ya?ml$/i;

/**
 * A file given on the command line (as lint-staged and pre-commit give the
 * changed ones): the roundup it is an input of, `question.yaml` or
 * `experts/<id>.md` beside a `question.yaml`. Any other file is passed over
 * with a reason rather than refused, so a broad glob that also hands over
 * `README.md` does not fail the hook; so is an input that `--ignore` or
 * `.roundupignore` leaves out. A misnamed question file is an error: its
 * roundup would otherwise never be checked.
 */
export function roundupOfFile(absolute: string, ignored: IgnoreTest): { dir: string } | { skip: string } {
  const name = path.basename(absolute);
  const folder = path.dirname(absolute);
  let dir: string | undefined;
  if (name === QUESTION_FILE) dir = folder;
  else if (name.endsWith('.md') && path.basename(folder) === 'experts' && existsSync(path.join(path.dirname(folder), QUESTION_FILE)))
    dir = path.dirname(folder);
  else if (NEAR_QUESTION_FILE.test(name)) throw new UsageError(`${name} is not read: rename it ${QUESTION_FILE}`);
  if (dir === undefined) return { skip: `not a roundup input (a ${QUESTION_FILE}, or an experts/*.md beside one)` };
  if (ignored(absolute, false)) return { skip: 'ignored' };
  for (let current = folder; current !== path.dirname(current); current = path.dirname(current)) {
    if (ignored(current, true)) return { skip: 'ignored' };
  }
  return { dir };
}
