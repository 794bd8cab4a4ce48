import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { build, type BuildResult } from '../src/index.js';
import { EXAMPLE, ROOT, expectGolden, tempDir } from './helpers.js';

/** The six answers as the reference article prints them, paragraph by paragraph. */
function seedAnswers(): Map<string, string[]> {
  const seed = readFileSync(path.join(ROOT, 'test/fixtures/seed/therapists-cry.txt'), 'utf8');
  const lines = seed.split('\n').map((line) => line.trimEnd());
  const headings = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => /^[A-Z][^,]+(, [A-Z-]+)+$/.test(line) && /[A-Z]{2}/.test(line));
  const end = lines.indexOf('Responses have been condensed and lightly edited.');
  const answers = new Map<string, string[]>();
  headings.forEach(({ line, index }, position) => {
    const stop = headings[position + 1]?.index ?? end;
    const block = lines.slice(index + 1, stop);
    const firstBlank = block.findIndex((text, at) => at > 0 && text === '' && block[at - 1] !== '');
    const paragraphs = block.slice(firstBlank).filter((text) => text !== '');
    answers.set(line.split(',')[0]!, paragraphs);
  });
  return answers;
}

describe('the therapists-cry example', () => {
  let result: BuildResult;
  const outDir = tempDir();
  beforeAll(async () => {
    result = await build({ paths: [EXAMPLE], formats: ['html', 'json', 'text'], outDir, cwd: ROOT });
  });

  test('builds with no errors and writes three files', () => {
    expect(result.code).toBe(0);
    expect(result.files.flatMap((file) => file.messages.filter((message) => message.fatal))).toEqual([]);
    expect(result.roundups[0]?.written.map((file) => path.basename(file))).toEqual([
      'therapists-cry.html',
      'therapists-cry.json',
      'therapists-cry.txt',
    ]);
    expect(result.files.flatMap((file) => file.messages.map((message) => message.ruleId))).toHaveLength(5);
  });

  test('the seed lists six experts with 3, 3, 4, 3, 3 and 4 paragraphs', () => {
    expect([...seedAnswers().values()].map((paragraphs) => paragraphs.length)).toEqual([3, 3, 4, 3, 3, 4]);
  });

  test('the text output holds every paragraph of the six answers, word for word', async () => {
    const built = await build({ paths: [EXAMPLE], formats: ['text'], width: 0, cwd: ROOT, write: false });
    const unwrapped = built.roundups[0]!.outputs[0]!.contents.split('\n\n');
    for (const paragraphs of seedAnswers().values()) {
      for (const paragraph of paragraphs) expect(unwrapped).toContain(paragraph);
    }
  });

  test('the JSON lists the six experts with the credentials and locations the article prints', () => {
    const json = JSON.parse(readFileSync(path.join(outDir, 'therapists-cry.json'), 'utf8'));
    expect(
      json.experts.map((expert: { name: string; credentials: string[]; role: string | null; location: { display: string } }) => [
        expert.name,
        expert.credentials.join(', '),
        expert.role,
        expert.location.display,
      ]),
    ).toEqual([
      ['Katie Lear', 'LCMHC, RPT, RDT', 'Licensed counselor', 'Charlotte, North Carolina'],
      ['David Fornos', 'MA', null, 'Austin, Texas'],
      ['Julia Katzman', 'LMSW', null, 'St. Louis, Missouri'],
      ['Natalie Moore', 'LMFT', null, 'Los Angeles'],
      ['Anne ‘Kip” Rodgers Watson', 'LPC-S, CHPC', 'Sports psychologist', 'Frisco, Texas'],
      ['Nick Bognar', 'LMFT', null, 'Pasadena, California'],
    ]);
    const seed = seedAnswers();
    json.experts.forEach((expert: { name: string; answer: { text: string } }, index: number) => {
      expect(expert.answer.text.split('\n\n')).toEqual([...seed.values()][index]);
    });
    expect(json.column).toEqual({
      name: '1 Question, 5 Answers',
      blurb: 'is a column where we ask different types of healthcare pros to weigh in on the same issue.',
    });
    expect(json.closing).toBe('Responses have been condensed and lightly edited.');
    expect(json.cta.html).toBe('<p>Ready to book a doctor’s appointment? <a href="https://www.zocdoc.com/">Visit Zocdoc</a>.</p>');
  });

  test.each([
    ['html', 'article.html'],
    ['json', 'article.json'],
    ['text', 'article.txt'],
    ['md', 'article.md'],
  ] as const)('%s output matches its golden file', async (format, golden) => {
    const built = await build({ paths: [EXAMPLE], formats: [format], cwd: ROOT, write: false });
    expectGolden(built.roundups[0]!.outputs[0]!.contents, `therapists-cry/${golden}`);
  });

  test('the fragment and the condensed build match their golden files', async () => {
    const fragment = await build({ paths: [EXAMPLE], formats: ['html'], fragment: true, cwd: ROOT, write: false });
    expectGolden(fragment.roundups[0]!.outputs[0]!.contents, 'therapists-cry/fragment.html');
    const condensed = await build({
      paths: [EXAMPLE],
      formats: ['json', 'text'],
      condense: 'apply',
      maxWords: 120,
      cwd: ROOT,
      write: false,
    });
    expectGolden(condensed.roundups[0]!.outputs[0]!.contents, 'therapists-cry/condensed.json');
    expectGolden(condensed.roundups[0]!.outputs[1]!.contents, 'therapists-cry/condensed.txt');
  });

  test('the same input gives byte-identical output', async () => {
    const first = await build({ paths: [EXAMPLE], formats: ['html', 'json', 'text', 'md'], cwd: ROOT, write: false });
    const again = await build({ paths: [EXAMPLE], formats: ['html', 'json', 'text', 'md'], cwd: ROOT, write: false });
    expect(first.roundups[0]!.outputs).toHaveLength(4);
    expect(again.roundups[0]!.outputs).toEqual(first.roundups[0]!.outputs);
  });
});
