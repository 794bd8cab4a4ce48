import { describe, expect, test } from 'vitest';
import { findDirectives } from '../../src/load/directives.js';

const at = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('findDirectives', () => {
  test('reads the kind, the rule ids with their places, and the reason', () => {
    const text = 'name: Jane\n# roundup-ignore-next-line location-style, credential-order -- the client asked\nlocation: LA\n';
    const { directives, misspelled } = findDirectives(text);
    expect(misspelled).toEqual([]);
    expect(directives).toHaveLength(1);
    const [directive] = directives;
    expect(directive!.kind).toBe('next-line');
    expect(directive!.rules.map((rule) => [rule.id, at(text, rule.span)])).toEqual([
      ['location-style', 'location-style'],
      ['credential-order', 'credential-order'],
    ]);
    expect(directive!.reason).toBe('the client asked');
    expect(at(text, directive!.span)).toBe('# roundup-ignore-next-line location-style, credential-order -- the client asked');
  });

  test('a file directive without ids or reason means every rule', () => {
    const { directives } = findDirectives('#roundup-ignore-file\ntitle: A\n');
    expect(directives).toEqual([{ kind: 'file', rules: [], reason: undefined, span: { start: 0, end: 20 } }]);
  });

  test('comments are found where YAML has them: trailing, in lists, in flow collections; a # inside quotes is no comment', () => {
    const text = [
      'title: "A # roundup-ignore-file"',
      "dek: 'B # roundup-ignore-file'",
      'order:',
      '  # roundup-ignore-next-line expert-count',
      '  - a',
      'credentials: [A, # roundup-ignore-next-line credential-order',
      '  B]',
      'role: x # roundup-ignore-next-line role-credential',
      '',
    ].join('\n');
    expect(findDirectives(text).directives.map((directive) => directive.rules.map((rule) => rule.id))).toEqual([
      ['expert-count'],
      ['credential-order'],
      ['role-credential'],
    ]);
  });

  test('only the front matter is read when an end is given; the body is Markdown', () => {
    const text = '---\nname: A\n# roundup-ignore-file\n---\n# roundup-ignore-file heading-level\n';
    expect(findDirectives(text, text.indexOf('---\n', 4) + 4).directives.map((directive) => directive.rules)).toEqual([[]]);
  });

  test('a misspelled directive is returned with its place', () => {
    const text = 'a: 1 # roundup-ignore-nextline location-style\n';
    expect(findDirectives(text).misspelled.map((entry) => [entry.name, at(text, entry.span)])).toEqual([
      ['roundup-ignore-nextline', 'roundup-ignore-nextline'],
    ]);
    expect(findDirectives('# roundup ignore this\n# an ordinary comment\n')).toEqual({ directives: [], misspelled: [] });
  });
});
