import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { readRawFile, type RawFile, type ReadOptions } from './read.js';

export const QUESTION_FILE = 'question.yaml';
export const EXPERTS_DIR = 'experts';

/** A roundup's input files as bytes: everything roundup reads of it, hashed for the cache and decoded to load it. */
export interface RoundupSnapshot {
  dir: string;
  question: RawFile;
  experts: RawFile[];
}

/** Read a roundup folder's files: `question.yaml` and every `experts/*.md`, refusing links that lead outside it. */
export async function snapshotRoundup(dir: string, options: ReadOptions): Promise<RoundupSnapshot> {
  const [root, expertFiles] = await Promise.all([realpath(path.resolve(options.cwd, dir)), listExpertFiles(dir, options.cwd)]);
  const read = async (file: string) => ((await isInside(file, root, options.cwd)) ? readRawFile(file, options) : refusedLink(file));
  const [question, ...experts] = await Promise.all([read(path.join(dir, QUESTION_FILE)), ...expertFiles.map(read)]);
  return { dir, question: question!, experts };
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

/** Whether `file` (relative to `cwd`), once symbolic links are resolved, lies inside `root`. A missing file counts as inside: reading it reports it. */
function isInside(file: string, root: string, cwd: string): Promise<boolean> {
  return realpath(path.resolve(cwd, file)).then(
    (target) => {
      const relative = path.relative(root, target);
      return !relative.startsWith('..') && !path.isAbsolute(relative);
    },
    () => true,
  );
}

/** The expert files, in a locale-independent file-name order. */
async function listExpertFiles(dir: string, cwd: string): Promise<string[]> {
  const expertsDir = path.join(dir, EXPERTS_DIR);
  const entries = await readdir(path.resolve(cwd, expertsDir), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.name.endsWith('.md') && !entry.name.startsWith('.') && (entry.isFile() || entry.isSymbolicLink()))
    .map((entry) => entry.name)
    .sort(compareCodePoints)
    .map((name) => path.join(expertsDir, name));
}

/** Locale-independent, so the default expert order is the same on every machine. */
export const compareCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
