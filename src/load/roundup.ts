import { parseExpert, type LoadedExpert } from './expert.js';
import { guardMarkdown, type MarkdownLimits } from '../markdown/guard.js';
import { parseQuestion, type LoadedQuestion } from './question.js';
import path from 'node:path';
import { decodeFile, type RawFile, type ReadOptions } from './read.js';
import { snapshotRoundup, type RoundupSnapshot } from './snapshot.js';

export interface LoadedRoundup {
  /** The roundup folder, relative to `cwd` as given. */
  dir: string;
  question: LoadedQuestion;
  /** In file-name order; `order` is applied by the model. */
  experts: LoadedExpert[];
  /** Expert files left out because of their extension (`experts/Jane.MD`). */
  misnamed: string[];
  /** Why `experts/` could not be listed (`EACCES`). */
  expertsUnreadable?: string;
  /** The roundup's image files by their path inside the folder (`images/jane.jpg`); a refused one has no bytes. */
  images: Map<string, RawFile>;
}

/** Decode and parse a snapshot, with the Markdown in each file checked to be safe to render. */
export async function loadRoundup(snapshot: RoundupSnapshot, options: { cwd: string; markdown?: MarkdownLimits }): Promise<LoadedRoundup> {
  const question = parseQuestion(decodeFile(snapshot.question, options.cwd));
  for (const field of ['intro', 'cta'] as const) {
    const markdown = question.value?.[field];
    if (markdown && !(await guardMarkdown(question.file, markdown, question.places.value([field]).start, options.markdown)))
      question.value = undefined;
  }
  const experts = await Promise.all(
    snapshot.experts.map(async (raw) => {
      const expert = parseExpert(decodeFile(raw, options.cwd));
      if (expert.value && !(await guardMarkdown(expert.file, expert.body, expert.bodyOffset, options.markdown))) expert.value = undefined;
      return expert;
    }),
  );
  const images = new Map(snapshot.images.map((raw) => [path.relative(snapshot.dir, raw.path).split(path.sep).join('/'), raw]));
  return { dir: snapshot.dir, question, experts, misnamed: snapshot.misnamed, expertsUnreadable: snapshot.expertsUnreadable, images };
}

/** Read and load a roundup folder. */
export async function readRoundup(dir: string, options: ReadOptions & { markdown?: MarkdownLimits }): Promise<LoadedRoundup> {
  return loadRoundup(await snapshotRoundup(dir, options), options);
}
