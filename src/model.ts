import type { ExpertInput, LocationInput, QuestionInput } from './check/schema.js';
import { resolveLocation } from './data/locations.js';
import type { LoadedRoundup } from './load/roundup.js';
import { renderMarkdown, type RenderedMarkdown } from './render/markdown.js';

/** The normalized roundup that every renderer reads. */
export interface Roundup {
  slug: string;
  lang: string;
  title: string;
  question: string;
  url: string | null;
  byline: { name: string; url: string | null };
  published: string | null;
  column: { name: string; blurb: string | null } | null;
  intro: RenderedMarkdown | null;
  experts: Expert[];
  closing: string | null;
  cta: RenderedMarkdown | null;
  stats: { experts: number; words: number; readingMinutes: number };
}

export interface Expert {
  id: string;
  name: string;
  credentials: string[];
  role: string | null;
  location: Location | null;
  answer: RenderedMarkdown;
}

export interface Location {
  city: string;
  region: string | null;
  country: string | null;
  /** As printed under the expert's name. */
  display: string;
}

/** Average silent reading speed for non-fiction (Brysbaert, 2019: 238 words per minute). */
const WORDS_PER_MINUTE = 238;

/**
 * Build the model of a roundup whose files all passed their checks. Pure: the
 * same loaded input always gives the same value.
 */
export function buildRoundup(loaded: LoadedRoundup, slug: string): Roundup {
  const question = loaded.question.value as QuestionInput;
  const byId = new Map(loaded.experts.map((expert) => [expert.id, expert]));
  const ids = question.order ?? loaded.experts.map((expert) => expert.id);
  const experts = ids.map((id) => {
    const expert = byId.get(id)!;
    return buildExpert(id, expert.value as ExpertInput, expert.body);
  });
  const words = experts.reduce((sum, expert) => sum + expert.answer.words, 0);
  return {
    slug,
    lang: question.lang ?? 'en',
    title: question.title.trim(),
    question: (question.question ?? question.title).trim(),
    url: question.url ?? null,
    byline: typeof question.byline === 'string'
      ? { name: question.byline.trim(), url: null }
      : { name: question.byline.name.trim(), url: question.byline.url ?? null },
    published: question.published ?? null,
    column: question.column ? { name: question.column.name.trim(), blurb: question.column.blurb?.trim() ?? null } : null,
    intro: question.intro ? renderMarkdown(question.intro) : null,
    experts,
    closing: question.closing?.trim() ?? null,
    cta: question.cta ? renderMarkdown(question.cta) : null,
    stats: { experts: experts.length, words, readingMinutes: Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)) },
  };
}

function buildExpert(id: string, input: ExpertInput, body: string): Expert {
  return {
    id,
    name: input.name.trim(),
    credentials: splitCredentials(input.credentials),
    role: input.role?.trim() ?? null,
    location: input.location === undefined ? null : withCountry(buildLocation(input.location)),
    answer: renderMarkdown(body),
  };
}

/** The country as an ISO 3166-1 code when the reference data knows the place ("Austin, Texas" is in `US`). */
function withCountry(location: Location): Location {
  const country = resolveLocation(location).country;
  return country ? { ...location, country: country.code } : location;
}

/** `LCMHC, RPT, RDT` or `[LCMHC, RPT, RDT]` → `['LCMHC', 'RPT', 'RDT']`. */
export function splitCredentials(credentials: ExpertInput['credentials']): string[] {
  const list = typeof credentials === 'string' ? credentials.split(',') : (credentials ?? []);
  return list.map((credential) => credential.trim()).filter(Boolean);
}

/** `City`, `City, Region` or `City, Region, Country`, or the mapping, split as written. */
export function buildLocation(input: LocationInput): Location {
  if (typeof input !== 'string') {
    const parts = [input.city, input.region, input.country].map((part) => part?.trim()).filter(Boolean);
    return { city: input.city.trim(), region: input.region?.trim() ?? null, country: input.country?.trim() ?? null, display: parts.join(', ') };
  }
  const parts = input.split(',').map((part) => part.trim()).filter(Boolean);
  const [city = '', ...rest] = parts;
  const country = parts.length >= 3 ? parts.at(-1)! : null;
  const region = parts.length >= 3 ? rest.slice(0, -1).join(', ') : (rest[0] ?? null);
  return { city, region, country, display: parts.join(', ') };
}
