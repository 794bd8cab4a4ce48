import { describe, expect, test } from 'vitest';
import { applyEdits } from '../../src/engine/fix.js';

const apply = (text: string, edits: { range: [number, number]; text: string }[]) => {
  const result = applyEdits(new TextEncoder().encode(text), edits);
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(result.bytes), applied: result.applied };
};

describe('applyEdits', () => {
  test('offsets count in the text as read; the BOM and the CRLF line endings of the file stay', () => {
    // As read: "a: 1\nb: 2\n" (BOM removed, `\r\n` read as `\n`): offset 8 is the `2`.
    expect(apply('\uFEFFa: 1\r\nb: 2\r\n', [{ range: [8, 9], text: '3' }])).toEqual({ text: '\uFEFFa: 1\r\nb: 3\r\n', applied: 1 });
    expect(apply('a: 1\r\nb: 2\r\n', [{ range: [5, 10], text: 'c: 4\n' }])).toEqual({ text: 'a: 1\r\nc: 4\r\n', applied: 1 });
  });

  test('an edit that overlaps one already taken, or starts at the same place, waits for the next pass', () => {
    const edits: { range: [number, number]; text: string }[] = [
      { range: [4, 9], text: 'X' },
      { range: [0, 5], text: 'Y' },
      { range: [9, 9], text: '!' },
      { range: [9, 10], text: '?' },
    ];
    expect(apply('0123456789', edits)).toEqual({ text: 'Y5678!9', applied: 2 });
  });
});
