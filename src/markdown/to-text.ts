import type { Nodes, Root, RootContent } from 'mdast';
import { isSafeUrl } from './url.js';

/** One block of plain text: its first line starts with `prefix`, later lines with `indent`. */
export interface TextBlock {
  text: string;
  prefix: string;
  indent: string;
  /** Code: keep its lines as they are, never rewrap. */
  preformatted: boolean;
  /** An item of a tight list after the first: no blank line before it. */
  tight?: boolean;
}

/** Join blocks (each already formatted) with blank lines, but tight list items with a single newline. */
export function joinBlocks(blocks: readonly TextBlock[], format: (block: TextBlock) => string): string {
  return blocks.map((block, index) => (index === 0 ? '' : block.tight ? '\n' : '\n\n') + format(block)).join('');
}

export interface TextOptions {
  /** How a link is written; by default "text (url)". Unsafe URLs are never passed. */
  link?: (label: string, url: string) => string;
}

const inlineLink = (label: string, url: string) => (url === label || `mailto:${label}` === url ? label : `${label} (${url})`);

/** Markdown → plain-text blocks with no Markdown syntax left (emphasis marks, link brackets, raw HTML). */
export function markdownToBlocks(tree: Root, options: TextOptions = {}): TextBlock[] {
  const inlineText = inlineTextOf(options.link ?? inlineLink);
  const blocksOf = (node: RootContent, prefix: string, indent: string): TextBlock[] => {
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        const text = inlineText(node).trim();
        return text ? [{ text, prefix, indent, preformatted: false }] : [];
      }
      case 'code':
        return node.value ? [{ text: node.value, prefix: prefix + '    ', indent: indent + '    ', preformatted: true }] : [];
      case 'blockquote':
        return node.children.flatMap((child, index) => blocksOf(child, index === 0 ? prefix + '    ' : indent + '    ', indent + '    '));
      case 'list':
        return node.children.flatMap((item, index) => {
          const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '- ';
          const childIndent = indent + ' '.repeat(marker.length);
          const blocks = item.children.flatMap((child, childIndex) =>
            blocksOf(child, childIndex === 0 ? (index === 0 ? prefix : indent) + marker : childIndent, childIndent),
          );
          if (index > 0 && blocks[0] && !node.spread) blocks[0] = { ...blocks[0], tight: true };
          return blocks;
        });
      case 'thematicBreak':
        return [{ text: '* * *', prefix, indent, preformatted: false }];
      default:
        // Raw HTML and definitions print nothing; the sanitizer drops them from the HTML too.
        return [];
    }
  };
  return tree.children.flatMap((node) => blocksOf(node, '', ''));
}

function inlineTextOf(link: NonNullable<TextOptions['link']>) {
  const inlineText = (node: Nodes): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value.replace(/\s*\n\s*/g, ' ');
      case 'break':
        return '\n';
      case 'image':
        return node.alt ?? '';
      case 'link': {
        const label = children(node);
        const url = node.url;
        return isSafeUrl(url) ? link(label, url) : label;
      }
      case 'html':
        return '';
      default:
        return 'children' in node ? children(node) : '';
    }
  };
  const children = (node: { children: Nodes[] }): string => node.children.map(inlineText).join('');
  return inlineText;
}
