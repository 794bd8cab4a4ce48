import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { FixedFile } from '../engine/fix.js';

/**
 * What `--fix-dry-run` prints: a unified diff of every file `--fix` would
 * change, with `a/` and `b/` paths relative to the working folder, so
 * `git apply` or `patch -p1` applies it as it is.
 */
export function fixDiff(files: readonly FixedFile[]): string {
  return files
    .map((file) => {
      const name = file.path.split('\\').join('/');
      return createTwoFilesPatch(`a/${name}`, `b/${name}`, file.before, file.after, undefined, undefined, {
        context: 3,
        headerOptions: FILE_HEADERS_ONLY,
      });
    })
    .join('');
}

/** "fixed 7 findings in 4 files", or what a dry run would fix. */
export function fixSummary(files: readonly FixedFile[], dryRun: boolean): string {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  if (files.length === 0) return 'nothing to fix';
  const findings = files.reduce((sum, file) => sum + file.fixed, 0);
  return `${dryRun ? 'would fix' : 'fixed'} ${count(findings, 'finding')} in ${count(files.length, 'file')}`;
}
