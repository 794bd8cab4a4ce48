/**
 * The link protocols roundup prints, in text as in HTML. Relative links pass:
 * they have no protocol to abuse. The HTML sanitizer applies its own list
 * (GitHub's), which is a superset of this one.
 */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function isSafeUrl(url: string): boolean {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url);
  return !scheme || SAFE_PROTOCOLS.has(scheme[1]!.toLowerCase() + ':');
}
