import { absolutePicture, type Expert, type Roundup } from '../model/roundup.js';

/**
 * schema.org structured data: the roundup as an `Article` whose contributors
 * are the experts, each a `Person` with credentials and work location. Not a
 * QAPage (Google requires user-submitted answers) nor an FAQPage (being
 * retired).
 */
export function buildJsonLd(roundup: Roundup, description: string): Record<string, unknown> {
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: roundup.title,
    description,
    inLanguage: roundup.lang,
    image: roundup.image && absolutePicture(roundup.image, roundup.url),
    datePublished: roundup.published,
    dateModified: roundup.updated,
    url: roundup.url,
    mainEntityOfPage: roundup.url,
    author: authorsLd(roundup),
    publisher: roundup.site && compact({ '@type': 'Organization', name: roundup.site.name, url: roundup.site.url }),
    isPartOf: roundup.column && { '@type': 'CreativeWorkSeries', name: roundup.column.name },
    wordCount: roundup.stats.words,
    contributor: roundup.experts.map((expert) => person(expert, roundup.url)),
  });
}

/** One author as an object (as before), several as a list; an organization as an `Organization`. */
function authorsLd(roundup: Roundup) {
  const authors = roundup.authors.map((author) =>
    compact({ '@type': author.organization ? 'Organization' : 'Person', name: author.name, url: author.url }),
  );
  return authors.length > 1 ? authors : (authors[0] ?? null);
}

function person(expert: Expert, url: string | null) {
  const location = expert.location;
  return compact({
    '@type': 'Person',
    name: expert.name,
    honorificPrefix: expert.honorific,
    image: expert.photo && absolutePicture(expert.photo, url),
    url: expert.url,
    worksFor: expert.affiliation && compact({ '@type': 'Organization', name: expert.affiliation.name, url: expert.affiliation.url }),
    honorificSuffix: expert.credentials.length > 0 ? expert.credentials.join(', ') : null,
    jobTitle: expert.role,
    hasCredential: expert.credentials.map((credential, index) => {
      const detail = expert.credentialDetails[index];
      return compact({
        '@type': 'EducationalOccupationalCredential',
        name: detail?.expansion ?? credential,
        alternateName: detail?.expansion ? credential : null,
        credentialCategory: detail?.category,
        // Only a real organization, with its site: never a guess or a description.
        recognizedBy: detail?.issuer?.url ? { '@type': 'Organization', name: detail.issuer.name, url: detail.issuer.url } : null,
      });
    }),
    workLocation:
      location &&
      compact({
        '@type': 'PostalAddress',
        addressLocality: location.city,
        addressRegion: location.region,
        addressCountry: location.country,
      }),
  });
}

/** Drop null, undefined and empty lists, so the markup only states what is known. */
function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)),
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
