import type { Span } from '../util/diagnostics.js';

/**
 * Abbreviations after which a period does not end a sentence. Initials
 * ("J.") and dotted initialisms ("U.S.", "e.g.", "a.m.") are recognised by
 * shape; "etc." is left out on purpose, since it often does end one.
 */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'prof',
  'st',
  'ste',
  'mt',
  'ft',
  'jr',
  'sr',
  'vs',
  'inc',
  'ltd',
  'co',
  'corp',
  'no',
  'nos',
  'fig',
  'approx',
  'dept',
  'est',
  'gen',
  'gov',
  'sen',
  'rep',
  'rev',
  'lt',
  'col',
  'capt',
  'sgt',
  'hon',
  'ave',
  'blvd',
  'rd',
  'univ',
  'vol',
  'ed',
  'eds',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ph',
  'phd',
  'cf',
  'al',
]);

/** Sentence-ending punctuation, with the closing quotes and brackets that belong to the sentence. */
const TERMINAL = /(?:[.!?]+|…|\.\.\.)["'”’)\]*_]*(?=\s|$)/g;

/** What may start a sentence: a capital, a digit, or an opening quote, bracket or emphasis mark. */
const SENTENCE_START = /^[\p{Lu}\p{N}“"‘'(\[*_]/u;

/**
 * Split text into sentences, as spans. A boundary never falls inside a
 * `protect`ed span (a link, emphasis or code in Markdown), after an
 * abbreviation or an initial, or before a lowercase word ("… and then").
 */
export function splitSentences(text: string, protect: readonly Span[] = []): Span[] {
  const sentences: Span[] = [];
  let start = skipSpace(text, 0);
  for (const match of text.matchAll(TERMINAL)) {
    const end = match.index + match[0].length;
    if (end <= start || protect.some((span) => end > span.start && end < span.end)) continue;
    const next = skipSpace(text, end);
    if (next < text.length && !SENTENCE_START.test(text.slice(next, next + 1))) continue;
    if (match[0].startsWith('.') && !match[0].startsWith('...') && isAbbreviation(text.slice(start, match.index))) continue;
    sentences.push({ start, end });
    start = next;
  }
  if (start < text.length && text.slice(start).trim() !== '') sentences.push({ start, end: text.trimEnd().length });
  return sentences;
}

function isAbbreviation(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1]?.replace(/^[(“"‘'[*_]+/, '') ?? '';
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g", "a.m"
  return ABBREVIATIONS.has(word.toLowerCase());
}

function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return index;
}
