import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';
import { messageLines, vfile } from '../helpers.js';

const parse = (text: string) => {
  const file = vfile(text, 'question.yaml');
  return { file, ...parseYaml(file, text, 0) };
};

describe('parseYaml', () => {
  test('YAML 1.2 core schema: dates, Norway and leading zeros stay as written', () => {
    const { data, file } = parse('published: 2020-03-04\ncountry: NO\nanswer: yes\nzip: 01234\ntime: 12:30\n');
    expect(data).toEqual({ published: '2020-03-04', country: 'NO', answer: 'yes', zip: 1234, time: '12:30' });
    expect(file.messages).toEqual([]);
  });

  test('keeps the position of every key and value', () => {
    const { places } = parse('title: Hello\ncolumn:\n  name: One\norder: [a, b]\n');
    expect(places.key(['column', 'name'])).toEqual({ start: 23, end: 27 });
    expect(places.value(['column', 'name'])).toEqual({ start: 29, end: 32 });
    expect(places.value(['order', 1])).toEqual({ start: 44, end: 45 });
    // A missing field points at the nearest value that exists.
    expect(places.value(['column', 'blurb'])).toEqual(places.value(['column']));
  });

  test('positions are the file’s own when the YAML starts at an offset', () => {
    const text = '---\nname: Jane\nname: Kip\n---\n';
    const file = vfile(text);
    parseYaml(file, text.slice(3, 24), 3);
    expect(messageLines(file)).toEqual(['3:1: yaml-duplicate-key: Unexpected duplicate key, expected each key once']);
  });

  test('aliases are refused at their place, before anything expands', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 8 }, (_, i) => {
        const name = String.fromCharCode(98 + i);
        const previous = String.fromCharCode(97 + i);
        return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
      }),
    ].join('\n');
    const started = performance.now();
    const { data, file } = parse(bomb);
    expect(data).toBeUndefined();
    expect(file.messages.every((message) => message.ruleId === 'yaml-alias')).toBe(true);
    expect(messageLines(file)[0]).toBe('2:8: yaml-alias: Unexpected alias `*a`, expected a plain value');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test('tabs as indentation are a syntax error with a position', () => {
    const { data, file } = parse('column:\n\tname: x\n');
    expect(data).toBeUndefined();
    expect(messageLines(file)).toEqual(['2:1: yaml-syntax: Unexpected YAML: tabs are not allowed as indentation']);
  });

  test('unknown tags are a warning, and the value stays a string', () => {
    const { data, file } = parse('published: !!timestamp 2020-03-04\n');
    expect(data).toEqual({ published: '2020-03-04' });
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['yaml-tag', false]]);
  });

  test.each([
    ['flow collections', `title: ${'['.repeat(100_000)}`, '1:40'],
    ['block sequences', `title:\n${'- '.repeat(5_000)}x\n`, '2:129'],
    ['indentation', `a:\n${Array.from({ length: 200 }, (_, depth) => `${' '.repeat(depth + 1)}k${depth}:`).join('\n')}\n`, '130:129'],
  ])('deep nesting (%s) is refused before parsing, never a crash', (_, text, place) => {
    const { data, file } = parse(text);
    expect(data).toBeUndefined();
    expect(messageLines(file)).toEqual([
      `${place}: yaml-too-deep: Unexpected nesting deeper than 32 levels, expected a flat list of fields`,
    ]);
  });

  test('ordinary nesting passes the depth check', () => {
    const { data, file } = parse('location:\n  city: Austin\norder: [[a], {b: c}]\n');
    expect(file.messages).toEqual([]);
    expect(data).toEqual({ location: { city: 'Austin' }, order: [['a'], { b: 'c' }] });
  });

  test('`__proto__` is an own key, not a prototype', () => {
    const { data } = parse('__proto__:\n  admin: true\n');
    expect(Object.hasOwn(data as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
