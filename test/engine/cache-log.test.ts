import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { HEADER, indexLog } from '../../src/engine/cache-log.js';
import { tempDir } from '../helpers.js';

const entry = (id: string, key: string, outcome: string) => `${JSON.stringify([id, key])}\t[]\t${JSON.stringify({ outcome })}\n`;

test('the index points at each roundup’s last line, across chunk boundaries, and skips forgotten, damaged and cut lines', () => {
  const file = path.join(tempDir(), 'cache.ndjson');
  const big = 'x'.repeat(2.5 * 1024 * 1024);
  const lines = [
    HEADER,
    entry('a', '1', 'first'),
    entry('b', '1', big),
    entry('a', '2', 'second'),
    JSON.stringify(['b']) + '\n',
    '["c", {\n',
    entry('d', '1', 'last'),
  ];
  writeFileSync(file, `${lines.join('')}["e","1"]\t[]\t{"cut`);
  const index = indexLog(file);
  const text = readFileSync(file);
  const line = (id: string) => {
    const at = index.entries.get(id)!;
    return text.toString('utf8', at.offset, at.offset + at.length);
  };
  expect([...index.entries.keys()]).toEqual(['a', 'd']);
  expect(line('a')).toBe(entry('a', '2', 'second').trimEnd());
  expect(line('d')).toBe(entry('d', '1', 'last').trimEnd());
  expect(index.damaged).toBe(1);
  expect(index.corrupt).toBe(false);
  expect(index.end).toBe(Buffer.byteLength(lines.join('')));
  expect(index.live).toBe(Buffer.byteLength(HEADER + entry('a', '2', 'second') + entry('d', '1', 'last')));
});

test('a log of another version is corrupt; an empty or missing one is simply empty', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'old'), '{"version":4}\n');
  writeFileSync(path.join(dir, 'empty'), '');
  expect(indexLog(path.join(dir, 'old'))).toMatchObject({ corrupt: true, end: 0 });
  expect(indexLog(path.join(dir, 'empty'))).toMatchObject({ corrupt: false, end: 0 });
  expect(indexLog(path.join(dir, 'missing'))).toMatchObject({ corrupt: false, end: 0 });
});

test('whatever the line lengths, every whole line is indexed at its offset', () => {
  const file = path.join(tempDir(), 'cache.ndjson');
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 1_300_000 })), { maxLength: 6 }), (writes) => {
      const lines = writes.map(([id, size], index) => entry(id, String(index), 'y'.repeat(size)));
      writeFileSync(file, HEADER + lines.join(''));
      const index = indexLog(file);
      const last = new Map(writes.map(([id], position) => [id, position]));
      expect([...index.entries].map(([id, at]) => [id, at.key])).toEqual([...last].map(([id, position]) => [id, String(position)]));
      expect(index.end).toBe(Buffer.byteLength(HEADER + lines.join('')));
    }),
    { numRuns: 25 },
  );
});
