import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { check } from '../../src/index.js';
import { ROOT, tempDir } from '../helpers.js';

/** An expert line exactly as an article printed it (test/fixtures/real-world/*.yaml). */
export interface RealLine {
  printed: string;
  name: string;
  credentials?: string;
  role?: string;
  location?: string;
  /** What a copy editor would flag in the line, in words (from the transcriber). */
  slip?: string;
  /** The rules that should report on this line: a maintainer's judgement of each slip and each finding. */
  expect?: string[];
}

export interface RealArticle {
  url: string;
  title: string;
  site?: string;
  titleCount?: number;
  countedExperts?: number;
  experts: RealLine[];
}

/** Rules about answers or files, which an expert line cannot trigger; everything else is measured. */
const NOT_MEASURED = new Set(['answer-empty', 'answer-length', 'html-removed', 'no-experts']);

export function loadRealWorld(dir = path.join(ROOT, 'test/fixtures/real-world')): { file: string; articles: RealArticle[] }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: name, articles: parse(readFileSync(path.join(dir, name), 'utf8')) as RealArticle[] }));
}

export interface Outcome {
  line: string;
  rule: string;
  severity: string;
  message: string;
  verdict: 'tp' | 'fp' | 'fn';
}

/**
 * Check every article as a roundup of its own (one expert file per line, as
 * printed) and compare the findings with each line's `expect`.
 */
export async function runRealWorld(sets = loadRealWorld()): Promise<{ lines: number; outcomes: Outcome[] }> {
  const root = tempDir('roundup-real-world-');
  const lineAt = new Map<string, RealLine & { id: string }>();
  let lines = 0;
  for (const { file, articles } of sets) {
    articles.forEach((article, a) => {
      const dir = path.join(root, `${file.replace(/\.yaml$/, '')}-${String(a + 1).padStart(3, '0')}`);
      mkdirSync(path.join(dir, 'experts'), { recursive: true });
      // The stored pages hold the top of each article only: its title is checked when all the experts it counts are here.
      const title = article.countedExperts === article.experts.length ? article.title : `Article ${a + 1}`;
      writeFileSync(path.join(dir, 'question.yaml'), stringify({ title, byline: 'Benchmark' }));
      article.experts.forEach((line, e) => {
        const id = `e${String(e + 1).padStart(2, '0')}`;
        const front = { name: line.name, credentials: line.credentials, role: line.role, location: line.location };
        const filePath = path.join(dir, 'experts', `${id}.md`);
        writeFileSync(filePath, `---\n${stringify(front, { lineWidth: 0 })}---\nAn answer.\n`);
        lineAt.set(filePath, { ...line, id: `${file} #${a + 1} ${line.printed}` });
        lines++;
      });
    });
  }
  const result = await check({ paths: [root], cwd: root });
  const outcomes: Outcome[] = [];
  const found = new Map<string, Set<string>>();
  for (const file of result.files) {
    const line = lineAt.get(path.resolve(root, file.path));
    for (const message of file.messages) {
      const rule = message.ruleId ?? 'unknown';
      if (NOT_MEASURED.has(rule)) continue;
      const id = line?.id ?? file.path;
      const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
      outcomes.push({ line: id, rule, severity, message: message.reason, verdict: line?.expect?.includes(rule) ? 'tp' : 'fp' });
      if (line) found.set(id, (found.get(id) ?? new Set()).add(rule));
    }
  }
  for (const line of lineAt.values()) {
    for (const rule of line.expect ?? []) {
      if (!found.get(line.id)?.has(rule)) outcomes.push({ line: line.id, rule, severity: '-', message: line.slip ?? '', verdict: 'fn' });
    }
  }
  return { lines, outcomes };
}

export interface Score {
  rule: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export function score(outcomes: readonly Outcome[]): Score[] {
  const rules = [...new Set(outcomes.map((outcome) => outcome.rule))].sort();
  const scoreOf = (rule: string, subset: readonly Outcome[]): Score => {
    const count = (verdict: Outcome['verdict']) => subset.filter((outcome) => outcome.verdict === verdict).length;
    const [tp, fp, fn] = [count('tp'), count('fp'), count('fn')];
    return { rule, tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
  };
  return [...rules.map((rule) => scoreOf(rule, outcomes.filter((outcome) => outcome.rule === rule))), scoreOf('all', outcomes)];
}
