import { Worker } from 'node:worker_threads';
import type { VFile } from 'vfile';
import { addDiagnostic } from '../util/diagnostics.js';

export interface MarkdownLimits {
  /** Deepest nesting of block quotes and lists, and longest run of emphasis marks or brackets. Default 32. */
  maxDepth?: number;
  /** Larger Markdown is first rendered in a worker, with a time limit. Default 8 KiB. */
  guardBytes?: number;
  /** How long that worker may take. Default 1.5 s. */
  timeoutMs?: number;
}

const DEFAULTS = { maxDepth: 32, guardBytes: 8 * 1024, timeoutMs: 1_500 };

/**
 * Emphasis marks past which text of any length is rendered in the worker
 * first: the slow patterns are runs of `*a ` and `a* `, and prose uses a
 * few dozen marks at most.
 */
const GUARD_MARKS = 200;

/**
 * Markdown that would stall or crash the renderer becomes a diagnostic
 * instead: remark's tree steps recurse (`> `×1500 overflows the stack) and some
 * patterns take quadratic time (64 KiB of `*a_ ` takes 20 s). A cheap scan
 * refuses deep nesting; larger text is rendered once in a worker with a small
 * stack and a time limit, so that only text known to render safely reaches
 * the main thread. Returns false when the text must not be rendered.
 */
export async function guardMarkdown(file: VFile, markdown: string, offset: number, limits: MarkdownLimits = {}): Promise<boolean> {
  const maxDepth = limits.maxDepth ?? DEFAULTS.maxDepth;
  const guardBytes = limits.guardBytes ?? DEFAULTS.guardBytes;
  const timeoutMs = limits.timeoutMs ?? DEFAULTS.timeoutMs;
  const deep = findDeepNesting(markdown, maxDepth);
  if (deep) {
    addDiagnostic(file, {
      ruleId: 'markdown-too-deep',
      severity: 'error',
      span: { start: offset + deep.index, end: offset + deep.index + 1 },
      reason: `Unexpected ${deep.what} nested deeper than ${maxDepth} levels, expected ordinary prose`,
      note: 'Flatten the quotes, lists or emphasis; no answer needs this depth, and rendering it could crash the build.',
    });
    return false;
  }
  if (markdown.length <= guardBytes && countMarks(markdown) <= GUARD_MARKS) return true;
  const outcome = await renderInWorker(markdown, timeoutMs);
  if (outcome === 'ok') return true;
  addDiagnostic(file, {
    ruleId: 'markdown-too-slow',
    severity: 'error',
    span: { start: offset, end: offset },
    reason:
      outcome === 'timeout'
        ? `Unexpected Markdown that takes over ${timeoutMs / 1000} s to render, expected ordinary prose`
        : `Cannot render this Markdown: ${outcome}`,
    note: 'Look for long runs of `*`, `_`, `[` or `>`; split or simplify the text.',
  });
  return false;
}

function countMarks(markdown: string): number {
  let marks = 0;
  for (let index = 0; index < markdown.length; index++) if (markdown[index] === '*' || markdown[index] === '_') marks++;
  return marks;
}

interface DeepPlace {
  index: number;
  what: string;
}

/** Over-estimates on purpose: it only has to be cheap and never miss real depth. */
function findDeepNesting(markdown: string, maxDepth: number): DeepPlace | undefined {
  let lineStart = 0;
  for (const line of markdown.split('\n')) {
    const quotes = /^(?:\s{0,3}>)+/.exec(line)?.[0].split('>').length ?? 1;
    if (quotes - 1 > maxDepth) return { index: lineStart, what: 'block quotes' };
    const indent = /^(?:\s|[-*+]\s|\d{1,9}[.)]\s|>)*/.exec(line)?.[0].length ?? 0;
    if (indent > maxDepth * 4) return { index: lineStart, what: 'lists' };
    lineStart += line.length + 1;
  }
  let run = 0;
  let brackets = 0;
  for (let index = 0; index < markdown.length; index++) {
    const character = markdown[index];
    run = character === '*' || character === '_' ? run + 1 : 0;
    if (run > maxDepth * 2) return { index, what: 'emphasis marks' };
    if (character === '[') brackets++;
    else if (character === ']') brackets = Math.max(0, brackets - 1);
    if (brackets > maxDepth) return { index, what: 'brackets' };
  }
  return undefined;
}

/*
 * The worker renders with the same packages as the main thread, loaded by
 * their resolved URLs (so it needs no file of roundup's own), and with a
 * stack smaller than the main thread's: text that fits there fits here.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const [{ unified }, { default: remarkParse }, { default: remarkHtml }, { default: remarkStringify }] = await Promise.all(
    workerData.modules.map((url) => import(url)),
  );
  parentPort.postMessage('ready');
  // Every output a format derives from the tree: the HTML, and the Markdown the md format re-serializes.
  const processor = unified().use(remarkParse).use(remarkHtml, { sanitize: true });
  const tree = processor.runSync(processor.parse(workerData.markdown));
  processor.stringify(tree);
  unified().use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-' }).stringify(tree);
  parentPort.postMessage('ok');
})().catch((error) => parentPort.postMessage(String(error && error.message || error)));
`;

const MODULES = ['unified', 'remark-parse', 'remark-html', 'remark-stringify'].map((name) => import.meta.resolve(name));

/**
 * The time limit counts the rendering only, from the moment the worker has
 * loaded its packages: on a busy machine (a CI runner, a parallel build)
 * loading alone can take longer than rendering any ordinary answer, and must
 * not make ordinary prose look pathological.
 */
function renderInWorker(markdown: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { markdown, modules: MODULES },
      resourceLimits: { stackSizeMb: 0.5, maxOldGenerationSizeMb: 256 },
    });
    const limit = (ms: number, outcome: string) =>
      setTimeout(() => {
        void worker.terminate();
        resolve(outcome);
      }, ms);
    let timer = limit(LOAD_TIMEOUT_MS, `the renderer did not start within ${LOAD_TIMEOUT_MS / 1000} s (is the machine overloaded?)`);
    const finish = (outcome: string) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    worker.on('message', (message: string) => {
      if (message !== 'ready') return finish(message);
      clearTimeout(timer);
      timer = limit(timeoutMs, 'timeout');
    });
    worker.once('error', (error) => finish(error.message));
  });
}

/** How long loading the renderer in the worker may take, apart from the time limit on rendering. */
const LOAD_TIMEOUT_MS = 60_000;
