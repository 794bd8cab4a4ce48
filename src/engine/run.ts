import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { BuildOptions, BuildResult, BuildSummary, CheckOptions, RoundupResult } from './run-types.js';
import { BuildCache, defaultCacheDir } from './cache.js';
import { cacheKey, contextKey } from './cache-key.js';
import { jobOf } from './job.js';
import { stampInputs } from './input-stamp.js';
import { poolPays, WorkerPool } from './pool.js';
import { FORMATS, type Format } from '../render/format-names.js';
import type { Job, Outcome } from './roundup.js';
import { filesOf } from './serialize.js';
import { type Finding, findingsOf, hasErrors } from '../util/diagnostics.js';
import { exitCodeFor } from '../util/exit-code.js';
import { discover } from './discover.js';
import { checkOutputFolder, refuseOutputInsideInput } from './output-folder.js';
import { findSlugCollisions, slugCollisionOutcome } from './slugs.js';
import { onInterrupt } from './interrupt.js';
import { accountForOutputs, manifestFile } from './manifest.js';
import { removeStaleTemporaries, syncFolder } from './write.js';
import { DEFAULT_CONFIG, findConfig, type LoadedConfig } from '../load/find-config.js';
import { QUESTION_FILE, snapshotRoundup } from '../load/snapshot.js';

export { FORMATS };
export type { Format };
export type { BuildOptions, BuildResult, BuildSummary, CheckOptions, RoundupResult } from './run-types.js';

/*
 * What this module imports statically is what a no-op rebuild needs: finding,
 * reading and hashing files. Parsing, checking and rendering are imported on
 * the first roundup that has to be processed.
 */
const processing = () => import('./roundup.js');

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
  const job = jobOf(options, defaults.mode, cwd);
  const warnings: string[] = [];
  const discovered = await discover(options.paths, {
    cwd,
    exclude: defaults.mode === 'build' ? [outDir] : [],
    ignore: options.ignore,
    onMisnamed: (file) =>
      warnings.push(`${file} is not read: roundup reads ${QUESTION_FILE}, so this roundup is left out; rename the file`),
  });
  let dirs = discovered.dirs;
  // `build` reports the whole roundup of a file it is given: an error anywhere stops its output.
  const focus = defaults.mode === 'check' ? discovered.focus : new Map<string, string[]>();
  const collisions = findSlugCollisions(dirs, cwd);
  const present = new Set(dirs.map((dir) => path.resolve(cwd, dir)));
  if (options.shard) dirs = dirs.filter((dir) => shardOf(dir, options.shard!.count) === options.shard!.index - 1);
  if (job.write) {
    refuseOutputInsideInput(job.outDir, dirs, cwd);
    checkOutputFolder(job.outDir);
    removeStaleTemporaries(job.outDir);
  }

  const cacheDir = path.resolve(cwd, options.cacheDir ?? defaultCacheDir(cwd));
  const useCache = job.write && (defaults.cache ?? options.cache ?? true);
  const opened = useCache ? await BuildCache.open(cacheDir) : undefined;
  if (opened?.warning) warnings.push(opened.warning);
  const cache = opened?.cache;
  cache?.prune(
    options.paths.map((root) => path.resolve(cwd, root)),
    present,
  );
  // Interrupted: keep the work done in the cache, and sweep what this run's workers were writing.
  const offInterrupt = onInterrupt(() => {
    if (job.write) removeStaleTemporaries(job.outDir, { own: true });
    cache?.sync();
  });
  let failure: string | undefined;

  // Every finding goes to `onFindings` as soon as its roundup is settled, or is kept for the result.
  const findings: Finding[] = [];
  let internal = false;
  const report = (found: readonly Finding[]) => {
    if (found.length === 0) return;
    for (const finding of found) {
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
      if (finding.ruleId === 'internal-error') internal = true;
    }
    if (options.onFindings) options.onFindings(found);
    else for (const finding of found) findings.push(finding);
  };
  const summary: BuildSummary = { roundups: dirs.length, written: 0, unchanged: 0, errors: 0, warnings: 0, seconds: 0 };
  const configs = new Map<string, Promise<{ config: LoadedConfig }>>();
  const configPaths = new Map<string, Promise<string | undefined>>();
  const reported = new Set<string>();
  const configFor = async (dir: string) => {
    // Sibling roundups share their config: look each folder's up once.
    const parent = path.dirname(path.resolve(cwd, dir));
    if (!configPaths.has(parent)) configPaths.set(parent, findConfig(dir, cwd));
    const configPath = options.config ?? (await configPaths.get(parent)!);
    if (!configPath) return undefined;
    if (!configs.has(configPath)) {
      configs.set(
        configPath,
        (async () => {
          const [{ readConfig }, { checkConfigRules }] = await Promise.all([import('../load/config.js'), import('../check/catalog.js')]);
          const config = readConfig(configPath, { cwd });
          checkConfigRules(config);
          for (const { file } of config.layers) {
            // A config extended by several is read for each, but reported once.
            if (file.messages.length === 0 || reported.has(path.resolve(cwd, file.path))) continue;
            reported.add(path.resolve(cwd, file.path));
            // The config's findings count in the summary like any file's.
            report(findingsOf(file, { spans: true }));
          }
          return { config };
        })(),
      );
    }
    return { path: configPath, ...(await configs.get(configPath)!) };
  };

  // More threads than cores only adds memory and switching: 100 workers took 6.7 GB and ignored Ctrl-C.
  const cores = availableParallelism();
  if ((options.jobs ?? 0) > cores)
    warnings.push(`--jobs ${options.jobs} is more than the ${cores} ${cores === 1 ? 'core' : 'cores'} of this machine; using ${cores}`);
  const jobs = Math.max(1, Math.min(options.jobs ?? cores, cores));
  const parallel = poolPays(jobs, dirs.length, options.parallelThreshold);
  // The main thread is one of the `jobs`: it processes whatever no idle worker takes.
  const pool = parallel ? new WorkerPool(jobs - 1, options.workerUrl ?? new URL('./worker.js', import.meta.url), job) : undefined;
  const roundups: RoundupResult[] = [];

  const settle = (outcome: Outcome) => {
    failure ??= outcome.failure;
    report(outcome.findings);
    summary.written += outcome.unchanged ? 0 : outcome.written.length;
    summary.unchanged += outcome.unchanged ? 1 : 0;
    roundups.push({
      dir: outcome.dir,
      outputs: outcome.outputs,
      written: outcome.written,
      condensed: outcome.condensed,
      unchanged: outcome.unchanged ?? false,
      fixed: outcome.fixed ?? [],
    });
    options.onProgress?.({ done: roundups.length, total: dirs.length });
  };

  // Results are settled in the order of `dirs`, whatever order the workers finish in.
  const pending: Promise<Outcome>[] = [];
  // What every roundup under one config shares in its cache key, hashed once per config.
  const contexts = new Map<LoadedConfig, string>();
  const contextFor = (config: LoadedConfig) => contexts.get(config) ?? contexts.set(config, contextKey(config.raws, job)).get(config)!;
  const cacheWarning = (unsaved?: string) => unsaved && !warnings.includes(unsaved) && warnings.push(unsaved);
  // A few roundups in flight even on one thread, so file reads and writes overlap the work.
  const window = parallel ? jobs * 4 : 4;
  try {
    let visited = 0;
    for (const dir of dirs) {
      const found = await configFor(dir);
      const config = found?.config ?? DEFAULT_CONFIG;
      const collision = collisions.get(dir);
      const absolute = path.resolve(cwd, dir);
      const context = cache && !collision && !configBroken(config) ? contextFor(config) : undefined;
      // A roundup none of whose files changed, by their stats, is replayed without reading them.
      const unchanged = context ? await cache!.replayUnchanged(absolute, job, context) : undefined;
      const readAt = Date.now();
      const snapshot = unchanged
        ? undefined
        : await snapshotRoundup(dir, { cwd, maxBytes: config.value.limits?.maxFileBytes ?? options.maxBytes });
      const stamp = () => (snapshot && context ? stampInputs(snapshot, cwd, readAt, context) : undefined);
      if (!snapshot) {
        pending.push(Promise.resolve(unchanged!));
      } else if (collision) {
        pending.push(slugCollisionOutcome(snapshot, collision, cwd));
      } else if (configBroken(config)) {
        pending.push(Promise.resolve({ dir, findings: [], written: [], outputs: [], condensed: [] }));
      } else {
        const key = context && cacheKey(snapshot, context);
        const cached = key ? await cache!.lookup(absolute, job, key, stamp) : undefined;
        const outcome = cached
          ? Promise.resolve(cached)
          : pool?.hasRoom
            ? pool.run({ snapshot, configPath: found?.path, focus: focus.get(dir) })
            : processing().then(({ processRoundup }) => processRoundup(snapshot, config, job, focus.get(dir)));
        pending.push(
          key && !cached
            ? outcome.then(async (result) => (result.failure || (await cache!.record(absolute, job, key, result, stamp())), result))
            : outcome,
        );
      }
      while (pending.length >= window) settle(await pending.shift()!);
      if (cache?.due) cacheWarning(cache.sync());
      // The machine failed a roundup (a full disk): every next one would fail the same way.
      if (failure) break;
      // Reading, hashing and replaying never wait on the event loop: let signals, timers and the progress bar through now and then.
      if (++visited % 64 === 0) await new Promise(setImmediate);
    }
    while (pending.length > 0) settle(await pending.shift()!);
  } finally {
    await pool?.close();
    offInterrupt();
    cacheWarning(await cache?.close());
  }
  if (summary.written > 0) syncFolder(job.outDir);
  const removed =
    job.write && !failure
      ? await accountForOutputs(job.outDir, roundups, { cwd, manifest: manifestFile(cacheDir, job.outDir), clean: options.clean }, warnings)
      : [];

  summary.seconds = (performance.now() - started) / 1000;
  const badConfig = (await Promise.all(configs.values())).some(({ config }) => configBroken(config));
  const broken = badConfig || internal || failure !== undefined;
  const code = exitCodeFor({ ...summary, strict: options.strict, maxWarnings: options.maxWarnings, broken });
  let files: ReturnType<typeof filesOf> | undefined;
  return {
    findings,
    get files() {
      files ??= filesOf(findings, cwd);
      return files;
    },
    roundups,
    summary,
    warnings,
    failure,
    removed,
    skipped: discovered.skipped,
    code,
  };
}

const configBroken = (config: LoadedConfig) => hasErrors(config.layers.map((layer) => layer.file));

/** A roundup's share: a hash of its path, so adding a roundup never moves the others to another shard. */
function shardOf(dir: string, count: number): number {
  return createHash('sha1').update(dir.split(path.sep).join('/')).digest().readUInt32BE(0) % count;
}
