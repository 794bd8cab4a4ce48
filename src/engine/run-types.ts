import type { VFile } from 'vfile';
import type { Format } from '../render/format-names.js';
import type { Outcome } from './roundup.js';
import type { FixedFile } from './fix.js';
import type { Finding } from '../util/diagnostics.js';

/* What `check()` and `build()` take and return: the library's contract for a run. */

export interface CheckOptions {
  /**
   * Roundup folders, folders to search, or input files (`question.yaml`,
   * `experts/<id>.md`): a file stands for its roundup, and `check` reports only
   * what concerns the files given. Other files are passed over (`skipped`).
   */
  paths: readonly string[];
  /** Paths are resolved against this folder. Default: `process.cwd()`. */
  cwd?: string;
  /** Refuse input files larger than this many bytes (a config's `limits.maxFileBytes` wins). Default: 512 KiB. */
  maxBytes?: number;
  /** Count warnings as failures for `code`. Default: false. */
  strict?: boolean;
  /** More warnings than this make `code` 1, as ESLint's `--max-warnings`. Default: no limit. */
  maxWarnings?: number;
  /** A config file for every roundup, instead of the nearest `roundup.config.yaml` above each. */
  config?: string;
  /** A word budget for every answer; an expert's own `maxWords` still wins. Default: `condense.maxWords` in question.yaml. */
  maxWords?: number;
  /** Report `# roundup-ignore-…` comments that suppressed nothing, as `unused-ignore` warnings. Default false. */
  reportUnusedIgnores?: boolean;
  /** Folders to skip when searching, as globs relative to `cwd` (`drafts/**`). */
  ignore?: readonly string[];
  /** Only the `index`-th of `count` deterministic shares of the roundups (1-based), for CI matrices. */
  shard?: { index: number; count: number };
  /**
   * `check` only: apply every fix that has exactly one replacement to the
   * input files (`true`), or only work out what would change (`'dry-run'`);
   * `RoundupResult.fixed` says what changed, and the findings are those left.
   */
  fix?: boolean | 'dry-run';
  /** Called after each roundup, in order. */
  onProgress?: (progress: { done: number; total: number }) => void;
  /**
   * Called with each roundup's findings (and a config file's) as soon as it
   * is settled, in the order the result would list them; then the result's
   * `findings` stays empty, so a run's memory does not grow with its findings.
   */
  onFindings?: (findings: readonly Finding[]) => void;
  /** The worker script (the CLI passes its bundled one), for runs large enough to start the worker pool. Default: `worker.js` beside this module. */
  workerUrl?: URL;
}

export interface BuildOptions extends CheckOptions {
  /** Default: `['html']`. */
  formats?: readonly Format[];
  /** Output folder, relative to `cwd`. Default: `dist`. */
  outDir?: string;
  /** Write the outputs (default), or only return them. */
  write?: boolean;
  /** Text output line width; 0 for no wrapping. Default: 72. */
  width?: number;
  /** HTML: the `<article>` alone. Default false. */
  fragment?: boolean;
  /** HTML: link this stylesheet instead of inlining the built-in one. */
  stylesheet?: string;
  /** Over-budget answers: `warn` (the `answer-length` finding) or `apply` (cut to fit). Default `warn`. */
  condense?: 'warn' | 'apply';
  /** Curly quotes, dashes and ellipses. Default true. */
  smartypants?: boolean;
  /** Skip roundups whose inputs and outputs are unchanged since the last build. Default true. */
  cache?: boolean;
  /** Remove outputs that no roundup accounts for any more (only files roundup wrote); without it they are a warning. */
  clean?: boolean;
  /** Where the cache lives. Default: `node_modules/.cache/roundup` under `cwd`. */
  cacheDir?: string;
  /**
   * Threads. Default: `os.availableParallelism()`. Worker threads start only for batches of `parallelThreshold`
   * roundups or more, and (unless `parallelThreshold` is given) only with three jobs or more: on two cores they are slower.
   */
  jobs?: number;
  /** Smallest batch worth starting worker threads for. Default: 2000, with three jobs or more (measured by `npm run bench`). */
  parallelThreshold?: number;
}

export interface RoundupResult {
  dir: string;
  /** The rendered files, when `write` is false. */
  outputs: Outcome['outputs'];
  /** Paths written, relative to `cwd`; empty when nothing was written. */
  written: string[];
  /** Answers that `condense: 'apply'` cut, with their word counts. */
  condensed: Outcome['condensed'];
  /** Served from the cache: nothing was parsed, rendered or rewritten. */
  unchanged: boolean;
  /** Input files `fix` changed (or would change, in a dry run), with their text before and after. */
  fixed: FixedFile[];
}

export interface BuildSummary {
  roundups: number;
  written: number;
  unchanged: number;
  errors: number;
  warnings: number;
  seconds: number;
}

export interface BuildResult {
  /**
   * Every finding, file by file, each file's in reading order, as reporters
   * take them (empty when `onFindings` received them instead).
   */
  findings: Finding[];
  /**
   * @deprecated The findings as files with messages (without their text), made from `findings` when first read;
   * use `findings`.
   */
  readonly files: VFile[];
  roundups: RoundupResult[];
  summary: BuildSummary;
  /** Files given that are no roundup's input (`README.md`), or ignored: passed over, with the reason. */
  skipped: { file: string; reason: string }[];
  /** Problems with the run itself that belong to no input file, such as a corrupt cache. */
  warnings: string[];
  /** Outputs removed by `clean` because no roundup accounts for them any more, relative to `cwd`. */
  removed: string[];
  /** Why the run stopped early: the machine failed it (a full disk, no permission). The exit code is then 2. */
  failure?: string;
  /** 0: no errors; 1: errors (or warnings under `strict`, or more than `maxWarnings`); 2: a config file has errors, or roundup failed on a roundup. */
  code: 0 | 1 | 2;
}
