import { describe, expect, test } from 'vitest';
import { splitFrontMatter } from '../../src/load/front-matter.js';
import { messageLines, vfile } from '../helpers.js';

describe('splitFrontMatter', () => {
  test('splits YAML and body, keeping both offsets', () => {
    const file = vfile('---\nname: Jane\n---\n\nThe answer.\n');
    const split = splitFrontMatter(file);
    expect(split).toEqual({ yaml: '\nname: Jane', yamlOffset: 3, body: '\nThe answer.\n', bodyOffset: 19 });
    expect(String(file.value).slice(split!.bodyOffset)).toBe(split!.body);
    expect(file.messages).toEqual([]);
  });

  test('accepts an empty block and `---yaml`', () => {
    expect(splitFrontMatter(vfile('---\n---\nBody'))).toMatchObject({ yaml: '', body: 'Body' });
    expect(splitFrontMatter(vfile('---yaml\nname: Jane\n---\nBody'))).toMatchObject({ yaml: '\nname: Jane', yamlOffset: 7, body: 'Body' });
  });

  test.each([
    ['---js\n{ name: (globalThis.roundupPwned = 1, "x") }\n---\n', 'js'],
    ['---javascript\n{}\n---\n', 'javascript'],
    ['---JS\n{}\n---\n', 'JS'],
    ['--- js \n{}\n---\n', 'js'],
    ['---json\n{"name": "x"}\n---\n', 'json'],
    ['---coffee\nname: x\n---\n', 'coffee'],
  ])('refuses front matter in another language without running it: %j', (text, language) => {
    const file = vfile(text);
    expect(splitFrontMatter(file)).toBeUndefined();
    expect(messageLines(file)).toEqual([`1:4: fm-language: Unexpected front matter language \`${language}\`, expected YAML`]);
    expect((globalThis as Record<string, unknown>).roundupPwned).toBeUndefined();
  });

  test('spaces or a tab after the opening or closing `---` are accepted as the marker (once a crash)', () => {
    for (const text of ['--- \nname: Jane\n---\nHi\n', '---\t\nname: Jane\n---  \nHi\n']) {
      const file = vfile(text);
      const split = splitFrontMatter(file);
      expect(messageLines(file)).toEqual([]);
      expect(split?.yaml.trim()).toBe('name: Jane');
      expect(split?.body.trim()).toBe('Hi');
    }
  });

  test('a leading blank line is an error, not body text', () => {
    const file = vfile('\n---\nname: Jane\n---\nBody\n');
    expect(splitFrontMatter(file)).toBeUndefined();
    expect(messageLines(file)).toEqual([
      '2:1: fm-not-at-start: Unexpected blank line before the front matter, expected `---` on the first line',
    ]);
  });

  test('a file without front matter', () => {
    const file = vfile('Just an answer.\n');
    expect(splitFrontMatter(file)).toBeUndefined();
    expect(messageLines(file)).toEqual(['1:1: fm-missing: Missing front matter, expected the file to start with a `---` line']);
  });

  test('an unclosed block is not read as YAML to the end of the file', () => {
    const file = vfile('---\nname: Jane\n\nThe answer: yes.\n');
    expect(splitFrontMatter(file)).toBeUndefined();
    expect(messageLines(file)).toEqual(['1:1: fm-unterminated: Missing closing `---` for the front matter opened on line 1']);
  });

  test.each([
    ['---\nname: Jane\n----\nBody\n', '----'],
    ['---\nname: Jane\n---more\nBody\n', '---more'],
    ['---\nname: Jane\n...\nBody\n', '...'],
  ])('a line that only looks like a closer is refused: %j', (text, line) => {
    const file = vfile(text);
    expect(splitFrontMatter(file)).toBeUndefined();
    expect(messageLines(file)).toEqual([
      `3:1: fm-unterminated: Unexpected \`${line}\`, expected a line of exactly \`---\` to close the front matter`,
    ]);
  });

  test('parsing the same broken file twice reports the same error (no gray-matter cache)', () => {
    const first = vfile('---\nname: [\n---\n');
    const second = vfile('---\nname: [\n---\n');
    splitFrontMatter(first);
    splitFrontMatter(second);
    expect(messageLines(first)).toEqual(messageLines(second));
  });
});

test('no first three lines can make the loader throw: every input is a result or a positioned diagnostic', async () => {
  const fc = await import('fast-check');
  const { parseExpert } = await import('../../src/load/expert.js');
  // The characters that frame front matter, and a few that mean something in YAML.
  const piece = fc.constantFrom('---', '-', ' ', '\t', '\r', 'yaml', 'js', 'name: Jane', ':', '#', '+++', '...', '\uFEFF', '"', '{', 'a');
  const line = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(fc.tuple(line, line, line), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      const file = vfile(`${lines.join(eol)}${eol}An answer.${eol}`);
      const expert = parseExpert(file);
      for (const message of file.messages) {
        expect(message.ruleId).toBeTypeOf('string');
        expect(message.line).toBeGreaterThanOrEqual(1);
      }
      return expert.id === 'jane-doe';
    }),
    { numRuns: 2000 },
  );
});
