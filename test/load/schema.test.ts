import { describe, expect, test } from 'vitest';
import { parseExpert } from '../../src/load/expert.js';
import { parseQuestion } from '../../src/load/question.js';
import { messageLines, vfile } from '../helpers.js';

const expertMessages = (text: string) => {
  const loaded = parseExpert(vfile(text));
  return { loaded, lines: messageLines(loaded.file) };
};
const questionMessages = (text: string) => messageLines(parseQuestion(vfile(text, 'question.yaml')).file);

describe('expert front matter schema', () => {
  test('a valid file gives typed values and no messages', () => {
    const { loaded, lines } = expertMessages(
      '---\nname: Jane Doe\ncredentials: [LCSW, PhD]\nrole: Therapist\nlocation:\n  city: Austin\n  region: Texas\n---\nHi\n',
    );
    expect(lines).toEqual([]);
    expect(loaded.value).toEqual({
      name: 'Jane Doe',
      credentials: ['LCSW', 'PhD'],
      role: 'Therapist',
      location: { city: 'Austin', region: 'Texas' },
    });
    expect(loaded.body).toBe('Hi\n');
  });

  test('missing required field, at the first field', () => {
    expect(expertMessages('---\ncredentials: LCSW\n---\nHi\n').lines).toEqual(['2:1: schema: Missing required field `name`']);
  });

  test('empty front matter: the missing field points at the front matter', () => {
    expect(expertMessages('---\n---\nHi\n').lines).toEqual(['1:1: schema: Missing required field `name`']);
  });

  test('wrong type, at the value, with a hint to quote', () => {
    const { loaded, lines } = expertMessages('---\nname: Jane\ncredentials: 42\n---\nHi\n');
    expect(lines).toEqual([
      '3:14: schema: Unexpected number `42` for `credentials`, expected a list of credentials, or a comma-separated string such as `LCSW, PhD`',
    ]);
    expect(loaded.file.messages[0]?.note).toBe('Quote the value to keep it as written: `"42"`.');
  });

  test('a number where a string belongs', () => {
    expect(expertMessages('---\nname: 1.10\n---\nHi\n').lines).toEqual([
      '2:7: schema: Unexpected number `1.1` for `name`, expected the expert’s full name',
    ]);
  });

  test('empty string', () => {
    expect(expertMessages('---\nname: "  "\n---\nHi\n').lines).toEqual([
      '2:7: schema: Unexpected empty string for `name`, expected the expert’s full name that is not empty',
    ]);
  });

  test('unknown key with "did you mean", at the key', () => {
    const { loaded, lines } = expertMessages('---\nname: Jane\nlocaton: Austin, Texas\n---\nHi\n');
    expect(lines).toEqual(['3:1: schema: Unexpected field `locaton`, did you mean `location`?']);
    expect(loaded.file.messages[0]?.expected).toEqual(['location']);
  });

  test('unknown key with no near miss lists the known ones', () => {
    expect(expertMessages('---\nname: Jane\nexcerpt_separator: e\n---\nHi\n').lines).toEqual([
      '3:1: schema: Unexpected field `excerpt_separator`, expected one of `name`, `credentials`, `role`, `location`, `maxWords`, `honorific`, `heading`, `affiliation`, `url`, `pronouns`, `photo`',
    ]);
  });

  test('nested unknown key inside a location mapping', () => {
    expect(expertMessages('---\nname: Jane\nlocation:\n  cty: Austin\n---\nHi\n').lines).toEqual(
      ['4:3: schema: Unexpected field `cty`, did you mean `city`?', '4:3: schema: Missing required field `location.city`'].sort(),
    );
  });

  test('a wrong type inside a list', () => {
    expect(expertMessages('---\nname: Jane\ncredentials: [LCSW, 7]\n---\nHi\n').lines).toEqual([
      '3:21: schema: Unexpected number `7` for `credentials.1`, expected a credential such as `LCSW`',
    ]);
  });

  test('front matter that is a list', () => {
    expect(expertMessages('---\n- a\n- b\n---\nHi\n').lines).toEqual([
      '2:1: schema: Unexpected list for `the file`, expected a mapping of fields such as `name:` and `credentials:`',
    ]);
  });

  test('every problem in the file is reported, not only the first', () => {
    expect(expertMessages('---\ncredentials: 42\nlocaton: x\nrole: [a]\n---\nHi\n').lines).toHaveLength(4);
  });
});

describe('question.yaml schema', () => {
  test('missing title in an empty file; an unsigned article needs no byline', () => {
    expect(questionMessages('')).toEqual(['1:1: schema: Missing required field `title`']);
  });

  test('a byline may name an organization or several authors', () => {
    expect(questionMessages('title: T\nbyline: {organization: The Paper Gown, url: "https://example.com/"}\n')).toEqual([]);
    expect(questionMessages('title: T\nbyline: [Ana Ruiz, {name: Bo Chen, url: "https://example.com/bo"}]\n')).toEqual([]);
    expect(questionMessages('title: T\nbyline: []\n')).toEqual([
      '2:9: schema: Unexpected empty list for `byline`, expected at least one author',
    ]);
  });

  test('byline as a mapping with an unsafe URL', () => {
    expect(questionMessages('title: T\nbyline:\n  name: Kelsey\n  url: javascript:alert(1)\n')).toEqual([
      '4:8: schema: Unexpected string `javascript:alert(1)` for `byline.url`, expected an http or https URL such as `https://example.com/`',
    ]);
  });

  test('published must be a date as written', () => {
    expect(questionMessages('title: T\nbyline: K\npublished: 2020\n')).toEqual([
      '3:12: schema: Unexpected number `2020` for `published`, expected a date written as `YYYY-MM-DD`',
    ]);
    expect(questionMessages('title: T\nbyline: K\npublished: 2020-02-30\n')).toEqual([
      '3:12: schema: Unexpected string `2020-02-30` for `published`, expected a date that exists, written as `YYYY-MM-DD`',
    ]);
    expect(questionMessages('title: T\nbyline: K\npublished: 2020-03-04\n')).toEqual([]);
  });

  test('a budget must be a positive whole number', () => {
    expect(questionMessages('title: T\nbyline: K\ncondense:\n  maxWords: -5\n')).toEqual([
      '4:13: schema: Unexpected number `-5` for `condense.maxWords`, expected a positive number of words',
    ]);
  });

  test('a mapping where a string belongs', () => {
    expect(questionMessages('title:\n  text: T\nbyline: K\n')).toEqual([
      '2:3: schema: Unexpected mapping for `title`, expected the article title',
    ]);
  });
});
