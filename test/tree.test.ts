import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../src/index.js';
import { ROOT, makeRoundup, runCli, tempDir } from './helpers.js';

/** A content repository of `count` roundups, each with two experts. */
function makeTree(count: number): string {
  const content = tempDir('roundup-tree-');
  for (let index = 0; index < count; index++) {
    const expert = (name: string) =>
      `---\nname: ${name}\ncredentials: LCSW\nlocation: Austin, Texas\n---\nAn answer by ${name}, number ${index}.\n`;
    makeRoundup({
      parent: path.join(content, `section-${index % 7}`),
      name: `roundup-${String(index).padStart(3, '0')}`,
      experts: { 'jane-doe': expert('Jane Doe'), 'john-roe': expert('John Roe') },
    });
  }
  return content;
}

describe('building a tree of 300 roundups', () => {
  let content: string;
  const out = () => path.join(content, 'public');
  const cli = (...argv: string[]) => runCli(['build', '.', '--out', 'public', '--format', 'html,json,text', ...argv], { cwd: content });
  const summary = (stderr: string) =>
    /(\d+) roundups?: (\d+) files? written, (\d+) unchanged, (\d+) errors?, (\d+) warnings?/.exec(stderr)!.slice(1).map(Number);

  beforeAll(() => {
    content = makeTree(300);
  });

  test('a cold build writes 900 files, a second rewrites none, one touched file rebuilds one roundup', async () => {
    const cold = await cli();
    expect(cold.code).toBe(0);
    expect(summary(cold.stderr)).toEqual([300, 900, 0, 0, 0]);
    expect(readdirSync(out())).toHaveLength(900);
    const stamps = () => new Map(readdirSync(out()).map((file) => [file, statSync(path.join(out(), file)).mtimeMs]));
    const before = stamps();

    const warm = await cli();
    expect(summary(warm.stderr)).toEqual([300, 0, 300, 0, 0]);
    expect(readdirSync(out())).toHaveLength(900);
    expect(stamps()).toEqual(before);

    const touched = path.join(content, 'section-3', 'roundup-010', 'experts', 'jane-doe.md');
    writeFileSync(touched, readFileSync(touched, 'utf8').replace('An answer', 'A revised answer'));
    const one = await cli();
    expect(summary(one.stderr)).toEqual([300, 3, 299, 0, 0]);
    expect(readFileSync(path.join(out(), 'roundup-010.txt'), 'utf8')).toContain('A revised answer');

    // The same formats in another order are the same build.
    const reordered = await runCli(['build', '.', '--out', 'public', '--format', 'text,html,json'], { cwd: content });
    expect(summary(reordered.stderr)).toEqual([300, 0, 300, 0, 0]);
  }, 120_000);

  test('an output deleted or edited by hand is rebuilt', async () => {
    await cli();
    rmSync(path.join(out(), 'roundup-001.html'));
    const edited = path.join(out(), 'roundup-002.json');
    writeFileSync(edited, '{"edited": true}\n');
    const { stderr } = await cli();
    expect(summary(stderr)).toEqual([300, 6, 298, 0, 0]);
    expect(JSON.parse(readFileSync(edited, 'utf8')).slug).toBe('roundup-002');
  }, 120_000);

  test('--no-cache rebuilds everything; a corrupt cache is ignored with a warning', async () => {
    expect(summary((await cli('--no-cache')).stderr)).toEqual([300, 900, 0, 0, 0]);
    const cache = path.join(content, 'node_modules', '.cache', 'roundup', 'cache-v5.ndjson');
    writeFileSync(cache, '{"version": 2\n["x", {"key": 1');
    const { code, stderr } = await cli();
    expect(code).toBe(0);
    expect(stderr).toContain(`roundup: The cache ${cache} is corrupt and was ignored; every roundup is rebuilt.\n`);
    expect(summary(stderr)).toEqual([300, 900, 0, 0, 0]);
    expect(summary((await cli()).stderr)).toEqual([300, 0, 300, 0, 0]);

    // One damaged line costs its roundup a rebuild, not the whole cache.
    const lines = readFileSync(cache, 'utf8').split('\n');
    lines[5] = lines[5]!.slice(0, 40);
    writeFileSync(cache, lines.join('\n'));
    const damaged = await cli();
    expect(damaged.stderr).toContain(`roundup: 1 damaged entry of the cache ${cache} ignored; those roundups are rebuilt.\n`);
    expect(summary(damaged.stderr)).toEqual([300, 3, 299, 0, 0]);
  }, 120_000);

  test('--shard 1/2 and --shard 2/2 together build every roundup exactly once', async () => {
    const first = await runCli(['build', '.', '--out', 'shard-1', '--no-cache', '--shard', '1/2'], { cwd: content });
    const second = await runCli(['build', '.', '--out', 'shard-2', '--no-cache', '--shard', '2/2'], { cwd: content });
    const one = readdirSync(path.join(content, 'shard-1'));
    const two = readdirSync(path.join(content, 'shard-2'));
    expect(one.length).toBeGreaterThan(100);
    expect(two.length).toBeGreaterThan(100);
    expect(one.filter((file) => two.includes(file))).toEqual([]);
    expect([...one, ...two].sort()).toEqual(Array.from({ length: 300 }, (_, index) => `roundup-${String(index).padStart(3, '0')}.html`));
    expect(summary(first.stderr)[0]! + summary(second.stderr)[0]!).toBe(300);
  }, 120_000);

  test('--ignore skips folders by glob', async () => {
    const { stderr } = await runCli(['build', '.', '--out', 'ignored', '--no-cache', '--ignore', 'section-[0-5]'], { cwd: content });
    expect(summary(stderr)[0]).toBe(readdirSync(path.join(content, 'section-6')).length);
  }, 120_000);

  test('a progress bar on a terminal, none in CI', async () => {
    const tty = { write: (text: string) => (shown += text), isTTY: true };
    let shown = '';
    const { run } = await import('../src/cli.js');
    // A clock that advances half a second per reading: the bar appears after a second, as on a slow build.
    let clock = 0;
    const now = () => (clock += 500);
    await run(['build', '.', '--out', 'tty', '--no-cache'], { cwd: content, stdout: { write: () => true }, stderr: tty, env: {}, now });
    expect(shown).toMatch(/\r\[=+ *\] \d+\/300 roundups · \d+\/s · \d+ s left/);
    shown = '';
    await run(['build', '.', '--out', 'tty', '--no-cache'], {
      cwd: content,
      stdout: { write: () => true },
      stderr: tty,
      env: { CI: 'true' },
      now,
    });
    expect(shown).not.toContain('\r[');
    expect(shown).toMatch(/^300 roundups: 300 files written/m);
  }, 120_000);

  test('worker threads give the same files and the same report order as one thread', async () => {
    const broken = path.join(content, 'section-1', 'roundup-001', 'experts', 'john-roe.md');
    const brokenAlso = path.join(content, 'section-5', 'roundup-005', 'experts', 'john-roe.md');
    writeFileSync(broken, '---\nname: [\n---\n');
    writeFileSync(brokenAlso, '---\nname: John Roe\nlocaton: x\n---\nHi\n');
    const options = { paths: ['.'], cwd: content, formats: ['html' as const, 'json' as const], cache: false };
    const single = await build({ ...options, outDir: 'single', jobs: 1 });
    const workerUrl = pathToFileURL(path.join(ROOT, 'dist/bundle/worker.js'));
    const parallel = await build({ ...options, outDir: 'parallel', jobs: 2, parallelThreshold: 1, workerUrl });
    const messages = (result: typeof single) =>
      result.files.map((file) => `${file.path}: ${file.messages.map((message) => message.reason).join('; ')}`);
    expect(messages(parallel)).toEqual(messages(single));
    expect(messages(single)).toHaveLength(2);
    expect(parallel.roundups.map((roundup) => roundup.dir)).toEqual(single.roundups.map((roundup) => roundup.dir));
    for (const file of readdirSync(path.join(content, 'single'))) {
      expect(readFileSync(path.join(content, 'parallel', file), 'utf8')).toBe(readFileSync(path.join(content, 'single', file), 'utf8'));
    }
    expect(readdirSync(path.join(content, 'parallel'))).toHaveLength(596);
  }, 120_000);
});

test('merge-reports combines shard reports in order and fails on errors', async () => {
  const dir = tempDir();
  const entry = (file: string, line: number, severity: string) => ({ file, line, column: 1, severity, ruleId: 'schema', message: 'm' });
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify([entry('b.md', 2, 'warning'), entry('a.md', 9, 'error')]));
  writeFileSync(path.join(dir, 'b.json'), JSON.stringify([entry('a.md', 3, 'warning'), entry('b.md', 2, 'warning')]));
  const { code, stdout } = await runCli(['merge-reports', 'a.json', 'b.json'], { cwd: dir });
  expect(code).toBe(1);
  expect(JSON.parse(stdout).map((item: { file: string; line: number }) => `${item.file}:${item.line}`)).toEqual([
    'a.md:3',
    'a.md:9',
    'b.md:2',
  ]);
  writeFileSync(path.join(dir, 'bad.json'), '{');
  const bad = await runCli(['merge-reports', 'bad.json'], { cwd: dir });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/^roundup: bad.json: not a JSON report/);
});
