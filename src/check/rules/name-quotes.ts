import type { Rule } from '../rule.js';

const OPENERS: Record<string, string> = { '‘': '’', '“': '”', '"': '"' };
const CLOSERS = new Set(['’', '”', '"']);
const isLetter = (character: string | undefined) => character !== undefined && /\p{L}/u.test(character);

interface QuoteProblem {
  index: number;
  reason: string;
}

/**
 * Find the first unbalanced or mismatched quotation mark. An apostrophe
 * between letters (O’Brien, O'Brien) is not a quote; straight single quotes
 * are always read as apostrophes.
 */
function findQuoteProblem(name: string): QuoteProblem | undefined {
  const open: { character: string; index: number }[] = [];
  for (let index = 0; index < name.length; index++) {
    const character = name[index]!;
    if (character === '’' && isLetter(name[index - 1]) && isLetter(name[index + 1])) continue;
    const top = open.at(-1);
    if (character === '"' && top?.character === '"') {
      open.pop();
    } else if (OPENERS[character] !== undefined && !(character === '"' && top)) {
      open.push({ character, index });
    } else if (CLOSERS.has(character)) {
      if (!top) return { index, reason: `Unexpected closing \`${character}\` with no opening quotation mark` };
      if (OPENERS[top.character] !== character) {
        return {
          index,
          reason: `Unexpected \`${character}\` closing the \`${top.character}\` opened before it, expected \`${OPENERS[top.character]}\``,
        };
      }
      open.pop();
    }
  }
  const unclosed = open[0];
  return unclosed && { index: unclosed.index, reason: `Unexpected \`${unclosed.character}\` that is never closed` };
}

/** The name with every quotation mark made a curly double quote, as AP prints nicknames: Anne “Kip” Rodgers Watson. */
function fixQuotes(name: string): string {
  let opening = true;
  return name.replace(/[‘“”"]|’(?!\p{L})|(?<!\p{L})’/gu, () => {
    const mark = opening ? '“' : '”';
    opening = !opening;
    return mark;
  });
}

export const nameQuotes: Rule = {
  id: 'name-quotes',
  severity: 'warning',
  description: 'Unbalanced or mismatched quotation marks in a name (Anne ‘Kip” Rodgers Watson).',
  check({ experts }, report) {
    for (const expert of experts) {
      // As written: typography must neither hide nor cause a mismatch.
      const name = expert.input.name.trim();
      const problem = findQuoteProblem(name);
      if (!problem) continue;
      const span = expert.places.value(['name']);
      const source = String(expert.file.value).slice(span.start, span.end);
      const at = source.indexOf(name);
      const fixed = fixQuotes(name);
      const single = fixed !== name && findQuoteProblem(fixed) === undefined;
      report({
        file: expert.file,
        span: at >= 0 ? { start: span.start + at + problem.index, end: span.start + at + problem.index + 1 } : span,
        reason: `${problem.reason} in the name \`${name}\``,
        note: single ? `Write \`${fixed}\`.` : 'Balance the quotation marks around the nickname.',
        actual: name,
        expected: fixed !== name ? [fixed] : [],
        // The whole value as read: `yamlEdit` writes it in the scalar's own quoting (a `\"` stays escaped) and keeps only what changed.
        fix: single ? [{ path: ['name'], span, text: expert.input.name.replace(name, fixed) }] : undefined,
      });
    }
  },
};
