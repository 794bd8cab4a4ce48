import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exitCodeFor } from '../../src/util/exit-code.js';

describe('exitCodeFor', () => {
  test('0 when clean, 1 on errors, warnings fail only under strict, 2 when broken', () => {
    expect(exitCodeFor({ errors: 0, warnings: 3 })).toBe(0);
    expect(exitCodeFor({ errors: 1, warnings: 0 })).toBe(1);
    expect(exitCodeFor({ errors: 0, warnings: 1, strict: true })).toBe(1);
    expect(exitCodeFor({ errors: 0, warnings: 0, broken: true })).toBe(2);
  });

  test('more warnings than maxWarnings fail; as many do not; errors fail whatever the limit', () => {
    expect(exitCodeFor({ errors: 0, warnings: 11, maxWarnings: 10 })).toBe(1);
    expect(exitCodeFor({ errors: 0, warnings: 10, maxWarnings: 10 })).toBe(0);
    expect(exitCodeFor({ errors: 0, warnings: 1, maxWarnings: 0 })).toBe(1);
    expect(exitCodeFor({ errors: 0, warnings: 0, maxWarnings: 0 })).toBe(0);
    expect(exitCodeFor({ errors: 2, warnings: 0, maxWarnings: 10 })).toBe(1);
    expect(exitCodeFor({ errors: 0, warnings: 99, maxWarnings: 10, broken: true })).toBe(2);
  });

  test('a broken run is 2 whatever it found; otherwise strict never lowers the code', () => {
    fc.assert(
      fc.property(fc.nat(5), fc.nat(5), fc.boolean(), (errors, warnings, strict) => {
        expect(exitCodeFor({ errors, warnings, strict, broken: true })).toBe(2);
        expect(exitCodeFor({ errors, warnings, strict: true })).toBeGreaterThanOrEqual(exitCodeFor({ errors, warnings }));
      }),
    );
  });
});
