import type { Picture } from '../model/pictures.js';
import { printedName, printsQuestion, type Roundup } from '../model/roundup.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import { joinBlocks, markdownToBlocks } from '../markdown/to-text.js';
import { formatDate } from './date.js';
import { length, wrap } from './wrap.js';

export interface TextOptions {
  /** Wrap at this many columns; 0 for no wrapping. Default 72. */
  width?: number;
}

/**
 * Plain text for email and newsletters: no markup, wrapped, each link a
 * numbered reference ("Visit Zocdoc [1]") with the URLs listed at the end.
 */
export function renderText(roundup: Roundup, options: TextOptions = {}): string {
  const width = options.width ?? 72;
  const urls: string[] = [];
  const reference = (label: string, url: string) => {
    const known = urls.indexOf(url);
    return `${label} [${known >= 0 ? known + 1 : urls.push(url)}]`;
  };
  const blocks: string[] = [];
  const paragraph = (text: string) => blocks.push(wrap(text, width));
  const markdown = (rendered: RenderedMarkdown | null) => {
    const textBlocks = rendered ? markdownToBlocks(rendered.tree, { link: reference }) : [];
    if (textBlocks.length === 0) return;
    blocks.push(
      joinBlocks(textBlocks, (block) =>
        block.preformatted
          ? block.prefix + block.text.replace(/\n/g, `\n${block.indent}`)
          : wrap(block.text, width, block.prefix, block.indent),
      ),
    );
  };

  blocks.push(underline(wrap(roundup.title, width), '='));
  if (roundup.dek) paragraph(roundup.dek);
  const byline = [roundup.byline && `By ${roundup.byline.name}`, roundup.published && formatDate(roundup.published)].filter(Boolean);
  if (byline.length > 0) paragraph(byline.join(' · '));
  if (roundup.column) paragraph([roundup.column.name, roundup.column.blurb].filter(Boolean).join(' '));
  if (roundup.image) paragraph(pictureLine(roundup.image));
  if (printsQuestion(roundup)) paragraph(`The question: ${roundup.question}`);
  markdown(roundup.intro);
  for (const expert of roundup.experts) {
    const heading = underline(wrap([printedName(expert), ...expert.credentials].join(', '), width), '-');
    const meta = [expert.role, expert.affiliation?.name, expert.location?.display, expert.url].filter((line): line is string =>
      Boolean(line),
    );
    blocks.push([heading, ...meta.map((line) => wrap(line, width))].join('\n'));
    if (expert.photo) paragraph(pictureLine(expert.photo));
    if (expert.heading) paragraph(expert.heading.toUpperCase());
    markdown(expert.answer);
  }
  if (roundup.closing) paragraph(roundup.closing);
  markdown(roundup.cta);
  if (urls.length > 0) blocks.push(['Links:', ...urls.map((url, index) => `[${index + 1}] ${url}`)].join('\n'));
  return `${stripControlCharacters(blocks.join('\n\n'))}\n`;
}

/** A picture in plain text: what it shows, and who took it. */
const pictureLine = (picture: Picture) => `[Picture: ${picture.alt}${picture.credit ? ` (${picture.credit})` : ''}]`;

function underline(text: string, character: string): string {
  const longest = Math.max(...text.split('\n').map(length));
  return `${text}\n${character.repeat(longest)}`;
}

/** Content must not drive the reader's terminal: drop C0/C1 controls (ANSI escapes among them) but newlines. */
export function stripControlCharacters(text: string): string {
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
}
