import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { addDiagnostic } from '../diagnostics.js';
import { parseExpert, type LoadedExpert } from './expert.js';
import { guardMarkdown, type MarkdownLimits } from './markdown-guard.js';
import { parseQuestion, type LoadedQuestion } from './question.js';
import { readInputFile, type ReadOptions } from './read.js';

export interface LoadedRoundup {
  /** The roundup folder, relative to `cwd` as given. */
  dir: string;
  question: LoadedQuestion;
  /** In file-name order; `order` is applied by the model. */
  experts: LoadedExpert[];
}

export const QUESTION_FILE = 'question.yaml';
export const EXPERTS_DIR = 'experts';

/**
 * Read a roundup folder: `question.yaml` and every `experts/*.md`, with the
 * Markdown in each checked to be safe to render.
 */
export async function readRoundup(dir: string, options: ReadOptions & { markdown?: MarkdownLimits }): Promise<LoadedRoundup> {
  const questionPath = path.join(dir, QUESTION_FILE);
  const root = await realpath(path.resolve(options.cwd, dir));
  const question = parseQuestion(await ((await isInside(questionPath, root, options.cwd)) ? readInputFile(questionPath, options) : refusedLink(questionPath, options.cwd)));
  for (const field of ['intro', 'cta'] as const) {
    const markdown = question.value?.[field];
    if (markdown && !(await guardMarkdown(question.file, markdown, question.places.value([field]).start, options.markdown))) question.value = undefined;
  }
  const expertPaths = await listExpertFiles(dir, root, options.cwd);
  const experts = await Promise.all(
    expertPaths.map(async ({ file, outside }) => {
      const expert = parseExpert(outside ? await refusedLink(file, options.cwd) : await readInputFile(file, options));
      if (expert.value && !(await guardMarkdown(expert.file, expert.body, expert.bodyOffset, options.markdown))) expert.value = undefined;
      return expert;
    }),
  );
  return { dir, question, experts };
}

/** A file that links outside the roundup is never read: a committed `experts/jane.md -> ~/.npmrc` must not be published. */
async function refusedLink(file: string, cwd: string): Promise<VFile> {
  const vfile = new VFile({ path: file, cwd, value: '' });
  addDiagnostic(vfile, {
    ruleId: 'symlink-outside',
    severity: 'error',
    reason: 'Unexpected symbolic link to a file outside the roundup folder, expected a file inside it',
    note: 'Copy the file into the roundup instead of linking to it; roundup never publishes files from elsewhere.',
  });
  return vfile;
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

async function listExpertFiles(dir: string, root: string, cwd: string): Promise<{ file: string; outside: boolean }[]> {
  const expertsDir = path.join(dir, EXPERTS_DIR);
  let entries;
  try {
    entries = await readdir(path.resolve(cwd, expertsDir), { withFileTypes: true });
  } catch {
    return [];
  }
  const names = entries
    .filter((entry) => entry.name.endsWith('.md') && !entry.name.startsWith('.') && (entry.isFile() || entry.isSymbolicLink()))
    .map((entry) => entry.name)
    .sort(compareCodePoints);
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(expertsDir, name);
      return { file, outside: !(await isInside(file, root, cwd)) };
    }),
  );
}

/** Locale-independent, so the default expert order is the same on every machine. */
export const compareCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
