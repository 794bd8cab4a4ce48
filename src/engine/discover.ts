import { readdirSync, type Dirent } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../util/errors.js';
import { compareCodePoints, QUESTION_FILE } from '../load/snapshot.js';
import { NEAR_QUESTION_FILE, roundupOfFile } from './file-arguments.js';
import { ignoreTest } from './ignore-file.js';

export interface DiscoverOptions {
  cwd: string;
  /** Folders never searched, such as the output folder (absolute or relative to `cwd`). */
  exclude?: readonly string[];
  /** Globs of folders (relative to `cwd`) to skip, with all below them; `.roundupignore` in `cwd` adds its own. */
  ignore?: readonly string[];
  /** Told of a folder that holds `question.yml`, `Question.yaml` or the like but no `question.yaml`: it is left out. */
  onMisnamed?: (file: string) => void;
}

/** The roundups a run covers, and for those named only by some of their files, which files. */
export interface Discovered {
  /** Roundup folders relative to `cwd`, sorted, without duplicates. */
  dirs: string[];
  /** Roundup folder → the files given (relative to `cwd`), for a roundup no folder argument covers. */
  focus: Map<string, string[]>;
  /** Files given that are no roundup's input, or ignored, with the reason: passed over, not an error. */
  skipped: { file: string; reason: string }[];
}

/**
 * CLI paths → roundup folders (relative to `cwd`, sorted, without
 * duplicates). A path is a roundup folder, one of its input files, or a
 * folder searched for roundups below it, skipping node_modules and dot-folders.
 */
export async function discoverRoundups(paths: readonly string[], options: DiscoverOptions): Promise<string[]> {
  return (await discover(paths, options)).dirs;
}

/** `discoverRoundups`, with the files each roundup was named by and the files passed over. */
export async function discover(paths: readonly string[], options: DiscoverOptions): Promise<Discovered> {
  const excluded = new Set((options.exclude ?? []).map((dir) => path.resolve(options.cwd, dir)));
  const ignored = ignoreTest(options.cwd, options.ignore);
  const exclude = (absolute: string) => excluded.has(absolute) || ignored(absolute, true);
  const found = new Map<string, string>();
  // Roundup folder (absolute) → the files it was named by; a folder argument makes it whole (`undefined`).
  const named = new Map<string, Set<string> | undefined>();
  const skipped: Discovered['skipped'] = [];
  for (const given of paths) {
    const absolute = path.resolve(options.cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UsageError(`${given}: no such file or folder`);
    if (info.isFile()) {
      const roundup = roundupOfFile(absolute, ignored);
      if ('skip' in roundup) {
        skipped.push({ file: given, reason: roundup.skip });
        continue;
      }
      found.set(roundup.dir, path.relative(options.cwd, roundup.dir) || '.');
      if (!named.has(roundup.dir) || named.get(roundup.dir)) named.set(roundup.dir, (named.get(roundup.dir) ?? new Set()).add(absolute));
      continue;
    }
    // Counted per path: a folder given twice, or inside another given folder, still finds its roundups.
    const here = new Map<string, string>();
    const misnamed: string[] = [];
    await search(absolute, path.relative(options.cwd, absolute) || '.', exclude, here, misnamed);
    for (const file of misnamed) options.onMisnamed?.(file);
    for (const [key, dir] of here) {
      if (!found.has(key)) found.set(key, dir);
      named.set(key, undefined);
    }
    if (here.size === 0) {
      throw new UsageError(
        `${given}: no ${QUESTION_FILE} in this folder or below it${misnamed[0] ? ` (${misnamed[0]} is not read: rename it ${QUESTION_FILE})` : ''}`,
      );
    }
  }
  const dirs = [...found.entries()].sort(([a], [b]) => compareCodePoints(a, b));
  const focus = new Map<string, string[]>();
  for (const [key, dir] of dirs) {
    const files = named.get(key);
    if (files) focus.set(dir, [...files].map((file) => path.relative(options.cwd, file)).sort(compareCodePoints));
  }
  return { dirs: dirs.map(([, dir]) => dir), focus, skipped };
}

async function search(
  absolute: string,
  given: string,
  exclude: (absolute: string) => boolean,
  found: Map<string, string>,
  misnamed: string[],
) {
  // Synchronous: a tree of thousands of folders is listed faster without a promise per folder.
  let entries: Dirent[];
  try {
    entries = readdirSync(absolute, { withFileTypes: true });
  } catch {
    entries = [];
  }
  // Whatever it is: a question.yaml that is a folder or a pipe is read and refused with a message, never passed over.
  if (entries.some((entry) => entry.name === QUESTION_FILE)) {
    found.set(absolute, given);
    return;
  }
  const near = entries.find((entry) => NEAR_QUESTION_FILE.test(entry.name) && !entry.isDirectory());
  if (near) misnamed.push(path.join(given, near.name));
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => entry.name)
    .sort(compareCodePoints);
  for (const name of folders) {
    const child = path.join(absolute, name);
    if (!exclude(child)) await search(child, path.join(given, name), exclude, found, misnamed);
  }
}
