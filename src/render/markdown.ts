import type { Root } from 'mdast';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { joinBlocks, markdownToBlocks, type TextBlock } from './markdown-text.js';

export interface RenderedMarkdown {
  markdown: string;
  /** Sanitized HTML: no raw HTML, script, event handler or unsafe URL survives. */
  html: string;
  /** Plain text, paragraphs separated by a blank line, links as "text (url)". */
  text: string;
  words: number;
  /** The blocks of `text`, for renderers that wrap and indent. */
  blocks: TextBlock[];
}

/*
 * remark-html sanitizes by default (hast-util-sanitize, GitHub's schema):
 * raw HTML is dropped and only http(s), mailto and a few other link protocols
 * are kept. The option is spelled out so that nobody turns it off by accident.
 */
const processor = unified().use(remarkParse).use(remarkHtml, { sanitize: true });

/** Parse once; the HTML and the text are both read off the same tree. */
export function renderMarkdown(markdown: string): RenderedMarkdown {
  const tree = processor.parse(markdown) as Root;
  const html = String(processor.stringify(tree)).trim();
  const blocks = markdownToBlocks(tree);
  const text = joinBlocks(blocks, (block) => block.prefix + block.text);
  // Link targets are not words a reader reads.
  const words = countWords(joinBlocks(markdownToBlocks(tree, { urls: false }), (block) => block.text));
  // Blank lines around the body are framing, not content.
  return { markdown: markdown.replace(/^\n+|\s+$/g, ''), html, text, words, blocks };
}

/** Words as a reader counts them: runs of letters or digits, with inner apostrophes and hyphens; a dash is not a word. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
