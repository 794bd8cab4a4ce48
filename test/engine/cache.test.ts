import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/index.js';
import { makeRoundup, minimalExpert, tempDir } from '../helpers.js';

/** The log replayed: each roundup's last line, unless a later `["id"]` line forgot it. */
function liveEntries(cacheDir: string): Map<string, string> {
  const live = new Map<string, string>();
  for (const line of readFileSync(path.join(cacheDir, 'cache-v5.ndjson'), 'utf8').split('\n').filter(Boolean).slice(1)) {
    const [id, key] = JSON.parse(line.split('\t')[0]!) as [string, string?];
    if (key === undefined) live.delete(id);
    else live.set(id, line);
  }
  return live;
}

const setUp = () => {
  const parent = tempDir();
  for (const name of ['a', 'b']) makeRoundup({ parent, name, experts: { 'jane-doe': minimalExpert() } });
  const cacheDir = path.join(parent, 'cache');
  const run = (formats: ('html' | 'json' | 'text')[]) =>
    build({ paths: [parent], outDir: path.join(parent, 'out'), formats, cacheDir }).then((result) => result.summary);
  const entries = () => [...liveEntries(cacheDir).keys()].map((id) => path.basename(id.split('\0')[0]!));
  return { parent, cacheDir, run, entries };
};

test('switching formats and back again is a no-op: one cache entry per set of formats, in any order', async () => {
  const { run } = setUp();
  expect((await run(['html', 'json'])).written).toBe(4);
  expect((await run(['json', 'html'])).unchanged).toBe(2);
  expect((await run(['text'])).written).toBe(2);
  expect(await run(['html', 'json'])).toMatchObject({ written: 0, unchanged: 2 });
});

test('the entries of a roundup that is gone are pruned', async () => {
  const { parent, run, entries } = setUp();
  await run(['html']);
  expect(entries().sort()).toEqual(['a', 'b']);
  rmSync(path.join(parent, 'b'), { recursive: true });
  await run(['html']);
  expect(entries()).toEqual(['a']);
});

test('the cache keeps the findings as reported, never the files: a no-op rebuild replays them', async () => {
  const parent = tempDir();
  const answer = 'A long answer that the cache must not hold. '.repeat(40);
  makeRoundup({ parent, name: 'a', experts: { 'jane-doe': `---\nname: Jane Doe\ncredentials: LCSW, PhD\n---\n${answer}\n` } });
  const options = { paths: [parent], outDir: path.join(parent, 'out'), cacheDir: path.join(parent, 'cache') };
  const cold = await build(options);
  expect(cold.findings.map((finding) => [finding.ruleId, finding.source])).toEqual([['credential-order', 'credentials: LCSW, PhD']]);
  const text = readFileSync(path.join(parent, 'cache', 'cache-v5.ndjson'), 'utf8');
  expect(text).toContain('credential-order');
  expect(text).not.toContain('A long answer');
  const replayed = await build(options);
  expect(replayed.summary.unchanged).toBe(1);
  expect(replayed.findings).toEqual(cold.findings);
});

test('a line cut short by a killed build is dropped quietly: that roundup is rebuilt, the others replayed', async () => {
  const { cacheDir, run } = setUp();
  const file = path.join(cacheDir, 'cache-v5.ndjson');
  await run(['html']);
  const whole = readFileSync(file, 'utf8');
  writeFileSync(file, `${whole}${whole.split('\n')[1]!.slice(0, 60)}`);
  const result = await build({ paths: [path.dirname(cacheDir)], outDir: path.join(path.dirname(cacheDir), 'out'), cacheDir });
  expect(result.warnings).toEqual([]);
  expect(result.summary).toMatchObject({ written: 0, unchanged: 2 });
  // The cut line is gone before anything is appended after it.
  writeFileSync(path.join(path.dirname(cacheDir), 'a', 'experts', 'jane-doe.md'), `${minimalExpert()}\nChanged.\n`);
  expect(await run(['html'])).toMatchObject({ written: 1, unchanged: 1 });
  expect(
    readFileSync(file, 'utf8')
      .split('\n')
      .every((line) => line === '' || line.startsWith('{') || line.includes('\t')),
  ).toBe(true);
  expect([...liveEntries(cacheDir).keys()]).toHaveLength(2);
});

test('the log is appended to, and rewritten without its replaced lines once they outweigh the rest', async () => {
  const { parent, cacheDir, run } = setUp();
  const file = path.join(cacheDir, 'cache-v5.ndjson');
  await run(['html']);
  const sizes: number[] = [];
  for (let edit = 0; edit < 6; edit++) {
    writeFileSync(path.join(parent, 'a', 'experts', 'jane-doe.md'), `${minimalExpert()}\nEdit ${edit}.\n`);
    expect(await run(['html'])).toMatchObject({ written: 1, unchanged: 1 });
    sizes.push(readFileSync(file, 'utf8').split('\n').filter(Boolean).length);
  }
  // Header and two entries, plus at most as many replaced lines as live ones.
  expect(Math.max(...sizes)).toBeLessThanOrEqual(1 + 2 * 2);
  expect(sizes).toContain(3);
  expect(await run(['html'])).toMatchObject({ written: 0, unchanged: 2 });
});

test('a no-op rebuild lets the event loop run now and then (signals, timers, the progress bar)', async () => {
  const parent = tempDir();
  for (let index = 0; index < 130; index++) makeRoundup({ parent, name: `r${index}`, experts: { 'jane-doe': minimalExpert() } });
  const options = { paths: [parent], outDir: path.join(parent, 'out'), cacheDir: path.join(parent, 'cache'), jobs: 1 };
  await build(options);
  let turns = 0;
  let running = true;
  const spin = () => {
    turns++;
    if (running) setImmediate(spin);
  };
  setImmediate(spin);
  const replayed = await build(options);
  running = false;
  expect(replayed.summary.unchanged).toBe(130);
  // Without yielding, the whole replay is one run of promise callbacks: the loop turns once, at the end.
  expect(turns).toBeGreaterThanOrEqual(2);
}, 60_000);
