import path from 'node:path';
import type { VFile } from 'vfile';
import { createRuleContext } from './check/context.js';
import { checkConfigRules, runRules, severities } from './check/registry.js';
import { checkStructure } from './check/structure.js';
import { addDiagnostic, exitCode, hasErrors } from './diagnostics.js';
import { discoverRoundups, UsageError } from './discover.js';
import { DEFAULT_CONFIG, findConfig, readConfig, type LoadedConfig } from './load/config.js';
import { readRoundup, type LoadedRoundup } from './load/roundup.js';
import { buildRoundup, type Roundup } from './model.js';
import { renderHtml } from './render/html.js';
import { renderJson } from './render/json.js';
import { renderText } from './render/text.js';
import { writeOutputs, type OutputFile } from './write.js';

export const FORMATS = ['html', 'json', 'text'] as const;
export type Format = (typeof FORMATS)[number];
const EXTENSIONS: Record<Format, string> = { html: 'html', json: 'json', text: 'txt' };

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

export function render(roundup: Roundup, format: Format, options: { width?: number } = {}): string {
  switch (format) {
    case 'html':
      return renderHtml(roundup);
    case 'json':
      return renderJson(roundup);
    case 'text':
      return renderText(roundup, { width: options.width });
  }
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
  for (const dir of dirs) {
    const config = await configFor(dir);
    const loaded = await readRoundup(dir, { cwd, maxBytes: options.maxBytes });
    const roundupFiles = [loaded.question.file, ...loaded.experts.map((expert) => expert.file)];
    files.push(...roundupFiles);
    const slug = checkStructure(loaded);
    if (hasErrors(roundupFiles) || slug === undefined || (config.file && hasErrors([config.file]))) {
      roundups.push({ dir, outputs: [], written: [] });
      continue;
    }
    try {
      const roundup = buildRoundup(loaded, slug);
      await runRules(createRuleContext(loaded, roundup, config), severities(config));
      if (hasErrors(roundupFiles)) {
        roundups.push({ dir, outputs: [], written: [] });
        continue;
      }
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
