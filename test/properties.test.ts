import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { build } from '../src/index.js';
import { jsonSchema } from '../src/schema/json-schemas.js';
import { tempDir } from './helpers.js';
import { dangers } from './html-safety.js';

const validateOutput = new Ajv2020.default({ strict: false }).compile(jsonSchema('output'));

/** Text made of the pieces that trouble parsers: delimiters, quotes, markup, URLs, odd whitespace. */
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '---',
        '---js',
        '...',
        ':',
        ': ',
        '- ',
        '#',
        '"',
        "'",
        '“',
        '’',
        '[',
        ']',
        '(',
        ')',
        '{',
        '}',
        '*',
        '_',
        '`',
        '```',
        '>',
        '<',
        '</',
        '\n',
        '\n\n',
        '\t',
        '  ',
        '|',
        '&',
        '!',
        '%',
        '@',
        '\\',
      ),
      fc.constantFrom(
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        'javascript:alert(1)',
        '[a](javascript:x)',
        '![i](data:x)',
        'https://example.com/',
        '&#106;',
        '\u202e',
        'LCSW',
        'Austin, Texas',
        'name',
        'credentials',
        'location',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));

/** Front matter that is valid YAML with arbitrary values, so most builds get as far as the renderers. */
const frontMatter = fc.record({
  name: fc.string({ minLength: 1, maxLength: 30 }),
  credentials: fc.oneof(
    fc.array(fc.constantFrom('LCSW', 'PhD', 'Ph.D.', 'CHPC', 'XYZ', '<b>', 'LMFT'), { maxLength: 4 }),
    fc.constantFrom('LCSW, PhD', 'MA'),
  ),
  role: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
  location: fc.option(
    fc.oneof(
      fc.constantFrom('Austin, Texas', 'Los Angeles', 'Austin, TX', 'Paris, France', 'Nowhere, Narnia'),
      fc.string({ maxLength: 20 }),
    ),
    { nil: undefined },
  ),
});

async function buildRoundup(question: string, expert: string) {
  const dir = path.join(tempDir(), 'prop');
  mkdirSync(path.join(dir, 'experts'), { recursive: true });
  writeFileSync(path.join(dir, 'question.yaml'), question);
  writeFileSync(path.join(dir, 'experts', 'jane-doe.md'), expert);
  return build({ paths: [dir], cwd: dir, formats: ['html', 'json', 'text', 'md'], write: false });
}

/** The raw HTML nodes and the literal text (text, code) of a Markdown source. */
function markupOf(markdown: string) {
  const html: string[] = [];
  const literal: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'html' && node.value.trim()) html.push(node.value.trim());
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') literal.push(node.value);
    if ('children' in node) node.children.forEach((child) => visit(child as Nodes));
  };
  visit(parser.parse(markdown) as Nodes);
  return { html, literal };
}

const parser = unified().use(remarkParse);

/** Whatever was built is safe, valid and free of markup; building again gives the same bytes. */
async function checkBuilt(question: string, expert: string) {
  const result = await buildRoundup(question, expert);
  expect([0, 1]).toContain(result.code);
  const outputs = result.roundups[0]?.outputs ?? [];
  if (result.code === 1) expect(outputs).toEqual([]);
  if (outputs.length === 0) return;
  const [html, json, text] = outputs.map((output) => output.contents);
  expect(dangers(fromHtml(html!), false)).toEqual([]);
  expect(validateOutput(JSON.parse(json!)), JSON.stringify(validateOutput.errors)).toBe(true);
  // Text rendered from Markdown keeps no markup: raw HTML the parser recognized is dropped (unless the
  // same characters are also literal text somewhere), and no link syntax is left.
  const model = JSON.parse(json!);
  for (const rendered of [model.intro, model.cta, ...model.experts.map((expert: { answer: unknown }) => expert.answer)]) {
    if (!rendered) continue;
    const { html: raw, literal } = markupOf(rendered.markdown);
    for (const value of raw) if (!literal.some((text) => text.includes(value))) expect(rendered.text).not.toContain(value);
    if (!literal.some((text) => text.includes(']('))) expect(rendered.text).not.toContain('](');
  }
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  const again = await buildRoundup(question, expert);
  expect(again.roundups[0]!.outputs).toEqual(outputs);
}

describe('properties', () => {
  test('arbitrary bytes as an expert file: only diagnostics, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(tricky, async (text) => {
        await checkBuilt('title: T\nbyline: B\n', text);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 120) },
    );
  }, 120_000);

  test('arbitrary values in valid front matter and question fields: safe, valid, deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(frontMatter, tricky, tricky, tricky, async (fields, title, intro, answer) => {
        const yaml = Object.entries(fields)
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
          .join('\n');
        await checkBuilt(
          `title: ${JSON.stringify(title || 'T')}\nbyline: B\nintro: ${JSON.stringify(intro)}\n`,
          `---\n${yaml}\n---\n${answer}\n`,
        );
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 120) },
    );
  }, 120_000);
});
