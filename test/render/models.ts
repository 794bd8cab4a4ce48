import { renderMarkdown } from '../../src/markdown/render.js';
import type { Expert, Roundup } from '../../src/model/roundup.js';

/** A model expert with every optional field empty; a test sets what it is about. */
export const expertModel = (overrides: Partial<Expert> = {}): Expert => ({
  id: 'jane-doe',
  name: 'Jane Doe',
  credentials: [],
  credentialDetails: [],
  role: null,
  location: null,
  honorific: null,
  heading: null,
  affiliation: null,
  url: null,
  pronouns: null,
  photo: null,
  answer: renderMarkdown('An answer.'),
  condensed: null,
  resolved: { location: null, credentials: [] },
  ...overrides,
});

/** A model roundup with every optional field empty. */
export const roundupModel = (overrides: Partial<Roundup> = {}): Roundup => ({
  slug: 'x',
  lang: 'en',
  title: 'Title',
  question: 'Title',
  url: null,
  byline: null,
  authors: [],
  dek: null,
  image: null,
  published: null,
  updated: null,
  site: null,
  column: null,
  intro: null,
  experts: [],
  closing: null,
  cta: null,
  stats: { experts: 0, words: 0, readingMinutes: 1 },
  ...overrides,
});
