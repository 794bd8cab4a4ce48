import titles from './protected-titles.json' with { type: 'json' };

export interface ProtectedTitle {
  title: string;
  pattern: RegExp;
  /** Registry abbreviations that allow the title. */
  supportedBy: ReadonlySet<string>;
  /** Registry fields whose credentials allow it (any nursing credential allows "nurse"). */
  fields: ReadonlySet<string>;
  /** What would allow it, in words. */
  expected: string;
  sources: string[];
}

/** Professional titles that licensing law reserves, with the credentials that carry them. */
export const PROTECTED_TITLES: ProtectedTitle[] = titles.map((title) => ({
  title: title.title,
  pattern: new RegExp(title.pattern, 'i'),
  supportedBy: new Set(title.supportedBy),
  fields: new Set(title.fields),
  expected: title.expected,
  sources: title.sources,
}));
