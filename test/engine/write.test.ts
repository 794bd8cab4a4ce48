import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { removeStaleTemporaries, writeOutputs } from '../../src/engine/write.js';
import { tempDir } from '../helpers.js';

describe('writeOutputs', () => {
  test('writes each file atomically and leaves no temporary file', async () => {
    const out = path.join(tempDir(), 'nested', 'out');
    const written = await writeOutputs(out, [
      { name: 'a.html', contents: 'A' },
      { name: 'a.json', contents: '{}' },
    ]);
    expect(written).toEqual([path.join(out, 'a.html'), path.join(out, 'a.json')]);
    expect(readdirSync(out).sort()).toEqual(['a.html', 'a.json']);
    expect(readFileSync(path.join(out, 'a.html'), 'utf8')).toBe('A');
  });

  test('replaces an existing file whole', async () => {
    const out = tempDir();
    writeFileSync(path.join(out, 'a.txt'), 'old contents, longer than the new');
    await writeOutputs(out, [{ name: 'a.txt', contents: 'new' }]);
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('new');
  });

  test.each(['../escape.html', '/etc/escape.html', '..', 'sub/dir.html'])('refuses the name %j', async (name) => {
    const out = tempDir();
    await expect(writeOutputs(out, [{ name, contents: 'x' }])).rejects.toThrow('refusing to write');
    expect(readdirSync(out)).toEqual([]);
  });

  test('a symlinked output file is replaced, not written through', async () => {
    const base = tempDir();
    const outside = path.join(base, 'outside.html');
    writeFileSync(outside, 'precious');
    const out = path.join(base, 'out');
    mkdirSync(out);
    symlinkSync(outside, path.join(out, 'a.html'));
    await writeOutputs(out, [{ name: 'a.html', contents: 'new' }]);
    expect(readFileSync(outside, 'utf8')).toBe('precious');
    expect(readFileSync(path.join(out, 'a.html'), 'utf8')).toBe('new');
  });

  test('a failed write leaves the earlier file and no temporary file', async () => {
    const out = tempDir();
    writeFileSync(path.join(out, 'a.txt'), 'earlier');
    mkdirSync(path.join(out, 'b.txt'));
    await expect(writeOutputs(out, [{ name: 'b.txt', contents: 'x' }])).rejects.toThrow();
    expect(readdirSync(out).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('earlier');
  });
});

describe('a roundup’s outputs change together', () => {
  const previous = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));

  test('a disk that fills up in the middle of a roundup leaves the previous set whole, and no temporary file', async () => {
    const dir = tempDir();
    await writeOutputs(dir, [
      { name: 'a.html', contents: 'old html' },
      { name: 'a.json', contents: 'old json' },
    ]);
    const before = previous(dir);
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    function* fillsUp() {
      yield 'x'.repeat(1 << 20);
      yield 'x'.repeat(1 << 20);
      throw full;
    }
    await expect(
      writeOutputs(dir, [
        { name: 'a.html', contents: 'new html' },
        { name: 'a.json', contents: fillsUp() },
      ]),
    ).rejects.toBe(full);
    expect(previous(dir)).toEqual(before);
  });

  test('a target that is a folder stops the set before anything is renamed', async () => {
    const dir = tempDir();
    await writeOutputs(dir, [{ name: 'a.html', contents: 'old html' }]);
    mkdirSync(path.join(dir, 'a.json'));
    await expect(
      writeOutputs(dir, [
        { name: 'a.html', contents: 'new html' },
        { name: 'a.json', contents: '{}' },
      ]),
    ).rejects.toMatchObject({ code: 'EISDIR' });
    expect(readFileSync(path.join(dir, 'a.html'), 'utf8')).toBe('old html');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

test('the sweep removes temporary files of dead processes of this machine only, never another host’s', async () => {
  const dir = tempDir();
  const here = createHash('sha1').update(hostname()).digest('hex').slice(0, 8);
  const ours = `.a.html.${here}-999999-0123abcd.tmp`;
  const theirs = `.a.html.${here === 'ffffffff' ? 'eeeeeeee' : 'ffffffff'}-999999-0123abcd.tmp`;
  writeFileSync(path.join(dir, ours), 'half');
  writeFileSync(path.join(dir, theirs), 'half');
  removeStaleTemporaries(dir);
  expect(readdirSync(dir).sort()).toEqual([theirs]);
});
