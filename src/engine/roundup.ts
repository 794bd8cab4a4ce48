import path from 'node:path';
import type { VFile } from 'vfile';
import { credentialIndexFor, createRuleContext, settingsFor } from '../check/context.js';
import { runRules, severities } from '../check/catalog.js';
import type { ExpertInput, QuestionInput } from '../schema/input.js';
import { checkStructure } from '../check/structure.js';
import { applyIgnoreDirectives } from '../check/suppress.js';
import { condenseRoundup } from '../model/condense.js';
import { addDiagnostic, type Finding, findingsOf, hasErrors } from '../util/diagnostics.js';
import type { LoadedConfig } from '../load/config.js';
import { configForRoundup } from '../load/config-overrides.js';
import type { MarkdownLimits } from '../markdown/guard.js';
import { loadRoundup, type LoadedRoundup } from '../load/roundup.js';
import type { RoundupSnapshot } from '../load/snapshot.js';
import { buildRoundup } from '../model/roundup.js';
import { writeOutputs } from './write.js';
import { environmentProblem } from './environment.js';
import { fixRoundup, type FixedFile } from './fix.js';
import { keepFocused } from './focus.js';

import { EXTENSIONS, render, type Format } from '../render/formats.js';

/** Everything that decides what a roundup turns into; plain data, so it crosses into worker threads (and into the cache key). */
export interface Job {
  cwd: string;
  /** `check`: load, check and model only. */
  mode: 'check' | 'build';
  formats: Format[];
  /** Absolute. */
  outDir: string;
  write: boolean;
  width?: number;
  fragment?: boolean;
  stylesheet?: string;
  smartypants?: boolean;
  condense?: 'warn' | 'apply';
  maxWords?: number;
  /** `check` only: apply the findings' edits and write the files, or only say what would change. */
  fix?: 'write' | 'dry-run';
  /** Report ignore directives that suppressed nothing (`unused-ignore`). */
  reportUnusedIgnores?: boolean;
}

/** What became of one roundup: plain data, the same whether it ran here or in a worker, or came from the cache. */
export interface Outcome {
  dir: string;
  /** The findings, file by file in the roundup's order, each file's in reading order: what reporters print and the cache keeps. */
  findings: Finding[];
  /** Paths written, relative to `cwd`. */
  written: string[];
  /** The rendered files, kept only when nothing is written (`--out -`, the API's `write: false`). */
  outputs: { format: Format; name: string; contents: string }[];
  condensed: { expert: string; name: string; originalWords: number; words: number }[];
  /** Set when served from the cache: nothing was parsed, rendered or written. */
  unchanged?: boolean;
  /** The machine failed the roundup (a full disk, no permission): the run stops with this one message. */
  failure?: string;
  /** Input files `--fix` changed (or would change, in a dry run). */
  fixed?: FixedFile[];
}

/**
 * Load, check, model, condense, render and write one roundup. An environment
 * error (a full disk, no permission) becomes the outcome's `failure`, which
 * stops the run; anything else it throws is a bug in roundup, a fatal
 * `internal-error` on the roundup, so one roundup can never stop the others.
 * `focus`: report only what concerns these files.
 */
export async function processRoundup(
  snapshot: RoundupSnapshot,
  config: LoadedConfig,
  job: Job,
  focus?: readonly string[],
): Promise<Outcome> {
  if (job.fix && job.mode === 'check') {
    const once = { ...job, fix: undefined };
    return fixRoundup(snapshot, (current) => processRoundup(current, config, once, focus), { cwd: job.cwd, dryRun: job.fix === 'dry-run' });
  }
  const limits = config.value.limits;
  const markdown: MarkdownLimits = { maxDepth: limits?.maxNesting, timeoutMs: limits?.renderTimeoutMs };
  const loaded = await loadRoundup(snapshot, { cwd: job.cwd, markdown });
  const files = [loaded.question.file, ...loaded.experts.map((expert) => expert.file)];
  const outcome: Outcome = { dir: snapshot.dir, findings: [], written: [], outputs: [], condensed: [] };
  try {
    await produce(loaded, files, config, job, outcome);
  } catch (error) {
    const problem = job.write ? environmentProblem(error) : undefined;
    if (problem)
      outcome.failure = `cannot write the outputs of ${snapshot.dir} to ${path.relative(job.cwd, job.outDir) || '.'}: ${problem}. Its previous outputs are intact; fix the folder (space, permissions) or choose another --out, then build again.`;
    else
      addDiagnostic(loaded.question.file, {
        ruleId: 'internal-error',
        severity: 'error',
        reason: `Cannot build roundup: ${(error as Error).message}`,
      });
  }
  if (focus) keepFocused(files, focus, job.cwd);
  outcome.findings = files.flatMap((file) => findingsOf(file, { spans: true }));
  return outcome;
}

async function produce(loaded: LoadedRoundup, files: VFile[], config: LoadedConfig, job: Job, outcome: Outcome) {
  const slug = checkStructure(loaded);
  if (hasErrors(files) || slug === undefined || hasErrors(config.layers.map((layer) => layer.file))) return;
  const roundupConfig = configForRoundup(config, path.resolve(job.cwd, loaded.question.file.path));
  const settings = { ...settingsFor(roundupConfig), budgets: budgets(loaded, job), condense: job.condense ?? 'warn' };
  const modelOptions = {
    smartypants: job.smartypants,
    credentials: credentialIndexFor(roundupConfig),
    expansions: settings.expansions,
    honorifics: roundupConfig.value.names?.honorifics,
  };
  let roundup = buildRoundup(loaded, slug, modelOptions);
  await runRules(createRuleContext(loaded, roundup, modelOptions.credentials, settings), (file) =>
    severities(roundupConfig, path.resolve(job.cwd, file.path)),
  );
  applyIgnoreDirectives(loaded, { reportUnused: job.reportUnusedIgnores });
  if (hasErrors(files) || job.mode === 'check') return;
  if (settings.condense === 'apply') roundup = condenseRoundup(roundup, { ...modelOptions, budgets: settings.budgets });
  outcome.condensed = roundup.experts.flatMap((expert) =>
    expert.condensed
      ? [{ expert: expert.id, name: expert.name, originalWords: expert.condensed.originalWords, words: expert.condensed.words }]
      : [],
  );
  // Render every format before writing any, so a failure writes nothing.
  const outputs = job.formats.map((format) => ({ format, name: `${slug}.${EXTENSIONS[format]}`, contents: render(roundup, format, job) }));
  if (!job.write) {
    outcome.outputs = outputs;
    return;
  }
  // Pictures go beside the outputs under their content-hashed names (one file, however many outputs show it).
  const pictures = [roundup.image, ...roundup.experts.map((expert) => expert.photo)].flatMap((picture) =>
    picture?.bytes ? [{ name: picture.src, contents: picture.bytes }] : [],
  );
  const unique = [...new Map(pictures.map((picture) => [picture.name, picture])).values()];
  const written = await writeOutputs(job.outDir, [...outputs, ...unique]);
  outcome.written = written.map((file) => path.relative(job.cwd, file));
}

/** Each expert's word budget: their own `maxWords`, else the run's, else `condense.maxWords` in question.yaml. */
function budgets(loaded: LoadedRoundup, job: Job): Map<string, number> {
  const question = loaded.question.value as QuestionInput;
  const result = new Map<string, number>();
  for (const expert of loaded.experts) {
    const budget = (expert.value as ExpertInput).maxWords ?? job.maxWords ?? question.condense?.maxWords;
    if (budget !== undefined) result.set(expert.id, budget);
  }
  return result;
}
