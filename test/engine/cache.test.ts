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
    readFileSync(path.join(cacheDir, 'cache-v3.ndjson'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(1)
      .map((line) => path.basename((JSON.parse(line) as [string])[0].split('\0')[0]!));
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
