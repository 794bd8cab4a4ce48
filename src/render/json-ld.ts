import type { Article, EducationalOccupationalCredential, Organization, Person, PostalAddress, WithContext } from 'schema-dts';
import { absolutePicture } from '../model/pictures.js';
import type { Expert, Roundup } from '../model/roundup.js';

/**
 * schema.org structured data: the roundup as an `Article` whose contributors
 * are the experts, each a `Person` with credentials and work location. Not a
 * QAPage (Google requires user-submitted answers) nor an FAQPage (being
 * retired).
 */
export function buildJsonLd(roundup: Roundup, description: string): Record<string, unknown> {
  // Typed with schema-dts, so every property and type is one schema.org defines (checked by tsc in npm test).
  const article: WithContext<Article> = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: roundup.title,
    description,
    inLanguage: roundup.lang,
    image: known(roundup.image && absolutePicture(roundup.image, roundup.url)),
    datePublished: known(roundup.published),
    dateModified: known(roundup.updated),
    url: known(roundup.url),
    mainEntityOfPage: known(roundup.url),
    author: authorsLd(roundup),
    publisher: roundup.site
      ? compact<Organization>({ '@type': 'Organization', name: roundup.site.name, url: known(roundup.site.url) })
      : undefined,
    isPartOf: roundup.column ? { '@type': 'CreativeWorkSeries', name: roundup.column.name } : undefined,
    wordCount: roundup.stats.words,
    contributor: roundup.experts.map((expert) => person(expert, roundup.url)),
  };
  return compact(article) as unknown as Record<string, unknown>;
}

/** One author as an object (as before), several as a list; an organization as an `Organization`. */
function authorsLd(roundup: Roundup): Article['author'] {
  const authors = roundup.authors.map((author): Person | Organization =>
    author.organization
      ? compact<Organization>({ '@type': 'Organization', name: author.name, url: known(author.url) })
      : compact<Person>({ '@type': 'Person', name: author.name, url: known(author.url) }),
  );
  return authors.length > 1 ? authors : authors[0];
}

function person(expert: Expert, url: string | null): Person {
  const location = expert.location;
  const credentials = expert.credentials.map((credential, index): EducationalOccupationalCredential => {
    const detail = expert.credentialDetails[index];
    return compact<EducationalOccupationalCredential>({
      '@type': 'EducationalOccupationalCredential',
      name: detail?.expansion ?? credential,
      alternateName: detail?.expansion ? credential : undefined,
      credentialCategory: detail?.category,
      // Only a real organization, with its site: never a guess or a description.
      recognizedBy: detail?.issuer?.url ? { '@type': 'Organization', name: detail.issuer.name, url: detail.issuer.url } : undefined,
    });
  });
  return compact<Person>({
    '@type': 'Person',
    name: expert.name,
    honorificPrefix: known(expert.honorific),
    image: known(expert.photo && absolutePicture(expert.photo, url)),
    url: known(expert.url),
    // The profile page identifies the expert: schema.org's sameAs, which search engines read for identity.
    sameAs: known(expert.url),
    worksFor: expert.affiliation
      ? compact<Organization>({ '@type': 'Organization', name: expert.affiliation.name, url: known(expert.affiliation.url) })
      : undefined,
    honorificSuffix: expert.credentials.length > 0 ? expert.credentials.join(', ') : undefined,
    jobTitle: known(expert.role),
    hasCredential: credentials,
    workLocation: location
      ? compact<PostalAddress>({
          '@type': 'PostalAddress',
          addressLocality: location.city,
          addressRegion: known(location.region),
          addressCountry: known(location.country),
        })
      : undefined,
  });
}

/** schema-dts types say "absent", not null. */
const known = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** Drop null, undefined and empty lists, so the markup only states what is known. */
function compact<T>(object: T): T {
  return Object.fromEntries(
    Object.entries(object as object).filter(
      ([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  ) as T;
}

/**
 * JSON that is safe inside `<script>`: `<` as `\u003c` (so `</script>` and
 * `<!--` cannot end or change the script), and the line separators that some
 * JavaScript parsers reject, escaped.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
