import type { VFile } from 'vfile';
import type { Span } from '../../util/diagnostics.js';
import type { Rule } from '../rule.js';

/*
 * Text that stands in for an answer: the scaffold's own ("Write Jane Doe’s
 * answer here"), and what editors type while waiting (TBD, Lorem ipsum,
 * "(answer)"). Uppercase TBD/TODO only, so "todo" in a sentence passes; not TK,
 * which is also a brand (TK Maxx).
 */
const PLACEHOLDERS = [
  /\bwrite [^.\n]{0,60}\banswer here\b/i,
  /\b(answer|text|quote) (goes|to come) here\b/i,
  /\blorem ipsum\b/i,
  /[([](answer|placeholder|insert answer)[)\]]/i,
  /\b(TBD|TODO)\b/,
];

function find(text: string): { index: number; length: number } | undefined {
  let first: RegExpExecArray | undefined;
  for (const pattern of PLACEHOLDERS) {
    const match = pattern.exec(text) ?? undefined;
    if (match && (!first || match.index < first.index)) first = match;
  }
  return first && { index: first.index, length: first[0].length };
}

export const answerPlaceholder: Rule = {
  id: 'answer-placeholder',
  severity: 'error',
  description:
    'Placeholder text (the scaffold’s “Write … answer here”, TBD, Lorem ipsum, “(answer)”) in an answer, the intro, the closing note or the call to action.',
  check({ experts, question }, report) {
    const found = (file: VFile, text: string, span: (index: number, length: number) => Span) => {
      const match = find(text);
      if (!match) return;
      const placeholder = text.slice(match.index, match.index + match.length);
      report({
        file,
        span: span(match.index, match.length),
        reason: `Unexpected placeholder \`${placeholder}\`, expected the text that will be published`,
        note: 'Replace the placeholder with the real text before the roundup is published.',
        actual: placeholder,
      });
    };
    for (const expert of experts) {
      const source = String(expert.file.value);
      found(expert.file, source.slice(expert.bodyOffset), (index, length) => ({
        start: expert.bodyOffset + index,
        end: expert.bodyOffset + index + length,
      }));
    }
    const source = String(question.file.value);
    for (const field of ['intro', 'closing', 'cta'] as const) {
      const span = question.places.exact([field]);
      if (span)
        found(question.file, source.slice(span.start, span.end), (index, length) => ({
          start: span.start + index,
          end: span.start + index + length,
        }));
    }
  },
};
