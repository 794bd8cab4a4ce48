import path from 'node:path';
import type { Job } from './roundup.js';
import type { BuildOptions } from './run-types.js';

/** The options that decide what each roundup turns into, as plain data for workers and the cache key. */
export function jobOf(options: BuildOptions, mode: Job['mode'], cwd: string): Job {
  return {
    cwd,
    mode,
    formats: options.formats?.length ? [...new Set(options.formats)] : ['html'],
    outDir: path.resolve(cwd, options.outDir ?? 'dist'),
    write: mode === 'build' && options.write !== false,
    width: options.width,
    fragment: options.fragment,
    stylesheet: options.stylesheet,
    smartypants: options.smartypants,
    condense: options.condense,
    maxWords: options.maxWords,
    fix: options.fix === 'dry-run' ? 'dry-run' : options.fix ? 'write' : undefined,
    reportUnusedIgnores: options.reportUnusedIgnores,
  };
}
