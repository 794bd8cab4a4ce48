import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateTree } from '../../bench/generate.mjs';
import { EXAMPLE, ROOT, expectGolden, runCli, tempDir } from '../helpers.js';

/*
 * What users see must not move when the engine changes how it gets there:
 * the findings each reporter prints (their order included) and every output
 * file, on the example and on a 300-roundup tree with realistic findings,
 * cold and replayed from the cache. The goldens were captured before the
 * findings stream and the compact cache (#12).
 */

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Every file under `dir` as `sha256  path`, sorted: the outputs byte for byte, compactly. */
function manifest(dir: string): string {
  const lines: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else lines.push(`${sha(readFileSync(full))}  ${path.relative(dir, full).split(path.sep).join('/')}`);
    }
  };
  walk(dir);
  return `${lines.sort().join('\n')}\n`;
}

/** Machine-dependent parts out: the docs URL of this checkout, the temporary folder, the time taken. */
const normalize = (text: string, cwd: string) =>
  text
    .replaceAll(pathToFileURL(ROOT).href, 'file:///<roundup>')
    .replaceAll(pathToFileURL(cwd).href, 'file:///<cwd>')
    .replace(/ in \d+\.\d+ s$/gm, ' in <time> s');

/** One line per finding, in reported order: the golden a reviewer can read and diff. */
const findingLines = (json: string) =>
  `${(JSON.parse(json) as Record<string, unknown>[]).map((entry) => JSON.stringify(entry)).join('\n')}\n`;

describe('a 300-roundup tree with findings', () => {
  const cwd = tempDir('roundup-equivalence-');
  const build = (reporter: string, extra: string[] = []) =>
    runCli(
      [
        'build',
        'content',
        '--out',
        'out',
        '--format',
        'html,json,text,md',
        '--cache-dir',
        'cache',
        '--jobs',
        '1',
        '--reporter',
        reporter,
        ...extra,
      ],
      { cwd },
    );
  let cold: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    generateTree(path.join(cwd, 'content'), 300, 1, { findings: true });
    cold = await build('json');
  }, 120_000);

  test('a cold build reports the same findings in the same order and writes the same files', () => {
    expect(cold.code).toBe(1);
    expectGolden(normalize(findingLines(cold.stdout), cwd), 'equivalence/tree-findings.ndjson');
    expectGolden(manifest(path.join(cwd, 'out')), 'equivalence/tree-outputs.sha256');
  });

  test('a no-op rebuild replays the same findings from the cache, with every reporter', async () => {
    const noop = await build('json');
    expect(noop.stdout).toBe(cold.stdout);
    const lines: string[] = [];
    for (const reporter of ['pretty', 'github', 'sarif']) {
      const { code, stdout, stderr } = await build(reporter);
      expect(code).toBe(1);
      const text = normalize(reporter === 'pretty' ? stderr : stdout, cwd);
      if (reporter === 'pretty') {
        // The findings apart from the run's summary line, which counts the roundups replayed from the cache.
        const summary = text.trimEnd().lastIndexOf('\n');
        lines.push(`${sha(text.slice(0, summary + 1))}  pretty`, `summary: ${text.slice(summary + 1).trim()}`);
      } else lines.push(`${sha(text)}  ${reporter}`);
    }
    expectGolden(`${lines.join('\n')}\n`, 'equivalence/tree-reporters.txt');
    expect(manifest(path.join(cwd, 'out'))).toBe(
      readFileSync(path.join(ROOT, 'test/fixtures/golden/equivalence/tree-outputs.sha256'), 'utf8'),
    );
  }, 60_000);

  test('check reports the same findings as before, with json and pretty', async () => {
    const json = await runCli(['check', 'content', '--reporter', 'json'], { cwd });
    const pretty = await runCli(['check', 'content'], { cwd });
    expect(json.code).toBe(1);
    expectGolden(
      `${sha(normalize(json.stdout, cwd))}  json\n${sha(normalize(pretty.stderr, cwd))}  pretty\n`,
      'equivalence/tree-check.txt',
    );
  }, 60_000);
});

describe('the example', () => {
  test('builds the same files and reports the same findings, cold and from the cache', async () => {
    const cwd = tempDir('roundup-equivalence-');
    const argv = [
      'build',
      EXAMPLE,
      '--out',
      path.join(cwd, 'out'),
      '--format',
      'html,json,text,md',
      '--cache-dir',
      path.join(cwd, 'cache'),
    ];
    const cold = await runCli([...argv, '--reporter', 'json']);
    const replayed = await runCli([...argv, '--reporter', 'json']);
    const pretty = await runCli(argv);
    expect(replayed.stdout).toBe(cold.stdout);
    expectGolden(normalize(findingLines(cold.stdout), cwd), 'equivalence/example-findings.ndjson');
    expectGolden(normalize(pretty.stderr, cwd), 'equivalence/example-pretty.txt');
    expectGolden(manifest(path.join(cwd, 'out')), 'equivalence/example-outputs.sha256');
  });
});
