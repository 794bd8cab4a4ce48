import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/index.js';
import { makeRoundup, minimalExpert, tempDir } from '../helpers.js';

const setUp = () => {
  const parent = tempDir();
  for (const name of ['a', 'b']) makeRoundup({ parent, name, experts: { 'jane-doe': minimalExpert() } });
  const cacheDir = path.join(parent, 'cache');
  const run = (formats: ('html' | 'json' | 'text')[]) =>
    build({ paths: [parent], outDir: path.join(parent, 'out'), formats, cacheDir }).then((result) => result.summary);
  const entries = () =>
    readFileSync(path.join(cacheDir, 'cache-v4.ndjson'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(1)
      .map((line) => path.basename((JSON.parse(line.slice(0, line.indexOf('\t'))) as [string])[0].split('\0')[0]!));
  return { parent, run, entries };
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
  const text = readFileSync(path.join(parent, 'cache', 'cache-v4.ndjson'), 'utf8');
  expect(text).toContain('credential-order');
  expect(text).not.toContain('A long answer');
  const replayed = await build(options);
  expect(replayed.summary.unchanged).toBe(1);
  expect(replayed.findings).toEqual(cold.findings);
});
