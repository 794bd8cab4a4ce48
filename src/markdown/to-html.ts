import type { Root } from 'mdast';
import remarkHtml from 'remark-html';
import { unified } from 'unified';

/*
 * remark-html sanitizes by default (hast-util-sanitize, GitHub's schema):
 * raw HTML is dropped and only http(s), mailto and a few other link protocols
 * are kept. The option is spelled out so that nobody turns it off by accident.
 */
const serializer = unified().use(remarkHtml, { sanitize: true }).freeze();

/**
 * Sanitized HTML of a parsed Markdown tree. Its own module so that the one
 * place Markdown becomes HTML is easy to find (and to count, in the tests).
 */
export function markdownToHtml(tree: Root): string {
  return String(serializer.stringify(tree)).trim();
}
