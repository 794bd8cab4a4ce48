import fs, { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { build } from '../../src/index.js';
import { makeRoundup, minimalExpert, tempDir } from '../helpers.js';

/*
 * A roundup whose files' stats all match its cache entry is replayed without
 * being read. Files changed within 2 s of being read get no stamp (a coarse
 * clock could hide a second change), so the tree is made, then aged.
 */
describe('a rebuild checks stats before reading', () => {
  let parent: string;
  const options = () => ({ paths: [parent], outDir: path.join(parent, 'out'), cacheDir: path.join(parent, 'cache'), jobs: 1 });
  const expert = (name: string, file = 'jane-doe.md') => path.join(parent, name, 'experts', file);

  beforeAll(async () => {
    parent = tempDir();
    for (const name of ['a', 'b', 'c', 'd']) makeRoundup({ parent, name, experts: { 'jane-doe': minimalExpert() } });
    await sleep(2100);
    expect((await build(options())).summary.written).toBe(4);
  }, 20_000);

  /** Expert files opened by a build (every question.yaml is read for its slug before any roundup, whatever the cache says). */
  async function opened() {
    const files: string[] = [];
    const open = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation((file, ...rest) => {
      if (String(file).endsWith('.md')) files.push(path.relative(parent, String(file)));
      return open(file, ...(rest as [number]));
    });
    syncBuiltinESMExports();
    try {
      return { result: await build(options()), files };
    } finally {
      vi.restoreAllMocks();
      syncBuiltinESMExports();
    }
  }

  test('an unchanged tree is replayed without opening an expert file', async () => {
    const { result, files } = await opened();
    expect(result.summary).toMatchObject({ written: 0, unchanged: 4 });
    expect(files).toEqual([]);
  });

  test('a file rewritten with the same size and its old mtime is still read (its ctime changed), and rebuilt', async () => {
    const file = expert('a');
    const before = statSync(file);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Jane', 'Joan'));
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    const { result, files } = await opened();
    expect(files).toEqual([path.join('a', 'experts', 'jane-doe.md')]);
    expect(result.summary).toMatchObject({ written: 1, unchanged: 3 });
  });

  test('an expert file added is seen through its folder, and a touched file is read, found unchanged, and stamped again', async () => {
    writeFileSync(expert('b', 'john-roe.md'), minimalExpert('John Roe'));
    const now = new Date();
    utimesSync(expert('c'), now, now);
    const first = await opened();
    // b has a new expert; c is unchanged but read; a, rebuilt just before, is read too (its stamp is not taken yet).
    expect(first.result.summary).toMatchObject({ written: 1, unchanged: 3 });
    expect(new Set(first.files.map((name) => name.split(path.sep)[0]))).toEqual(new Set(['a', 'b', 'c']));
    // Changed just now, so not stamped yet: read once more, then stamped once they have aged.
    await sleep(2100);
    await build(options());
    const second = await opened();
    expect(second.result.summary).toMatchObject({ written: 0, unchanged: 4 });
    expect(second.files).toEqual([]);
  }, 20_000);
});
