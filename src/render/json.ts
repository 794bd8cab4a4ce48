import type { Picture } from '../model/pictures.js';
import type { Expert, Roundup } from '../model/roundup.js';
import { JSON_SCHEMA_VERSION, type RoundupJson } from '../schema/output.js';
import type { RenderedMarkdown } from '../markdown/render.js';

/**
 * The model as JSON: keys in a fixed order (the order written here), absent
 * values as null rather than missing, 2-space indent, final newline.
 */
export function renderJson(roundup: Roundup): string {
  const output = {
    schemaVersion: JSON_SCHEMA_VERSION,
    slug: roundup.slug,
    lang: roundup.lang,
    title: roundup.title,
    question: roundup.question,
    url: roundup.url,
    byline: roundup.byline && { name: roundup.byline.name, url: roundup.byline.url },
    authors: roundup.authors.map((author) => ({ name: author.name, url: author.url, organization: author.organization })),
    dek: roundup.dek,
    image: pictureJson(roundup.image),
    published: roundup.published,
    updated: roundup.updated,
    site: roundup.site && { name: roundup.site.name, url: roundup.site.url },
    column: roundup.column && { name: roundup.column.name, blurb: roundup.column.blurb },
    intro: roundup.intro && markdownJson(roundup.intro),
    experts: roundup.experts.map(expertJson),
    closing: roundup.closing,
    cta: roundup.cta && markdownJson(roundup.cta),
    stats: { experts: roundup.stats.experts, words: roundup.stats.words, readingMinutes: roundup.stats.readingMinutes },
  } satisfies RoundupJson;
  return `${JSON.stringify(output, null, 2)}\n`;
}

function expertJson(expert: Expert) {
  const { location } = expert;
  return {
    id: expert.id,
    name: expert.name,
    credentials: [...expert.credentials],
    credentialDetails: expert.credentialDetails.map(
      (detail) =>
        detail && {
          abbr: detail.abbr,
          expansion: detail.expansion,
          category: detail.category,
          issuer: detail.issuer?.name ?? null,
          issuerUrl: detail.issuer?.url ?? null,
        },
    ),
    role: expert.role,
    location: location && { city: location.city, region: location.region, country: location.country, display: location.display },
    honorific: expert.honorific,
    pronouns: expert.pronouns,
    affiliation: expert.affiliation && { name: expert.affiliation.name, url: expert.affiliation.url },
    url: expert.url,
    photo: pictureJson(expert.photo),
    heading: expert.heading,
    answer: markdownJson(expert.answer),
    condensed: expert.condensed && {
      originalWords: expert.condensed.originalWords,
      words: expert.condensed.words,
      removed: [...expert.condensed.removed],
    },
  };
}

const pictureJson = (picture: Picture | null) =>
  picture && { src: picture.src, alt: picture.alt, credit: picture.credit, width: picture.width, height: picture.height };

const markdownJson = (rendered: RenderedMarkdown) => ({
  markdown: rendered.markdown,
  html: rendered.html,
  text: rendered.text,
  words: rendered.words,
});
