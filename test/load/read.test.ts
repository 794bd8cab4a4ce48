import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readInputFile } from '../../src/load/read.js';
import { readRoundup } from '../../src/load/roundup.js';
import { makeRoundup, messageLines, tempDir } from '../helpers.js';

async function read(bytes: Uint8Array | string, maxBytes?: number) {
  const cwd = tempDir();
  writeFileSync(path.join(cwd, 'a.md'), bytes);
  return readInputFile('a.md', { cwd, maxBytes });
}

describe('readInputFile', () => {
  test('strips a UTF-8 BOM and normalises CRLF and CR to LF', async () => {
    const file = await read('\uFEFF---\r\nname: Jane\r\n---\rBody\r\n');
    expect(file.value).toBe('---\nname: Jane\n---\nBody\n');
    expect(file.messages).toEqual([]);
  });

  test('invalid UTF-8 is an error, not silently replaced', async () => {
    const file = await read(Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
    expect(messageLines(file)).toEqual(['1:1: invalid-encoding: Unexpected bytes that are not UTF-8, expected a UTF-8 text file']);
    expect(file.value).toBe('');
  });

  test('a file over the size cap is refused unread', async () => {
    const file = await read('x'.repeat(101), 100);
    expect(messageLines(file)).toEqual(['1:1: file-too-large: Unexpected file of 101 bytes, expected at most 100']);
  });

  test('a missing file is a read error', async () => {
    const file = await readInputFile('nope.md', { cwd: tempDir() });
    expect(messageLines(file)).toEqual(['1:1: read-error: Cannot read file: ENOENT']);
  });
});

describe('readRoundup', () => {
  test('an expert file linked from outside the roundup is refused and never read', async () => {
    const outside = path.join(tempDir(), 'secret.md');
    writeFileSync(outside, '---\nname: Secret\n---\ntoken=abc\n');
    const dir = makeRoundup();
    symlinkSync(outside, path.join(dir, 'experts', 'linked.md'));
    const loaded = await readRoundup('.', { cwd: dir });
    const linked = loaded.experts.find((expert) => expert.id === 'linked')!;
    expect(messageLines(linked.file)).toEqual([
      '1:1: symlink-outside: Unexpected symbolic link to a file outside the roundup folder, expected a file inside it',
    ]);
    expect(linked.body).toBe('');
  });
});
