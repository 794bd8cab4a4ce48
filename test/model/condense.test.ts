import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { condenseMarkdown } from '../../src/model/condense.js';
import { splitSentences } from '../../src/model/sentences.js';
import { countWords, renderMarkdown } from '../../src/markdown/render.js';
import { EXAMPLE, runCli } from '../helpers.js';

const sentences = (text: string, protect: { start: number; end: number }[] = []) =>
  splitSentences(text, protect).map((span) => text.slice(span.start, span.end));

describe('splitSentences', () => {
  test.each([
    ['Dr. Lee lives in St. Louis, Missouri. She moved.', ['Dr. Lee lives in St. Louis, Missouri.', 'She moved.']],
    [
      'J. R. Smith met Anne ‘Kip” Watson in the U.S. last year. Then what?',
      ['J. R. Smith met Anne ‘Kip” Watson in the U.S. last year.', 'Then what?'],
    ],
    ['Some feelings, e.g. anger, pass. Others stay.', ['Some feelings, e.g. anger, pass.', 'Others stay.']],
    ['She asked, “Am I doing this for me?” A therapist should ask.', ['She asked, “Am I doing this for me?”', 'A therapist should ask.']],
    ['It trails off… and resumes. Wait... What? Yes!', ['It trails off… and resumes.', 'Wait...', 'What?', 'Yes!']],
    ['Upsetting? Frustrating? Confusing?', ['Upsetting?', 'Frustrating?', 'Confusing?']],
    ['It ended at 5 p.m. on Friday. Then 2 more came.', ['It ended at 5 p.m. on Friday.', 'Then 2 more came.']],
  ])('%j', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  test('never splits inside a protected span (a link or emphasis)', () => {
    const text = 'See *this. That.* here. Next one.';
    expect(sentences(text, [{ start: 4, end: 17 }])).toEqual(['See *this. That.* here.', 'Next one.']);
  });
});

describe('condenseMarkdown', () => {
  const answer = [
    'First idea here. It has a second sentence.',
    'Second paragraph opens. It goes on for [a linked *while*](https://example.com/). And it ends.',
    'Third paragraph opens. It closes.',
  ].join('\n\n');

  test('an answer within budget is left alone', () => {
    expect(condenseMarkdown(answer, 100)).toBeUndefined();
  });

  test('keeps the first paragraph, then each paragraph’s first sentence, whole and in order', () => {
    const result = condenseMarkdown(answer, 14)!;
    expect(result.markdown).toBe('First idea here. It has a second sentence.\n\nSecond paragraph opens.\n\nThird paragraph opens.');
    expect(result.removed).toEqual(['It goes on for [a linked *while*](https://example.com/).', 'And it ends.', 'It closes.']);
  });

  test('inline Markdown is never cut in half', () => {
    const result = condenseMarkdown(answer, 21)!;
    expect(result.markdown).toContain('[a linked *while*](https://example.com/)');
  });

  test('gives up, rather than cut a sentence, when no sentence fits', () => {
    expect(condenseMarkdown('One two three four five. Six seven eight nine ten.', 3)).toBeUndefined();
  });

  test('property: within budget, only whole original sentences, in their order, the rest listed as removed', () => {
    const word = fc.constantFrom('care', 'therapy', 'client', 'Dr.', 'U.S.', 'tears', 'e.g.', '*felt*', 'session', 'trust');
    const sentence = fc
      .array(word, { minLength: 2, maxLength: 12 })
      .map((words) => `${words[0]!.replace(/^\w/, (c) => c.toUpperCase())} ${words.slice(1).join(' ')} end.`);
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((list) => list.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), fc.integer({ min: 5, max: 80 }), (paragraphs, budget) => {
        const markdown = paragraphs.join('\n\n');
        const result = condenseMarkdown(markdown, budget);
        if (!result) return;
        const original = paragraphs.flatMap((text) => sentences(text));
        const kept = result.markdown.split('\n\n').flatMap((text) => sentences(text));
        expect(countWords(result.markdown.replace(/\*/g, ''))).toBeLessThanOrEqual(budget);
        // Kept and removed together are the original sentences, in order.
        const merged = original.filter((text) => kept.includes(text) || result.removed.includes(text));
        expect(merged).toEqual(original);
        let at = -1;
        for (const text of kept) {
          const next = original.indexOf(text, at + 1);
          expect(next).toBeGreaterThan(at);
          at = next;
        }
      }),
      { numRuns: 150 },
    );
  });

  test('property: sentences are counted as the answer counts its words, escapes, references and typography included', () => {
    // Counted off the answer's tree, the sentences add up to its words exactly: a budget of that many cuts nothing, one fewer cuts.
    const word = fc.constantFrom(
      'care',
      "don't",
      '"quoted"',
      'well--known',
      'wait...',
      '\\*star',
      'caf&eacute;',
      'a&#32;b',
      '&amp;',
      '*felt*',
      '`code`',
      '[a link](https://example.com/)',
      'x_y',
    );
    const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => `Then ${words.join(' ')} end.`);
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((list) => list.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 3 }), fc.boolean(), (paragraphs, smartypants) => {
        const markdown = paragraphs.join('\n\n');
        const { words } = renderMarkdown(markdown, { smartypants });
        expect(condenseMarkdown(markdown, words, { smartypants })).toBeUndefined();
        if (sentences(paragraphs.join(' ')).length > 1) expect(condenseMarkdown(markdown, words - 1, { smartypants })).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe('roundup build --condense', () => {
  test('apply --max-words 120 on the example: every answer within 120 words, whole original sentences in order, the cuts listed', async () => {
    const original = JSON.parse((await runCli(['build', EXAMPLE, '--format', 'json', '--out', '-'])).stdout);
    const { code, stdout, stderr } = await runCli([
      'build',
      EXAMPLE,
      '--condense',
      'apply',
      '--max-words',
      '120',
      '--format',
      'json',
      '--out',
      '-',
    ]);
    expect(code).toBe(0);
    const condensed = JSON.parse(stdout);
    condensed.experts.forEach(
      (
        expert: {
          name: string;
          answer: { markdown: string; words: number };
          condensed: { originalWords: number; words: number; removed: string[] };
        },
        index: number,
      ) => {
        const source = original.experts[index].answer.markdown as string;
        expect(expert.answer.words).toBeLessThanOrEqual(120);
        expect(expert.condensed.words).toBe(expert.answer.words);
        expect(expert.condensed.originalWords).toBe(original.experts[index].answer.words);
        const all = source.split('\n\n').flatMap((paragraph) => sentences(paragraph));
        const kept = expert.answer.markdown.split('\n\n').flatMap((paragraph) => sentences(paragraph));
        expect(all.filter((sentence) => kept.includes(sentence))).toEqual(kept);
        expect(all.filter((sentence) => !kept.includes(sentence))).toEqual(expert.condensed.removed);
        expect(stderr).toContain(
          `Condensed ${expert.name} (examples/therapists-cry): ${expert.condensed.originalWords} → ${expert.condensed.words} words\n`,
        );
      },
    );
  });

  test('warn (the default with a budget) reports answer-length and leaves the answers as written', async () => {
    const { code, stdout, stderr } = await runCli(['build', EXAMPLE, '--max-words', '220', '--format', 'json', '--out', '-']);
    expect(code).toBe(0);
    expect(stderr).toContain(
      'examples/therapists-cry/experts/julia-katzman.md:7:1: warning: Unexpected answer of 401 words, expected at most 220 (the word budget) [answer-length]',
    );
    expect(JSON.parse(stdout).experts.every((expert: { condensed: unknown }) => expert.condensed === null)).toBe(true);
  });
});

describe('typography', () => {
  test('curly quotes, dashes and ellipses by default; --no-smartypants keeps text as written', async () => {
    const { makeRoundup } = await import('../helpers.js');
    const dir = makeRoundup({
      experts: {
        'jane-doe': '---\nname: Jane "JJ" Doe\ncredentials: LCSW\nlocation: Austin, Texas\n---\n"Quoted" -- and it\'s... done.\n',
      },
    });
    const typeset = JSON.parse((await runCli(['build', '.', '--format', 'json', '--out', '-'], { cwd: dir })).stdout);
    expect(typeset.experts[0].answer.text).toBe('“Quoted” — and it’s… done.');
    expect(typeset.experts[0].name).toBe('Jane “JJ” Doe');
    const plain = JSON.parse((await runCli(['build', '.', '--format', 'json', '--out', '-', '--no-smartypants'], { cwd: dir })).stdout);
    expect(plain.experts[0].answer.text).toBe('"Quoted" -- and it\'s... done.');
  });
});
