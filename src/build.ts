import path from 'node:path';
import type { VFile } from 'vfile';
import { checkStructure } from './check/structure.js';
import { addDiagnostic, exitCode, hasErrors } from './diagnostics.js';
import { discoverRoundups, UsageError } from './discover.js';
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
  /** 0: no errors; 1: errors (or warnings under `strict`). */
  code: 0 | 1;
}

/** Load, check and model every roundup under `paths`; nothing is rendered or written. */
export async function check(options: CheckOptions): Promise<BuildResult> {
  return run(options, async (loaded, slug) => ({ dir: loaded.dir, roundup: buildRoundup(loaded, slug), outputs: [], written: [] }));
}

/** Check, render and write every roundup under `paths`. A roundup with errors is never written. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const formats = options.formats?.length ? [...new Set(options.formats)] : (['html'] as Format[]);
  const outDir = options.outDir ?? 'dist';
  return run({ ...options, excludeDirs: [outDir] }, async (loaded, slug) => {
    const roundup = buildRoundup(loaded, slug);
    // Render every format before writing any, so a failure writes nothing.
    const outputs = formats.map((format) => ({
      format,
      name: `${slug}.${EXTENSIONS[format]}`,
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

type Produce = (loaded: LoadedRoundup, slug: string) => Promise<RoundupResult>;

async function run(options: CheckOptions & { excludeDirs?: string[] }, produce: Produce): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const dirs = await discoverRoundups(options.paths, { cwd, exclude: options.excludeDirs });
  const files: VFile[] = [];
  const roundups: RoundupResult[] = [];
  for (const dir of dirs) {
    const loaded = await readRoundup(dir, { cwd, maxBytes: options.maxBytes });
    const roundupFiles = [loaded.question.file, ...loaded.experts.map((expert) => expert.file)];
    files.push(...roundupFiles);
    const slug = checkStructure(loaded);
    if (hasErrors(roundupFiles) || slug === undefined) {
      roundups.push({ dir, outputs: [], written: [] });
      continue;
    }
    try {
      roundups.push(await produce(loaded, slug));
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
  return { files, roundups, code: exitCode(files, { strict: options.strict }) };
}
