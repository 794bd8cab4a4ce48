import type { Heading, Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { markdownToHtml } from './to-html.js';
import { joinBlocks, markdownToBlocks } from './to-text.js';

/**
 * A Markdown text parsed once. Its HTML and text are derived from the tree
 * the first time something reads them, and kept: `check` and most formats
 * never read the HTML, so they never pay for it.
 */
export interface RenderedMarkdown {
  markdown: string;
  /** Sanitized HTML: no raw HTML, script, event handler or unsafe URL survives. */
  readonly html: string;
  /** Plain text, paragraphs separated by a blank line, links as "text (url)". */
  readonly text: string;
  /** Counted on the tree. */
  words: number;
  /** The parsed (and typeset) tree, for renderers that need more than text: wrapped text, Markdown. */
  tree: Root;
  /** Where `markdown` starts in the text that was parsed (past its leading blank lines): the tree's offsets minus this are offsets in `markdown`. */
  offset: number;
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

const plain = unified().use(remarkParse).freeze();
const typeset = unified().use(remarkParse).use(remarkSmartypants).freeze();

/**
 * Parse once; the HTML and the text are read off the same tree when first
 * asked for. Nothing changes the tree after this: the renderers copy it.
 */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): RenderedMarkdown {
  const processor = options.smartypants === false || !TYPESETTABLE.test(markdown) ? plain : typeset;
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  const headingShift = options.topHeading ? demoteHeadings(tree, options.topHeading) : 0;
  let html: string | undefined;
  let text: string | undefined;
  return {
    markdown: markdown.replace(/^\n+|\s+$/g, ''),
    get html() {
      html ??= markdownToHtml(tree);
      return html;
    },
    get text() {
      text ??= joinBlocks(markdownToBlocks(tree), (block) => block.prefix + block.text);
      return text;
    },
    words: countTreeWords(tree),
    tree,
    offset: /^\n*/.exec(markdown)![0].length,
    headingShift,
  };
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
export function countTreeWords(node: Nodes): number {
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
