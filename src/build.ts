import path from 'node:path';
import type { VFile } from 'vfile';
import { credentialIndexFor, createRuleContext, settingsFor } from './check/context.js';
import type { ExpertInput, QuestionInput } from './check/schema.js';
import { condenseRoundup } from './condense/condense.js';
import { checkConfigRules, runRules, severities } from './check/registry.js';
import { checkStructure } from './check/structure.js';
import { addDiagnostic, exitCode, hasErrors } from './diagnostics.js';
import { discoverRoundups, UsageError } from './discover.js';
import { DEFAULT_CONFIG, findConfig, readConfig, type LoadedConfig } from './load/config.js';
import { readRoundup, type LoadedRoundup } from './load/roundup.js';
import { buildRoundup, type Roundup } from './model.js';
import { renderHtml, type HtmlOptions } from './render/html.js';
import { renderJson } from './render/json.js';
import { renderMarkdownArticle } from './render/markdown-article.js';
import { renderText } from './render/text.js';
import { writeOutputs, type OutputFile } from './write.js';

export const FORMATS = ['html', 'json', 'text', 'md'] as const;
export type Format = (typeof FORMATS)[number];
const EXTENSIONS: Record<Format, string> = { html: 'html', json: 'json', text: 'txt', md: 'md' };

export interface CheckOptions {
  /** Roundup folders, their `question.yaml` files, or folders to search. */
  paths: readonly string[];
  /** Paths are resolved against this folder. Default: `process.cwd()`. */
  cwd?: string;
  /** Refuse input files larger than this many bytes. Default: 512 KiB. */
  maxBytes?: number;
  /** Count warnings as failures for `code`. Default: false. */
  strict?: boolean;
  /** A config file for every roundup, instead of the nearest `roundup.config.yaml` above each. */
  config?: string;
  /** A word budget for every answer; an expert's own `maxWords` still wins. Default: `condense.maxWords` in question.yaml. */
  maxWords?: number;
  /** Over-budget answers: `warn` (the `answer-length` finding) or `apply` (cut to fit). Default `warn`. */
  condense?: 'warn' | 'apply';
  /** Curly quotes, dashes and ellipses. Default true. */
  smartypants?: boolean;
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
}

export interface RoundupResult {
  dir: string;
  /** Set when the roundup had no errors. */
  roundup?: Roundup;
  outputs: (OutputFile & { format: Format })[];
  /** Paths written, relative to `cwd`; empty when nothing was written. */
  written: string[];
}

export interface BuildResult {
  /** Every input file, with its diagnostics. */
  files: VFile[];
  roundups: RoundupResult[];
  /** 0: no errors; 1: errors (or warnings under `strict`); 2: a config file has errors. */
  code: 0 | 1 | 2;
}

/** Load, check and model every roundup under `paths`; nothing is rendered or written. */
export async function check(options: CheckOptions): Promise<BuildResult> {
  return run(options, async (loaded, roundup) => ({ dir: loaded.dir, roundup, outputs: [], written: [] }));
}

/** Check, render and write every roundup under `paths`. A roundup with errors is never written. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const formats = options.formats?.length ? [...new Set(options.formats)] : (['html'] as Format[]);
  const outDir = options.outDir ?? 'dist';
  return run({ ...options, excludeDirs: [outDir] }, async (loaded, roundup) => {
    // Render every format before writing any, so a failure writes nothing.
    const outputs = formats.map((format) => ({
      format,
      name: `${roundup.slug}.${EXTENSIONS[format]}`,
      contents: render(roundup, format, options),
    }));
    const written = options.write === false ? [] : await writeOutputs(path.resolve(cwd, outDir), outputs);
    return { dir: loaded.dir, roundup, outputs, written: written.map((file) => path.relative(cwd, file)) };
  });
}

export function render(roundup: Roundup, format: Format, options: { width?: number } & HtmlOptions = {}): string {
  switch (format) {
    case 'html':
      return renderHtml(roundup, { fragment: options.fragment, stylesheet: options.stylesheet });
    case 'json':
      return renderJson(roundup);
    case 'text':
      return renderText(roundup, { width: options.width });
    case 'md':
      return renderMarkdownArticle(roundup);
  }
}

/** Each expert's word budget: their own `maxWords`, else the run's, else `condense.maxWords` in question.yaml. */
function budgets(loaded: LoadedRoundup, options: CheckOptions): Map<string, number> {
  const question = loaded.question.value as QuestionInput;
  const result = new Map<string, number>();
  for (const expert of loaded.experts) {
    const budget = (expert.value as ExpertInput).maxWords ?? options.maxWords ?? question.condense?.maxWords;
    if (budget !== undefined) result.set(expert.id, budget);
  }
  return result;
}

/** Two roundups must not write the same files, also on case-insensitive file systems. */
function checkSlugCollision(loaded: LoadedRoundup, slug: string, slugs: Map<string, string>) {
  const key = slug.normalize('NFC').toLowerCase();
  const other = slugs.get(key);
  if (other === undefined) {
    slugs.set(key, loaded.dir);
    return;
  }
  const { file, value, places } = loaded.question;
  addDiagnostic(file, {
    ruleId: 'slug-collision',
    severity: 'error',
    span: value?.slug === undefined ? undefined : places.value(['slug']),
    reason: `Unexpected slug \`${slug}\`, already used by the roundup in \`${other}\`: their files would overwrite each other`,
    note: 'Give one of the two roundups its own `slug:` in question.yaml.',
  });
}

type Produce = (loaded: LoadedRoundup, roundup: Roundup) => Promise<RoundupResult>;

async function run(options: CheckOptions & { excludeDirs?: string[] }, produce: Produce): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const dirs = await discoverRoundups(options.paths, { cwd, exclude: options.excludeDirs });
  const files: VFile[] = [];
  const roundups: RoundupResult[] = [];
  const configs = new Map<string, Promise<LoadedConfig>>();
  const configFor = async (dir: string) => {
    const configPath = options.config ?? (await findConfig(dir, cwd));
    if (!configPath) return DEFAULT_CONFIG;
    if (!configs.has(configPath)) {
      configs.set(configPath, readConfig(configPath, { cwd, maxBytes: options.maxBytes }).then((config) => {
        checkConfigRules(config);
        files.push(config.file!);
        return config;
      }));
    }
    return configs.get(configPath)!;
  };
  const slugs = new Map<string, string>();
  for (const dir of dirs) {
    const config = await configFor(dir);
    const limits = config.value.limits;
    const loaded = await readRoundup(dir, {
      cwd,
      maxBytes: limits?.maxFileBytes ?? options.maxBytes,
      markdown: { maxDepth: limits?.maxNesting, timeoutMs: limits?.renderTimeoutMs },
    });
    const roundupFiles = [loaded.question.file, ...loaded.experts.map((expert) => expert.file)];
    files.push(...roundupFiles);
    const slug = checkStructure(loaded);
    if (slug !== undefined) checkSlugCollision(loaded, slug, slugs);
    if (hasErrors(roundupFiles) || slug === undefined || (config.file && hasErrors([config.file]))) {
      roundups.push({ dir, outputs: [], written: [] });
      continue;
    }
    try {
      const settings = { ...settingsFor(config), budgets: budgets(loaded, options), condense: options.condense ?? 'warn' };
      const modelOptions = { smartypants: options.smartypants, credentials: credentialIndexFor(config), expansions: settings.expansions };
      let roundup = buildRoundup(loaded, slug, modelOptions);
      await runRules(createRuleContext(loaded, roundup, config, settings), severities(config));
      if (hasErrors(roundupFiles)) {
        roundups.push({ dir, outputs: [], written: [] });
        continue;
      }
      if (settings.condense === 'apply') roundup = condenseRoundup(roundup, { ...modelOptions, budgets: settings.budgets });
      roundups.push(await produce(loaded, roundup));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      // A throw here is roundup's bug or the file system's refusal, never the content's: say which roundup, keep going.
      addDiagnostic(loaded.question.file, {
        ruleId: 'internal-error',
        severity: 'error',
        reason: `Cannot build roundup: ${(error as Error).message}`,
      }).cause = error;
      roundups.push({ dir, outputs: [], written: [] });
    }
  }
  const badConfig = [...configs.values()].length > 0 && (await Promise.all(configs.values())).some((config) => config.file && hasErrors([config.file]));
  return { files, roundups, code: badConfig ? 2 : exitCode(files, { strict: options.strict }) };
}
