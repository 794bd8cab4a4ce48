import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { check } from '../../src/index.js';
import { CREDENTIALS, credentialKey } from '../../src/data/credential-registry.js';
import { ROOT, tempDir } from '../helpers.js';

/** An expert line exactly as an article printed it (test/fixtures/real-world/*.yaml). */
interface RealLine {
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
  /** Made from a real line on purpose: only the findings of the rules it expects are scored, not their consequences. */
  derived?: boolean;
}

/** Rules about answers or files, which an expert line cannot trigger; everything else is measured. */
const NOT_MEASURED = new Set(['answer-empty', 'answer-length', 'html-removed', 'no-experts']);

export function loadRealWorld(dir = path.join(ROOT, 'test/fixtures/real-world')): { file: string; articles: RealArticle[] }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: name, articles: parse(readFileSync(path.join(dir, name), 'utf8')) as RealArticle[] }));
}

/**
 * Slips made on purpose from the real lines, for recall: in each line with
 * credentials, the first one of three letters or more with two neighbours
 * swapped (LCSW → LSCW), where that is no credential; in each "City, State",
 * the state with a letter dropped (Calfornia). Every one must be reported.
 */
export function deriveSlips(sets = loadRealWorld()): { file: string; articles: RealArticle[] }[] {
  const keys = new Set(CREDENTIALS.flatMap((entry) => [entry.abbr, ...(entry.aliases ?? [])].map(credentialKey)));
  const articles: RealArticle[] = [];
  for (const { articles: real } of sets) {
    for (const article of real) {
      for (const line of article.experts) {
        const derivedFrom = `${article.url} (${line.printed})`;
        const credentials = line.credentials?.split(',').map((credential) => credential.trim()) ?? [];
        const at = credentials.findIndex((credential) => keys.has(credentialKey(credential)) && credentialKey(credential).length >= 3);
        if (at >= 0) {
          const key = credentialKey(credentials[at]!);
          const typo = key[0]! + key[2] + key[1] + key.slice(3);
          if (typo !== key && !keys.has(typo)) {
            const written = credentials.map((credential, index) => (index === at ? typo : credential)).join(', ');
            articles.push({
              url: derivedFrom,
              derived: true,
              title: 'Derived',
              experts: [{ ...line, printed: `${line.name}, ${written}`, credentials: written, expect: ['credential-unknown'] }],
            });
          }
        }
        const [city, region, ...rest] = line.location?.split(',').map((part) => part.trim()) ?? [];
        if (city && region && rest.length === 0 && region.length >= 6 && /^[A-Z][a-z]+( [A-Z][a-z]+)?$/.test(region)) {
          const misspelt = region.slice(0, 2) + region.slice(3);
          articles.push({
            url: derivedFrom,
            derived: true,
            title: 'Derived',
            experts: [
              {
                ...line,
                printed: `${line.name}, ${city}, ${misspelt}`,
                location: `${city}, ${misspelt}`,
                expect: ['location-region-unknown'],
              },
            ],
          });
        }
      }
    }
  }
  return [{ file: 'derived.yaml', articles }];
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
  const lineAt = new Map<string, RealLine & { id: string; derived?: boolean }>();
  let lines = 0;
  for (const { file, articles } of sets) {
    articles.forEach((article, a) => {
      // Transcribers kept each printing of a name ("Dr Ken Egan", later "Dr Egan"): one roundup per printing.
      const chunks: RealLine[][] = [];
      for (const line of article.experts) {
        const surname = surnameOf(line.name);
        const chunk = chunks.find((lines) => !lines.some((other) => surnameOf(other.name) === surname));
        if (chunk) chunk.push(line);
        else chunks.push([line]);
      }
      chunks.forEach((chunk, c) => {
        const dir = path.join(root, `${file.replace(/\.yaml$/, '')}-${String(a + 1).padStart(3, '0')}-${c + 1}`);
        mkdirSync(path.join(dir, 'experts'), { recursive: true });
        // The stored pages hold the top of each article only: its title is checked when all the experts it counts are here.
        const title = article.countedExperts === article.experts.length && chunks.length === 1 ? article.title : `Article ${a + 1}`;
        writeFileSync(path.join(dir, 'question.yaml'), stringify({ title, byline: 'Benchmark' }));
        chunk.forEach((line, e) => {
          const id = `e${String(e + 1).padStart(2, '0')}`;
          const front = { name: line.name, credentials: line.credentials, role: line.role, location: line.location };
          const filePath = path.join(dir, 'experts', `${id}.md`);
          writeFileSync(filePath, `---\n${stringify(front, { lineWidth: 0 })}---\nAn answer.\n`);
          lineAt.set(filePath, { ...line, id: `${file} #${a + 1} ${line.printed}`, derived: article.derived });
          lines++;
        });
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
      if (NOT_MEASURED.has(rule) || (line?.derived && !line.expect?.includes(rule))) continue;
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
  /** Findings that fail `--strict` (warnings and errors): right, and false alarms. */
  tp: number;
  fp: number;
  /** Infos: advice that does not fail a build, counted apart. */
  infoTp: number;
  infoFp: number;
  /** Expected findings not reported at any severity. */
  fn: number;
  /** Of the warnings and errors, the share that is right. */
  precision: number;
  /** Of the expected findings, the share reported (at any severity). */
  recall: number;
}

export function score(outcomes: readonly Outcome[]): Score[] {
  const rules = [...new Set(outcomes.map((outcome) => outcome.rule))].sort();
  const scoreOf = (rule: string, subset: readonly Outcome[]): Score => {
    const count = (verdict: Outcome['verdict'], info: boolean) =>
      subset.filter((outcome) => outcome.verdict === verdict && (outcome.severity === 'info') === info).length;
    const [tp, fp, infoTp, infoFp] = [count('tp', false), count('fp', false), count('tp', true), count('fp', true)];
    const fn = subset.filter((outcome) => outcome.verdict === 'fn').length;
    return {
      rule,
      tp,
      fp,
      infoTp,
      infoFp,
      fn,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + infoTp + fn === 0 ? 1 : (tp + infoTp) / (tp + infoTp + fn),
    };
  };
  return [
    ...rules.map((rule) =>
      scoreOf(
        rule,
        outcomes.filter((outcome) => outcome.rule === rule),
      ),
    ),
    scoreOf('all', outcomes),
  ];
}

const surnameOf = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .at(-1)!
    .replace(/[^\p{L}]/gu, '')
    .toLowerCase();
