import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkStructure } from '../../src/check/structure.js';
import { isValidSlug, suggestSlug } from '../../src/util/slug.js';
import { readRoundup } from '../../src/load/roundup.js';
import { makeRoundup, messageLines, MINIMAL_QUESTION, minimalExpert } from '../helpers.js';

async function structure(options: Parameters<typeof makeRoundup>[0]) {
  const dir = makeRoundup(options);
  const loaded = await readRoundup('.', { cwd: dir });
  const slug = checkStructure(loaded);
  return { slug, loaded, question: messageLines(loaded.question.file), experts: loaded.experts.map((expert) => messageLines(expert.file)) };
}

describe('checkStructure', () => {
  test('the slug comes from question.yaml, else from the folder name', async () => {
    expect((await structure({ name: 'my-roundup' })).slug).toBe('my-roundup');
    expect((await structure({ question: `${MINIMAL_QUESTION}slug: chosen\n` })).slug).toBe('chosen');
  });

  test.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['CON', 'con-1'],
    ['Café Roundup', 'cafe-roundup'],
    ['', ''],
  ])('a slug such as %j is refused at its place, with a suggestion', async (slug, suggestion) => {
    const { slug: result, question, loaded } = await structure({ question: `${MINIMAL_QUESTION}slug: "${slug}"\n` });
    expect(result).toBeUndefined();
    expect(question).toEqual([`3:7: slug: Unexpected slug \`${slug}\`, expected lowercase letters, digits and hyphens (at most 64)`]);
    expect(loaded.question.file.messages[0]?.expected).toEqual(suggestion ? [suggestion] : []);
  });

  test('a folder name that is not a slug asks for `slug:`', async () => {
    const { question } = await structure({ name: 'My Roundup' });
    expect(question).toEqual([
      '1:1: slug: Unexpected folder name `My Roundup` as the slug, expected lowercase letters, digits and hyphens',
    ]);
  });

  test('no experts', async () => {
    const { question } = await structure({ experts: {} });
    expect(question).toEqual(['1:1: no-experts: Missing experts, expected Markdown files in `experts`']);
  });

  test('an expert file name that is not an id', async () => {
    const { experts } = await structure({ experts: { 'Jane Doe': minimalExpert() } });
    expect(experts).toEqual([['1:1: expert-id: Unexpected file name `Jane Doe.md`, expected lowercase letters, digits and hyphens']]);
  });

  test('order: unknown (with did you mean), repeated and missing ids', async () => {
    const { question } = await structure({
      question: `${MINIMAL_QUESTION}order: [jane-do, jane-doe, jane-doe]\n`,
      experts: { 'jane-doe': minimalExpert(), kip: minimalExpert('Kip') },
    });
    expect(question).toEqual([
      '3:9: order: Unexpected `jane-do` in `order`, expected the id of a file in `experts/`; did you mean `jane-doe`?',
      '3:28: order: Unexpected second `jane-doe` in `order`, expected each expert once',
      '3:1: order: Missing `kip` in `order`, expected every expert listed once',
    ]);
  });

  test('experts are read in file-name order', async () => {
    const { loaded } = await structure({ experts: { zed: minimalExpert('Zed'), amy: minimalExpert('Amy'), 'bo-b': minimalExpert('Bob') } });
    expect(loaded.experts.map((expert) => expert.id)).toEqual(['amy', 'bo-b', 'zed']);
    expect(loaded.experts.map((expert) => expert.file.path)).toEqual(['amy', 'bo-b', 'zed'].map((id) => path.join('experts', `${id}.md`)));
  });
});

describe('slugs', () => {
  test.each(['a', 'therapists-cry', 'x1', 'a'.repeat(64)])('%j is valid', (slug) => expect(isValidSlug(slug)).toBe(true));
  test.each(['', '-a', 'a-', 'A', 'a_b', '..', 'a/b', 'nul', 'lpt1', 'a'.repeat(65), 'café'])('%j is not', (slug) =>
    expect(isValidSlug(slug)).toBe(false),
  );
  test('suggestions are always valid or empty', () => {
    for (const text of ['../../x', 'CON', '   ', 'Ünïcödé Title!', '...', 'a'.repeat(300)]) {
      const suggestion = suggestSlug(text);
      expect(suggestion === '' || isValidSlug(suggestion)).toBe(true);
    }
  });
});
