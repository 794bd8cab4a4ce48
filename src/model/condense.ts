import type { Root } from 'mdast';
import type { Position } from 'unist';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Span } from '../util/diagnostics.js';
import { answerOptions, withStats, type Expert, type Roundup } from './roundup.js';
import { renderMarkdown, type MarkdownOptions } from '../markdown/render.js';
import { splitSentences } from './sentences.js';

/** A piece of an answer that is kept or cut whole: a sentence of a paragraph, or any other block. */
interface Unit {
  block: number;
  /** The first unit of its block. */
  leads: boolean;
  markdown: string;
  words: number;
}

const parser = unified().use(remarkParse).freeze();

/**
 * Cut a Markdown answer to `budget` words, extractively: whole sentences in
 * their original order, paragraph breaks kept, inline Markdown never split.
 * The first paragraph is kept whenever it fits; then the first sentence of
 * each later paragraph, then the others in order, each while it fits.
 * Returns undefined when the answer fits, or when no sentence does.
 */
export function condenseMarkdown(markdown: string, budget: number, options: MarkdownOptions = {}) {
  const units = splitUnits(markdown, options);
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

function splitUnits(markdown: string, options: MarkdownOptions): Unit[] {
  const tree = parser.parse(markdown) as Root;
  return tree.children.flatMap((node, block) => {
    const span = spanOf(node);
    if (!span) return [];
    const source = markdown.slice(span.start, span.end);
    const pieces =
      node.type === 'paragraph'
        ? splitSentences(
            source,
            node.children
              .filter((child) => child.type !== 'text')
              .map(spanOf)
              .filter((child): child is Span => child !== undefined)
              .map((child) => ({ start: child.start - span.start, end: child.end - span.start })),
          )
        : [{ start: 0, end: source.length }];
    return pieces.map((piece, index) => {
      const text = source.slice(piece.start, piece.end).replace(/\s*\n\s*/g, ' ');
      return { block, leads: index === 0, markdown: text, words: renderMarkdown(text, options).words };
    });
  });
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
    const result = budget === undefined ? undefined : condenseMarkdown(expert.answer.markdown, budget, options);
    if (!result) return expert;
    const answer = renderMarkdown(result.markdown, answerOptions(options));
    return { ...expert, answer, condensed: { originalWords: expert.answer.words, words: answer.words, removed: result.removed } };
  });
  return withStats({ ...roundup, experts });
}
