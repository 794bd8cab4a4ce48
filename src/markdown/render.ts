import type { Heading, Nodes, Root } from 'mdast';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { joinBlocks, markdownToBlocks } from './to-text.js';

export interface RenderedMarkdown {
  markdown: string;
  /** Sanitized HTML: no raw HTML, script, event handler or unsafe URL survives. */
  html: string;
  /** Plain text, paragraphs separated by a blank line, links as "text (url)". */
  text: string;
  words: number;
  /** The parsed (and typeset) tree, for renderers that need more than text: wrapped text, Markdown. */
  tree: Root;
  /** Levels the headings were moved down to sit below `topHeading` (0: none moved). */
  headingShift: number;
}

export interface MarkdownOptions {
  /** Curly quotes, dashes and ellipses. Default true. */
  smartypants?: boolean;
  /**
   * The highest heading level the text may use: an answer sits under its
   * expert's `h2`, so its `#` and `##` become `h3`, keeping the page outline.
   */
  topHeading?: number;
}

/*
 * remark-html sanitizes by default (hast-util-sanitize, GitHub's schema):
 * raw HTML is dropped and only http(s), mailto and a few other link protocols
 * are kept. The option is spelled out so that nobody turns it off by accident.
 */
const plain = unified().use(remarkParse).use(remarkHtml, { sanitize: true }).freeze();
const typeset = unified().use(remarkParse).use(remarkSmartypants).use(remarkHtml, { sanitize: true }).freeze();

/** Parse once; the HTML and the text are both read off the same tree. */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): RenderedMarkdown {
  const processor = options.smartypants === false || !TYPESETTABLE.test(markdown) ? plain : typeset;
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  const headingShift = options.topHeading ? demoteHeadings(tree, options.topHeading) : 0;
  const html = String(processor.stringify(tree)).trim();
  const text = joinBlocks(markdownToBlocks(tree), (block) => block.prefix + block.text);
  return { markdown: markdown.replace(/^\n+|\s+$/g, ''), html, text, words: countTreeWords(tree), tree, headingShift };
}

/** Move every heading down by the same number of levels, so the highest is `top` (never below `h6`); returns the number. */
function demoteHeadings(tree: Root, top: number): number {
  const headings: Heading[] = [];
  const collect = (node: Nodes) => {
    if (node.type === 'heading') headings.push(node);
    if ('children' in node) for (const child of node.children) collect(child);
  };
  collect(tree);
  const highest = Math.min(...headings.map((heading) => heading.depth));
  const shift = headings.length > 0 && highest < top ? top - highest : 0;
  for (const heading of headings) heading.depth = Math.min(6, heading.depth + shift) as Heading['depth'];
  return shift;
}

/** Words a reader reads: text, code and image descriptions, each node on its own; link targets and raw HTML are not read. */
function countTreeWords(node: Nodes): number {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return countWords(node.value);
  if (node.type === 'image') return countWords(node.alt ?? '');
  return 'children' in node ? node.children.reduce((sum: number, child: Nodes) => sum + countTreeWords(child), 0) : 0;
}

/**
 * What SmartyPants changes: straight quotes, `--`, `---` and `...`. Text with
 * none of them skips it, which matters: its natural-language parse costs more
 * than parsing the Markdown.
 */
const TYPESETTABLE = /["']|--|\.\.\./;

const quotes = unified().use(remarkSmartypants).freeze();

/** Typography for a plain value from YAML (a title, a name): its text as a single text node, never parsed as Markdown. */
export function typesetText(text: string, options: MarkdownOptions = {}): string {
  if (options.smartypants === false || !TYPESETTABLE.test(text)) return text;
  const tree = quotes.runSync({
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }],
  } as Root) as Root;
  const paragraph = tree.children[0];
  return paragraph?.type === 'paragraph' ? paragraph.children.map((node) => ('value' in node ? node.value : '')).join('') : text;
}

/** Words as a reader counts them: runs of letters or digits, with inner apostrophes and hyphens; a dash is not a word. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
