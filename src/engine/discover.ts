import { readdirSync, type Dirent } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../util/errors.js';
import { compareCodePoints, QUESTION_FILE } from '../load/snapshot.js';

export interface DiscoverOptions {
  cwd: string;
  /** Folders never searched, such as the output folder (absolute or relative to `cwd`). */
  exclude?: readonly string[];
  /** Globs of folders (relative to `cwd`) to skip, with all below them. */
  ignore?: readonly string[];
  /** Told of a folder that holds `question.yml`, `Question.yaml` or the like but no `question.yaml`: it is left out. */
  onMisnamed?: (file: string) => void;
}

/** What a question file is easily called instead: it would make the roundup silently skipped. */
const NEAR_QUESTION_FILE = /^question\.ya?ml$/i;

/**
 * CLI paths → roundup folders (relative to `cwd`, sorted, without
 * duplicates). A path is a roundup folder, its `question.yaml`, or a folder
 * searched for roundups below it, skipping node_modules and dot-folders.
 */
export async function discoverRoundups(paths: readonly string[], options: DiscoverOptions): Promise<string[]> {
  const excluded = new Set((options.exclude ?? []).map((dir) => path.resolve(options.cwd, dir)));
  const ignored = options.ignore?.length ? picomatch([...options.ignore], { dot: true }) : undefined;
  const exclude = (absolute: string) =>
    excluded.has(absolute) || (ignored !== undefined && ignored(path.relative(options.cwd, absolute).split(path.sep).join('/')));
  const found = new Map<string, string>();
  for (const given of paths) {
    const absolute = path.resolve(options.cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UsageError(`${given}: no such file or folder`);
    if (info.isFile()) {
      if (path.basename(absolute) !== QUESTION_FILE) throw new UsageError(`${given}: expected a roundup folder or its ${QUESTION_FILE}`);
      found.set(path.dirname(absolute), path.relative(options.cwd, path.dirname(absolute)) || '.');
      continue;
    }
    // Counted per path: a folder given twice, or inside another given folder, still finds its roundups.
    const here = new Map<string, string>();
    const misnamed: string[] = [];
    await search(absolute, path.relative(options.cwd, absolute) || '.', exclude, here, misnamed);
    for (const file of misnamed) options.onMisnamed?.(file);
    for (const [key, dir] of here) if (!found.has(key)) found.set(key, dir);
    if (here.size === 0) {
      throw new UsageError(
        `${given}: no ${QUESTION_FILE} in this folder or below it${misnamed[0] ? ` (${misnamed[0]} is not read: rename it ${QUESTION_FILE})` : ''}`,
      );
    }
  }
  return [...found.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([, dir]) => dir);
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
