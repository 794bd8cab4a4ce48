import type { Roundup } from '../model/roundup.js';

/** The meta description: the dek, else the intro's first paragraph, else the question, cut at a word near 160 characters. */
export function describe(roundup: Roundup): string {
  const source = roundup.dek ?? roundup.intro?.text.split('\n\n')[0] ?? roundup.question;
  if (source.length <= 160) return source;
  const cut = source.slice(0, 159);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:—–-]+$/, '')}…`;
}
