import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildLocation } from '../../src/model/fields.js';
import { renderText, stripControlCharacters } from '../../src/render/text.js';
import { length, wrap } from '../../src/render/wrap.js';
import { renderMarkdown } from '../../src/markdown/render.js';
import type { Roundup } from '../../src/model/roundup.js';
import { expertModel, roundupModel } from './models.js';

const roundup = (overrides: Partial<Roundup> = {}): Roundup =>
  roundupModel({
    byline: { name: 'Kelsey Tyler', url: null },
    authors: [{ name: 'Kelsey Tyler', url: null, organization: false }],
    stats: { experts: 1, words: 2, readingMinutes: 1 },
    experts: [
      expertModel({
        id: 'a',
        credentials: ['LCSW', 'PhD'],
        role: 'Therapist',
        location: buildLocation('Austin, Texas'),
        answer: renderMarkdown('Two words.'),
      }),
    ],
    ...overrides,
  });

describe('wrap', () => {
  test('wraps at the width without breaking words, and 0 means no wrapping', () => {
    expect(wrap('aaa bbb ccc ddd', 7)).toBe('aaa bbb\nccc ddd');
    expect(wrap('aaa bbb ccc ddd', 0)).toBe('aaa bbb ccc ddd');
    expect(wrap('see https://example.com/a/very/long/url now', 10)).toBe('see\nhttps://example.com/a/very/long/url\nnow');
    expect(wrap('- item text here', 8, '- ', '  ')).toBe('- - item\n  text\n  here');
  });

  test('curly quotes count as one column', () => {
    expect(wrap('“ab” “cd”', 9)).toBe('“ab” “cd”');
  });

  test('property: no line is longer than the width unless it is one word, and no word is lost', () => {
    const word = fc.stringMatching(/^[a-z’“”—é]{1,15}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.integer({ min: 1, max: 100 }), (words, width) => {
        const wrapped = wrap(words.join(' '), width);
        for (const line of wrapped.split('\n')) expect(length(line) <= width || !line.includes(' ')).toBe(true);
        expect(wrapped.split(/\s+/).filter(Boolean)).toEqual(words);
      }),
    );
  });
});

describe('renderText', () => {
  test('title, byline, each expert heading underlined with role and location, then the answer', () => {
    expect(renderText(roundup())).toBe(
      'Title\n=====\n\nBy Kelsey Tyler\n\nJane Doe, LCSW, PhD\n-------------------\nTherapist\nAustin, Texas\n\nTwo words.\n',
    );
  });

  test('links as numbered references listed at the end, no Markdown left, list and quote indentation', () => {
    const answer = renderMarkdown('A **bold** [link](https://e.com/) and `code`.\n\n> quoted\n\n1. first\n2. second\n');
    expect(
      renderText(roundup({ experts: [{ ...roundup().experts[0]!, answer }] })).split(
        '\n-------------------\nTherapist\nAustin, Texas\n\n',
      )[1],
    ).toBe('A bold link [1] and code.\n\n    quoted\n\n1. first\n2. second\n\nLinks:\n[1] https://e.com/\n');
  });

  test('content cannot drive the terminal: control characters are dropped', () => {
    const text = renderText(roundup({ title: 'Evil\u001b[31m red\u0007' }));
    expect(text.startsWith('Evil[31m red\n')).toBe(true);
    expect(stripControlCharacters('a\u009bb\tc\nd')).toBe('ab c\nd');
  });
});

describe('buildLocation', () => {
  test.each([
    ['Austin, Texas', { city: 'Austin', region: 'Texas', country: null, display: 'Austin, Texas' }],
    ['Los Angeles', { city: 'Los Angeles', region: null, country: null, display: 'Los Angeles' }],
    ['St. Louis, Missouri', { city: 'St. Louis', region: 'Missouri', country: null, display: 'St. Louis, Missouri' }],
    ['Toronto, Ontario, Canada', { city: 'Toronto', region: 'Ontario', country: 'Canada', display: 'Toronto, Ontario, Canada' }],
  ])('%j', (input, location) => {
    expect(buildLocation(input)).toEqual(location);
  });

  test('the mapping form', () => {
    expect(buildLocation({ city: 'Pasadena', region: 'California' })).toEqual({
      city: 'Pasadena',
      region: 'California',
      country: null,
      display: 'Pasadena, California',
    });
  });
});
