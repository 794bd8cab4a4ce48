import { readFileSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { UsageError } from '../util/errors.js';
import { isWithin } from '../util/paths.js';

const IGNORE_FILE = '.roundupignore';

/** Whether a path (absolute) is left out: `isFolder` because `drafts/` in gitignore syntax matches folders only. */
export type IgnoreTest = (absolute: string, isFolder: boolean) => boolean;

/**
 * What the run leaves out: `--ignore` globs and the `.roundupignore` of the
 * working folder, both relative to it. The ignore file follows gitignore
 * syntax (negation, anchoring, `dir/`), which the `ignore` package implements
 * as git does; a path outside the working folder matches neither.
 */
export function ignoreTest(cwd: string, globs: readonly string[] = []): IgnoreTest {
  const glob = globs.length > 0 ? picomatch([...globs], { dot: true }) : undefined;
  const patterns = readIgnoreFile(cwd);
  const gitignore = patterns === undefined ? undefined : ignore().add(patterns);
  return (absolute, isFolder) => {
    if (!isWithin(cwd, absolute) || absolute === cwd) return false;
    const relative = path.relative(cwd, absolute).split(path.sep).join('/');
    return glob?.(relative) === true || gitignore?.ignores(isFolder ? `${relative}/` : relative) === true;
  };
}

function readIgnoreFile(cwd: string): string | undefined {
  try {
    return readFileSync(path.join(cwd, IGNORE_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new UsageError(`${IGNORE_FILE}: cannot read it (${code ?? String(error)}); make it a readable text file or remove it`);
  }
}
