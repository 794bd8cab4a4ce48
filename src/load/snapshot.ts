import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { readRawFile, type RawFile, type ReadOptions } from './read.js';

export const QUESTION_FILE = 'question.yaml';
const EXPERTS_DIR = 'experts';

/** A roundup's input files as bytes: everything roundup reads of it, hashed for the cache and decoded to load it. */
export interface RoundupSnapshot {
  dir: string;
  question: RawFile;
  experts: RawFile[];
}

/**
 * Read a roundup folder's files: `question.yaml` and every `experts/*.md`,
 * refusing links that lead outside it. Only symbolic links are resolved:
 * a plain file in the folder is inside it by definition.
 */
export async function snapshotRoundup(dir: string, options: ReadOptions): Promise<RoundupSnapshot> {
  // Resolved only when a link turns up: most roundups have none, and realpath costs a call per path component.
  let root: string | undefined;
  const inside = (file: string) => {
    try {
      root ??= realpathSync(path.resolve(options.cwd, dir));
      const relative = path.relative(root, realpathSync(path.resolve(options.cwd, file)));
      return !relative.startsWith('..') && !path.isAbsolute(relative);
    } catch {
      return true; // Missing: reading it reports it.
    }
  };
  // A link is read only when it leads inside the roundup; a plain file is opened without following links.
  const read = (file: string, link: boolean): RawFile => {
    if (link) return inside(file) ? readRawFile(file, options) : refusedLink(file);
    const raw = readRawFile(file, { ...options, noFollow: true });
    return raw.refused?.reason.endsWith('ELOOP') ? read(file, true) : raw;
  };
  const question = read(path.join(dir, QUESTION_FILE), false);
  const expertsDir = path.join(dir, EXPERTS_DIR);
  // The experts folder itself may be a link out of the roundup: then every file in it counts as a link.
  const expertsLinked =
    lstatSync(path.resolve(options.cwd, expertsDir), { throwIfNoEntry: false })?.isSymbolicLink() === true && !inside(expertsDir);
  const entries = readdirSafe(path.resolve(options.cwd, expertsDir))
    .filter((entry) => entry.name.endsWith('.md') && !entry.name.startsWith('.') && (entry.isFile() || entry.isSymbolicLink()))
    .sort((a, b) => compareCodePoints(a.name, b.name));
  const experts = entries.map((entry) => read(path.join(expertsDir, entry.name), expertsLinked || entry.isSymbolicLink()));
  return { dir, question, experts };
}

/** A file that links outside the roundup is never read: a committed `experts/jane.md -> ~/.npmrc` must not be published. */
function refusedLink(file: string): RawFile {
  return {
    path: file,
    refused: {
      ruleId: 'symlink-outside',
      reason: 'Unexpected symbolic link to a file outside the roundup folder, expected a file inside it',
      note: 'Copy the file into the roundup instead of linking to it; roundup never publishes files from elsewhere.',
    },
  };
}

function readdirSafe(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Locale-independent, so the default expert order is the same on every machine. */
export const compareCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
