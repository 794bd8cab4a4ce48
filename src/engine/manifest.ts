import { createHash } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { EXTENSIONS } from '../render/format-names.js';
import type { RoundupResult } from './run-types.js';
import { writeFileAtomic } from './write.js';

/**
 * The list of every file roundup wrote in an output folder and the roundups that produce it. It lives
 * beside the cache, not in the output folder, which is often deployed as it is.
 */
export const manifestFile = (cacheDir: string, outDir: string) =>
  path.join(cacheDir, `outputs-${createHash('sha1').update(outDir).digest('hex').slice(0, 12)}.json`);
const OUTPUT_EXTENSIONS = new Set(Object.values(EXTENSIONS).map((extension) => `.${extension}`));

interface Manifest {
  version: 1;
  /** File name → the roundup folders (relative to the output folder) whose outputs it is. */
  files: Record<string, string[]>;
}

/**
 * Outputs that no roundup accounts for any more: a roundup deleted or
 * renamed, or whose slug or pictures changed. Only files in the manifest
 * (files roundup wrote) are ever considered, so a file someone else put in
 * the output folder is never reported or removed. A format left out of this
 * build is not an orphan: its roundup still produces it.
 */
async function settleOrphans(
  outDir: string,
  roundups: readonly RoundupResult[],
  options: { cwd: string; manifest: string; clean?: boolean },
): Promise<string[]> {
  const manifest = readManifest(options.manifest);
  const relative = (dir: string) => path.relative(outDir, path.resolve(options.cwd, dir)) || '.';
  const claims = new Map(Object.entries(manifest.files).map(([name, dirs]) => [name, new Set(dirs)]));
  // What each roundup folder claimed, so each roundup looks at its own claims, not every output's (quadratic at 10,000 roundups).
  const claimed = new Map<string, string[]>();
  for (const [name, dirs] of claims) for (const dir of dirs) claimed.set(dir, [...(claimed.get(dir) ?? []), name]);
  for (const roundup of roundups) {
    const produced = new Set((roundup.written ?? []).map((file) => path.basename(file)));
    // A roundup with errors wrote nothing this time: its earlier outputs are still its own.
    if (produced.size === 0) continue;
    const dir = relative(roundup.dir);
    const slugs = new Set([...produced].filter((name) => OUTPUT_EXTENSIONS.has(path.extname(name))).map((name) => stem(name)));
    for (const name of claimed.get(dir) ?? []) {
      if (!produced.has(name) && !(OUTPUT_EXTENSIONS.has(path.extname(name)) && slugs.has(stem(name)))) claims.get(name)?.delete(dir);
    }
    for (const name of produced) claims.set(name, (claims.get(name) ?? new Set()).add(dir));
  }
  // A roundup folder that is gone claims nothing (each folder looked up once).
  const present = new Map<string, boolean>();
  const exists = (dir: string) => present.get(dir) ?? present.set(dir, existsSync(path.join(outDir, dir, 'question.yaml'))).get(dir)!;
  for (const dirs of claims.values()) for (const dir of dirs) if (!exists(dir)) dirs.delete(dir);

  const orphans = [...claims].filter(([name, dirs]) => dirs.size === 0 && existsSync(path.join(outDir, name))).map(([name]) => name);
  const orphaned = new Set(orphans);
  for (const [name, dirs] of claims) if (dirs.size === 0 && !orphaned.has(name)) claims.delete(name);
  if (options.clean) {
    for (const name of orphans) {
      try {
        unlinkSync(path.join(outDir, name));
      } catch {
        // Already gone.
      }
      claims.delete(name);
    }
  }
  const next: Manifest = { version: 1, files: Object.fromEntries([...claims].sort().map(([name, dirs]) => [name, [...dirs].sort()])) };
  if (JSON.stringify(next) !== JSON.stringify(manifest)) {
    await mkdir(path.dirname(options.manifest), { recursive: true });
    await writeFileAtomic(options.manifest, `${JSON.stringify(next, null, 2)}\n`, { sync: true });
  }
  return orphans;
}

/** Outputs no roundup accounts for any more: removed with `clean` (returned, relative to `cwd`), otherwise a warning. */
export async function accountForOutputs(
  outDir: string,
  roundups: RoundupResult[],
  options: { cwd: string; manifest: string; clean?: boolean },
  warnings: string[],
) {
  let orphans: string[];
  try {
    orphans = await settleOrphans(outDir, roundups, options);
  } catch (error) {
    warnings.push(
      `The list of outputs could not be saved to ${options.manifest} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); orphaned outputs are not tracked. Give --cache-dir a writable folder.`,
    );
    return [];
  }
  const paths = orphans.map((name) => path.relative(options.cwd, path.join(outDir, name)));
  if (options.clean) return paths;
  if (orphans.length > 0) {
    const listed = paths.slice(0, 5).join(', ') + (paths.length > 5 ? ` and ${paths.length - 5} more` : '');
    warnings.push(
      `${paths.length} ${paths.length === 1 ? 'output belongs' : 'outputs belong'} to no roundup any more (a roundup removed or renamed, or its slug or pictures changed): ${listed}; remove them with --clean`,
    );
  }
  return [];
}

const stem = (name: string) => name.slice(0, name.length - path.extname(name).length);

function readManifest(file: string): Manifest {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (data.version === 1 && data.files && typeof data.files === 'object') return data;
  } catch {
    // None yet, or damaged: start over; files it listed are then never taken for orphans.
  }
  return { version: 1, files: {} };
}
