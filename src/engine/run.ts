import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { VFile } from 'vfile';
import { BuildCache, cacheKey, defaultCacheDir } from './cache.js';
import { WorkerPool } from './pool.js';
import { FORMATS, type Format } from '../render/formats.js';
import type { Job, Outcome } from './roundup.js';
import { deserializeFile } from './serialize.js';
import { hasErrors } from '../util/diagnostics.js';
import { exitCodeFor } from '../util/exit-code.js';
import { discoverRoundups } from './discover.js';
import { slugCollision } from './slugs.js';
import { DEFAULT_CONFIG, findConfig, type LoadedConfig } from '../load/find-config.js';
import { readRawFile, type RawFile } from '../load/read.js';
import { snapshotRoundup } from '../load/snapshot.js';

export { FORMATS };
export type { Format };

/*
 * What this module imports statically is what a no-op rebuild needs: finding,
 * reading and hashing files. Parsing, checking and rendering are imported on
 * the first roundup that has to be processed.
 */
const processing = () => import('./roundup.js');

export interface CheckOptions {
  /** Roundup folders, their `question.yaml` files, or folders to search. */
  paths: readonly string[];
  /** Paths are resolved against this folder. Default: `process.cwd()`. */
  cwd?: string;
  /** Refuse input files larger than this many bytes (a config's `limits.maxFileBytes` wins). Default: 512 KiB. */
  maxBytes?: number;
  /** Count warnings as failures for `code`. Default: false. */
  strict?: boolean;
  /** A config file for every roundup, instead of the nearest `roundup.config.yaml` above each. */
  config?: string;
  /** A word budget for every answer; an expert's own `maxWords` still wins. Default: `condense.maxWords` in question.yaml. */
  maxWords?: number;
  /** Folders to skip when searching, as globs relative to `cwd` (`drafts/**`). */
  ignore?: readonly string[];
  /** Only the `index`-th of `count` deterministic shares of the roundups (1-based), for CI matrices. */
  shard?: { index: number; count: number };
  /** Called after each roundup, in order. */
  onProgress?: (progress: { done: number; total: number }) => void;
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
  /** Where the cache lives. Default: `node_modules/.cache/roundup` under `cwd`. */
  cacheDir?: string;
  /** Worker threads. Default: `os.availableParallelism()`, used only for batches of `parallelThreshold` roundups or more. */
  jobs?: number;
  /** Smallest batch worth starting worker threads for. Default: `PARALLEL_THRESHOLD`. */
  parallelThreshold?: number;
  /** The worker script (the CLI passes its bundled one). Default: `worker.js` beside this module. */
  workerUrl?: URL;
}

/** Below this many roundups, starting worker threads costs more than it saves (measured by `npm run bench`). */
const PARALLEL_THRESHOLD = 2000;

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
  /** The input files that have diagnostics (clean files are left out, so memory stays flat on large trees). */
  files: VFile[];
  roundups: RoundupResult[];
  summary: BuildSummary;
  /** Problems with the run itself that belong to no input file, such as a corrupt cache. */
  warnings: string[];
  /** 0: no errors; 1: errors (or warnings under `strict`); 2: a config file has errors, or roundup failed on a roundup. */
  code: 0 | 1 | 2;
}

/** Load, check and model every roundup under `paths`; nothing is rendered or written. */
export function check(options: CheckOptions): Promise<BuildResult> {
  return run(options, { mode: 'check', cache: false });
}

/** Check, render and write every roundup under `paths`. A roundup with errors is never written. */
export function build(options: BuildOptions): Promise<BuildResult> {
  return run(options, { mode: 'build' });
}

async function run(options: BuildOptions, defaults: { mode: Job['mode']; cache?: boolean }): Promise<BuildResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const outDir = options.outDir ?? 'dist';
  const job: Job = {
    cwd,
    mode: defaults.mode,
    formats: options.formats?.length ? [...new Set(options.formats)] : ['html'],
    outDir: path.resolve(cwd, outDir),
    write: defaults.mode === 'build' && options.write !== false,
    width: options.width,
    fragment: options.fragment,
    stylesheet: options.stylesheet,
    smartypants: options.smartypants,
    condense: options.condense,
    maxWords: options.maxWords,
  };
  let dirs = await discoverRoundups(options.paths, { cwd, exclude: defaults.mode === 'build' ? [outDir] : [], ignore: options.ignore });
  if (options.shard) dirs = dirs.filter((dir) => shardOf(dir, options.shard!.count) === options.shard!.index - 1);

  const warnings: string[] = [];
  const useCache = job.write && (defaults.cache ?? options.cache ?? true);
  const opened = useCache ? await BuildCache.open(path.resolve(cwd, options.cacheDir ?? defaultCacheDir(cwd))) : undefined;
  if (opened?.warning) warnings.push(opened.warning);
  const cache = opened?.cache;

  const files: VFile[] = [];
  const configs = new Map<string, Promise<{ config: LoadedConfig; raw: RawFile }>>();
  const configPaths = new Map<string, Promise<string | undefined>>();
  const configFor = async (dir: string) => {
    // Sibling roundups share their config: look each folder's up once.
    const parent = path.dirname(path.resolve(cwd, dir));
    if (!configPaths.has(parent)) configPaths.set(parent, findConfig(dir, cwd));
    const configPath = options.config ?? (await configPaths.get(parent)!);
    if (!configPath) return undefined;
    if (!configs.has(configPath)) {
      configs.set(configPath, (async () => {
        const raw = readRawFile(configPath, { cwd });
        const [{ parseConfig }, { checkConfigRules }, { decodeFile }] = await Promise.all([import('../load/config.js'), import('../check/catalog.js'), import('../load/read.js')]);
        const config = parseConfig(decodeFile(raw, cwd));
        checkConfigRules(config);
        if (config.file!.messages.length > 0) files.push(config.file!);
        return { config, raw };
      })());
    }
    return { path: configPath, ...(await configs.get(configPath)!) };
  };

  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const parallel = jobs > 1 && dirs.length >= (options.parallelThreshold ?? PARALLEL_THRESHOLD);
  // The main thread is one of the `jobs`: it processes whatever no idle worker takes.
  const pool = parallel ? new WorkerPool(jobs - 1, options.workerUrl ?? new URL('./worker.js', import.meta.url), job) : undefined;
  const roundups: RoundupResult[] = [];
  const slugs = new Map<string, string>();
  const summary: BuildSummary = { roundups: dirs.length, written: 0, unchanged: 0, errors: 0, warnings: 0, seconds: 0 };

  const settle = (outcome: Outcome) => {
    for (const serialized of outcome.files) {
      if (serialized.messages.length === 0) continue;
      files.push(deserializeFile(serialized, cwd));
      for (const message of serialized.messages) {
        if (message.severity === 'error') summary.errors++;
        else if (message.severity === 'warning') summary.warnings++;
      }
    }
    summary.written += outcome.unchanged ? 0 : outcome.written.length;
    summary.unchanged += outcome.unchanged ? 1 : 0;
    roundups.push({ dir: outcome.dir, outputs: outcome.outputs, written: outcome.written, condensed: outcome.condensed, unchanged: outcome.unchanged ?? false });
    options.onProgress?.({ done: roundups.length, total: dirs.length });
  };

  // Results are settled in the order of `dirs`, whatever order the workers finish in.
  const pending: Promise<Outcome>[] = [];
  // A few roundups in flight even on one thread, so file reads and writes overlap the work.
  const window = parallel ? jobs * 4 : 4;
  try {
    for (const dir of dirs) {
      const found = await configFor(dir);
      const config = found?.config ?? DEFAULT_CONFIG;
      const snapshot = await snapshotRoundup(dir, { cwd, maxBytes: config.value.limits?.maxFileBytes ?? options.maxBytes });
      const collision = await slugCollision(snapshot, slugs, cwd);
      if (collision) {
        pending.push(Promise.resolve(collision));
      } else if (config.file && hasErrors([config.file])) {
        pending.push(Promise.resolve({ dir, files: [], written: [], outputs: [], condensed: [] }));
      } else {
        const key = cache && cacheKey(snapshot, found?.raw, job);
        const cached = key ? await cache!.lookup(path.resolve(cwd, dir), key) : undefined;
        const outcome = cached
          ? Promise.resolve(cached)
          : pool?.hasRoom
            ? pool.run({ snapshot, configPath: found?.path })
            : processing().then(({ processRoundup }) => processRoundup(snapshot, config, job));
        pending.push(key && !cached ? outcome.then(async (result) => (await cache!.record(path.resolve(cwd, dir), key, result, cwd), result)) : outcome);
      }
      while (pending.length >= window) settle(await pending.shift()!);
    }
    while (pending.length > 0) settle(await pending.shift()!);
  } finally {
    await pool?.close();
  }
  await cache?.save();

  summary.seconds = (performance.now() - started) / 1000;
  const badConfig = (await Promise.all(configs.values())).some(({ config }) => config.file && hasErrors([config.file]));
  const internal = files.some((file) => file.messages.some((message) => message.ruleId === 'internal-error'));
  return { files, roundups, summary, warnings, code: exitCodeFor({ ...summary, strict: options.strict, broken: badConfig || internal }) };
}

/** A roundup's share: a hash of its path, so adding a roundup never moves the others to another shard. */
function shardOf(dir: string, count: number): number {
  return createHash('sha1').update(dir.split(path.sep).join('/')).digest().readUInt32BE(0) % count;
}
