import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { reportPretty } from '../../src/report/pretty.js';

describe('the pretty reporter', () => {
  test('a file name with an escape sequence or a newline cannot drive the terminal or forge a line', () => {
    const file = new VFile({ path: 'experts/\u001b]0;pwned\u0007jane\n::warning::x.md', value: 'name: x\n' });
    file.message('Unexpected thing', { place: { line: 1, column: 1 }, ruleId: 'schema' }).fatal = true;
    const text = reportPretty([file]);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text.split('\n').some((line) => line.startsWith('::warning'))).toBe(false);
    expect(text).toContain('experts/\\x1b]0;pwned\\x07jane\\n::warning::x.md:1:1: error: Unexpected thing [schema]');
  });
});
