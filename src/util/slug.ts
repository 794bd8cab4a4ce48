/** Slugs become file names and URL parts: a strict allowlist, the same on every OS. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export function isValidSlug(slug: string): boolean {
  return SLUG.test(slug) && !WINDOWS_RESERVED.test(slug);
}

/** The nearest valid slug, for the fix; empty when nothing usable is left. */
export function suggestSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return isValidSlug(slug) ? slug : WINDOWS_RESERVED.test(slug) ? `${slug}-1` : '';
}
