import type { Nodes, Paragraph, RootContent } from 'mdast';
import { decodeString } from 'micromark-util-decode-string';
import type { Position } from 'unist';
import type { Span } from '../util/diagnostics.js';
import { answerOptions, withStats, type Expert, type Roundup } from './roundup.js';
import { countTreeWords, countWords, renderMarkdown, type MarkdownOptions, type RenderedMarkdown } from '../markdown/render.js';
import { splitSentences } from './sentences.js';

/** A piece of an answer that is kept or cut whole: a sentence of a paragraph, or any other block. */
interface Unit {
  block: number;
  /** The first unit of its block. */
  leads: boolean;
  markdown: string;
  words: number;
}

/**
 * Cut a Markdown answer to `budget` words, extractively: whole sentences in
 * their original order, paragraph breaks kept, inline Markdown never split.
 * The first paragraph is kept whenever it fits; then the first sentence of
 * each later paragraph, then the others in order, each while it fits.
 * Returns undefined when the answer fits, or when no sentence does.
 */
export function condenseMarkdown(markdown: string, budget: number, options: MarkdownOptions = {}) {
  return condenseParsed(renderMarkdown(markdown, options), budget);
}

/** `condenseMarkdown` of an answer the model has parsed already: nothing is parsed again. */
function condenseParsed(answer: RenderedMarkdown, budget: number) {
  const units = splitUnits(answer);
  const total = units.reduce((sum, unit) => sum + unit.words, 0);
  if (total <= budget) return undefined;
  const kept = new Set<Unit>();
  let used = 0;
  const keep = (unit: Unit) => {
    if (kept.has(unit) || used + unit.words > budget) return;
    kept.add(unit);
    used += unit.words;
  };
  const first = units.filter((unit) => unit.block === 0);
  if (first.reduce((sum, unit) => sum + unit.words, 0) <= budget) first.forEach(keep);
  units.filter((unit) => unit.leads).forEach(keep);
  units.forEach(keep);
  if (kept.size === 0) return undefined;
  const blocks = new Map<number, string[]>();
  for (const unit of units) if (kept.has(unit)) blocks.set(unit.block, [...(blocks.get(unit.block) ?? []), unit.markdown]);
  return {
    markdown: [...blocks.values()].map((sentences) => sentences.join(' ')).join('\n\n'),
    removed: units.filter((unit) => !kept.has(unit)).map((unit) => unit.markdown),
  };
}

/**
 * The answer's blocks, paragraphs cut into sentences, each with its words
 * counted on the answer's own tree (as `answer.words` counts them), so no
 * sentence is parsed or rendered again.
 */
function splitUnits(answer: RenderedMarkdown): Unit[] {
  const { markdown, tree, offset } = answer;
  // The tree's offsets count from the text as parsed, before `markdown` was trimmed.
  const within = (span: Span): Span => ({ start: span.start - offset, end: Math.min(span.end - offset, markdown.length) });
  return tree.children.flatMap((node, block) => {
    const whole = spanOf(node);
    if (!whole) return [];
    const span = within(whole);
    const source = markdown.slice(span.start, span.end);
    if (node.type !== 'paragraph') return [{ block, leads: true, markdown: flatten(source), words: countTreeWords(node) }];
    // Links, emphasis and code are never cut: their spans, within the paragraph.
    const protect = node.children.flatMap((child) => {
      const at = child.type === 'text' ? undefined : spanOf(child);
      return at ? [{ start: at.start - whole.start, end: at.end - whole.start }] : [];
    });
    const pieces = splitSentences(source, protect).map((piece) => ({ start: span.start + piece.start, end: span.start + piece.end }));
    const words = pieceWords(node, markdown, pieces, within);
    return pieces.map((piece, index) => ({
      block,
      leads: index === 0,
      markdown: flatten(markdown.slice(piece.start, piece.end)),
      words: words[index]!,
    }));
  });
}

const flatten = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/**
 * The words of each sentence of a paragraph. Sentences end at white space,
 * so a word never straddles two: a link, emphasis or code (never cut) counts
 * whole in the sentence it starts in, and plain text is counted piece by
 * piece off the source, its escapes and character references decoded as the
 * parser decodes them.
 */
function pieceWords(paragraph: Paragraph, markdown: string, pieces: readonly Span[], within: (span: Span) => Span): number[] {
  const words = pieces.map(() => 0);
  const pieceAt = (offset: number) =>
    Math.max(
      0,
      pieces.findLastIndex((piece) => piece.start <= offset),
    );
  for (const child of paragraph.children as RootContent[]) {
    const whole = spanOf(child);
    if (!whole) continue;
    const span = within(whole);
    if (child.type !== 'text') {
      words[pieceAt(span.start)]! += countTreeWords(child as Nodes);
      continue;
    }
    pieces.forEach((piece, index) => {
      const start = Math.max(span.start, piece.start);
      const end = Math.min(span.end, piece.end);
      if (start < end) words[index]! += countWords(decodeString(markdown.slice(start, end)));
    });
  }
  return words;
}

const spanOf = ({ position }: { position?: Position }): Span | undefined =>
  position?.start.offset === undefined || position.end.offset === undefined
    ? undefined
    : { start: position.start.offset, end: position.end.offset };

export interface CondenseOptions extends MarkdownOptions {
  /** The word budget of each expert's answer, by expert id; experts without one are left alone. */
  budgets: ReadonlyMap<string, number>;
}

/** Condense every over-budget answer of a roundup, recording what was cut. */
export function condenseRoundup(roundup: Roundup, options: CondenseOptions): Roundup {
  const experts = roundup.experts.map((expert): Expert => {
    const budget = options.budgets.get(expert.id);
    const result = budget === undefined ? undefined : condenseParsed(expert.answer, budget);
    if (!result) return expert;
    const answer = renderMarkdown(result.markdown, answerOptions(options));
    return { ...expert, answer, condensed: { originalWords: expert.answer.words, words: answer.words, removed: result.removed } };
  });
  return withStats({ ...roundup, experts });
}
