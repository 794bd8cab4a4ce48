import { resolveCredentials, separateCredentials, type ResolvedCredential } from '../data/credential-meaning.js';
import { createCredentialIndex, CREDENTIALS, type CredentialIndex } from '../data/credential-registry.js';
import type { ExpertInput, QuestionInput } from '../schema/input.js';
import { buildLocation, splitCredentials } from './fields.js';
import { type CredentialDetail, describeCredential } from './credential-details.js';
import { buildPicture, type Picture } from './pictures.js';
import { resolveLocation, type Location, type ResolvedLocation } from '../data/locations.js';
import type { LoadedRoundup } from '../load/roundup.js';
import { renderMarkdown, typesetText, type MarkdownOptions, type RenderedMarkdown } from '../markdown/render.js';

export type { Location };

/** The normalized roundup that every renderer reads. */
export interface Roundup {
  slug: string;
  lang: string;
  title: string;
  question: string;
  url: string | null;
  /** The byline as printed: the authors' names joined ("A and B"); the one author's URL. Null for an unsigned article. */
  byline: { name: string; url: string | null } | null;
  authors: Author[];
  dek: string | null;
  image: Picture | null;
  published: string | null;
  updated: string | null;
  site: { name: string; url: string | null } | null;
  column: { name: string; blurb: string | null } | null;
  intro: RenderedMarkdown | null;
  experts: Expert[];
  closing: string | null;
  cta: RenderedMarkdown | null;
  stats: { experts: number; words: number; readingMinutes: number };
}

interface Author {
  name: string;
  url: string | null;
  /** An organization signs the article (a newsroom, a clinic), not a person. */
  organization: boolean;
}

export interface Expert {
  id: string;
  name: string;
  /** As printed, in order. */
  credentials: string[];
  /** What the registry knows of each credential, in the same order; null when it knows nothing. */
  credentialDetails: (CredentialDetail | null)[];
  role: string | null;
  location: Location | null;
  /** Printed before the name ("Dr."); null when none, or when the house style drops honorifics. */
  honorific: string | null;
  /** The answer's own heading. */
  heading: string | null;
  /** The practice or employer. */
  affiliation: { name: string; url: string | null } | null;
  /** The expert's profile page. */
  url: string | null;
  pronouns: string | null;
  photo: Picture | null;
  answer: RenderedMarkdown;
  /** Set when `condense` cut the answer to its word budget. */
  condensed: Condensed | null;
  /**
   * What the reference data says of the location as written and of each
   * credential, in order: looked up once here, for the model and the rules.
   */
  resolved: { location: ResolvedLocation | null; credentials: ResolvedCredential[] };
}

interface Condensed {
  originalWords: number;
  words: number;
  /** The sentences cut, as Markdown, in their original order. */
  removed: string[];
}

export interface ModelOptions extends MarkdownOptions {
  /** The registry to resolve credentials against (with the project's own). */
  credentials?: CredentialIndex;
  /** Meanings chosen for ambiguous abbreviations, by abbreviation. */
  expansions?: ReadonlyMap<string, string>;
  /** Print honorifics ("Dr.") before names, or drop them. Default `keep`. */
  honorifics?: 'keep' | 'drop';
}

/** An answer sits under its expert's `h2`: its own headings start at `h3`. */
export const answerOptions = (options: MarkdownOptions): MarkdownOptions => ({ ...options, topHeading: 3 });

/** Average silent reading speed for non-fiction (Brysbaert, 2019: 238 words per minute). */
const WORDS_PER_MINUTE = 238;

const DEFAULT_INDEX = createCredentialIndex(CREDENTIALS);

/**
 * Build the model of a roundup whose files all passed their checks. Pure: the
 * same loaded input and options always give the same value.
 */
export function buildRoundup(loaded: LoadedRoundup, slug: string, options: ModelOptions = {}): Roundup {
  const question = loaded.question.value as QuestionInput;
  const text = (value: string) => typesetText(value.trim(), options);
  const byId = new Map(loaded.experts.map((expert) => [expert.id, expert]));
  const ids = question.order ?? loaded.experts.map((expert) => expert.id);
  const experts = ids.map((id) => {
    const expert = byId.get(id)!;
    return buildExpert(id, expert.value as ExpertInput, expert.body, options, (input) => buildPicture(input, loaded.images, slug, options));
  });
  return withStats({
    slug,
    lang: question.lang ?? 'en',
    title: text(question.title),
    question: text(question.question ?? question.title),
    url: question.url ?? null,
    ...bylineOf(question.byline, text),
    dek: question.dek ? text(question.dek) : null,
    image: question.image ? buildPicture(question.image, loaded.images, slug, options) : null,
    published: question.published ?? null,
    updated: question.updated ?? null,
    site: question.site ? { name: text(question.site.name), url: question.site.url ?? null } : null,
    column: question.column
      ? { name: text(question.column.name), blurb: question.column.blurb ? text(question.column.blurb) : null }
      : null,
    intro: question.intro ? renderMarkdown(question.intro, { ...options, topHeading: 2 }) : null,
    experts,
    closing: question.closing ? text(question.closing) : null,
    cta: question.cta ? renderMarkdown(question.cta, options) : null,
    stats: { experts: 0, words: 0, readingMinutes: 0 },
  });
}

/** The name as printed above the answer: "Dr. Jane Doe (she/her)". */
export const printedName = (expert: Pick<Expert, 'honorific' | 'name' | 'pronouns'>) =>
  `${expert.honorific ? `${expert.honorific} ` : ''}${expert.name}${expert.pronouns ? ` (${expert.pronouns})` : ''}`;

/** The question is printed when it says more than the title: not when the two differ only in case or punctuation. */
export const printsQuestion = (roundup: Pick<Roundup, 'title' | 'question'>) => {
  const words = (value: string) =>
    value
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return words(roundup.question) !== words(roundup.title);
};

function bylineOf(byline: QuestionInput['byline'], text: (value: string) => string): Pick<Roundup, 'byline' | 'authors'> {
  const person = (author: string | { name: string; url?: string }): Author =>
    typeof author === 'string'
      ? { name: text(author), url: null, organization: false }
      : { name: text(author.name), url: author.url ?? null, organization: false };
  const authors: Author[] =
    byline === undefined
      ? []
      : Array.isArray(byline)
        ? byline.map(person)
        : typeof byline === 'object' && 'organization' in byline
          ? [{ name: text(byline.organization), url: byline.url ?? null, organization: true }]
          : [person(byline)];
  if (authors.length === 0) return { byline: null, authors };
  const names = authors.map((author) => author.name);
  const name = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return { byline: { name, url: authors.length === 1 ? authors[0]!.url : null }, authors };
}

/** Recount the stats, after building or after condensing. */
export function withStats(roundup: Roundup): Roundup {
  const words = roundup.experts.reduce((sum, expert) => sum + expert.answer.words, 0);
  return {
    ...roundup,
    stats: { experts: roundup.experts.length, words, readingMinutes: Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)) },
  };
}

function buildExpert(
  id: string,
  input: ExpertInput,
  body: string,
  options: ModelOptions,
  picture: (input: NonNullable<ExpertInput['photo']>) => Picture,
): Expert {
  const index = options.credentials ?? DEFAULT_INDEX;
  const credentials = separateCredentials(splitCredentials(input.credentials), index);
  const location = input.location === undefined ? null : buildLocation(input.location);
  const place = location ? resolveLocation(location) : undefined;
  const resolved = resolveCredentials(credentials, index, {
    country: place?.country?.code,
    region: place?.region?.region.code,
    role: input.role,
    expansions: options.expansions,
  });
  return {
    id,
    name: typesetText(input.name.trim(), options),
    credentials,
    credentialDetails: resolved.map((credential) => describeCredential(credential, options.expansions, place?.region?.region.code)),
    role: input.role ? typesetText(input.role.trim(), options) : null,
    honorific: input.honorific && options.honorifics !== 'drop' ? input.honorific.trim() : null,
    heading: input.heading ? typesetText(input.heading.trim(), options) : null,
    affiliation:
      input.affiliation === undefined
        ? null
        : typeof input.affiliation === 'string'
          ? { name: typesetText(input.affiliation.trim(), options), url: null }
          : { name: typesetText(input.affiliation.name.trim(), options), url: input.affiliation.url ?? null },
    url: input.url ?? null,
    pronouns: input.pronouns?.trim() ?? null,
    photo: input.photo ? picture(input.photo) : null,
    // The country as an ISO 3166-1 code when the reference data knows the place ("Austin, Texas" is in `US`).
    location: location && place?.country ? { ...location, country: place.country.code } : location,
    answer: renderMarkdown(body, answerOptions(options)),
    condensed: null,
    resolved: { location: place ? asPrinted(place, location!) : null, credentials: resolved },
  };
}

/**
 * The resolution of the location as printed, which is what the rules read:
 * the printed country is the code of the one resolved, so a written country
 * the data does not know, where the region implies one ("Austin, Texas,
 * Narnia" prints `US`), is no unknown country any more. Resolving the printed
 * location again gives the same in every other case (the region is looked up
 * within the country it implies, and found the same).
 */
function asPrinted(place: ResolvedLocation, written: Location): ResolvedLocation {
  return place.unknownCountry && place.country && written.country !== null ? { ...place, unknownCountry: false } : place;
}
