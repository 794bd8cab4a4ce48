import * as z from 'zod';

/*
 * The JSON output, described once: `renderJson` writes it, and the shipped
 * JSON Schema (schema/roundup.output.json) is generated from this.
 */

/** Bumped on any change that could break a consumer of the JSON. */
export const JSON_SCHEMA_VERSION = 1 as const;

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

const markdown = z
  .strictObject({
    markdown: z.string().describe('The Markdown source, without surrounding blank lines'),
    html: z.string().describe('Rendered and sanitized HTML'),
    text: z.string().describe('Plain text; links as "text (url)"'),
    words: z.number().int().nonnegative().describe('Words a reader reads (link targets excluded)'),
  })
  .describe('Markdown, rendered');

const picture = nullable(
  z.strictObject({
    src: z.string().describe('The file beside the outputs (named after its content), or the https URL'),
    alt: z.string(),
    credit: nullable(z.string()),
    width: nullable(z.number().int().positive()).describe('Pixels, read from the file; null for a URL'),
    height: nullable(z.number().int().positive()),
  }),
);

const credentialDetail = z.strictObject({
  abbr: z.string().describe('The registry’s abbreviation'),
  expansion: nullable(z.string()).describe('What it stands for; null for an ambiguous abbreviation no meaning was chosen for'),
  category: z.enum(['degree', 'license', 'certification', 'registration', 'fellowship', 'membership']),
  issuer: nullable(z.string()).describe('The organization that issues or recognizes it; null when the meaning is not settled'),
  issuerUrl: nullable(z.string()).describe('The issuer’s web site'),
});

const expert = z.strictObject({
  id: z.string().describe('The expert file’s name without .md'),
  name: z.string(),
  credentials: z.array(z.string()).describe('Post-nominals as printed, in order'),
  credentialDetails: z
    .array(nullable(credentialDetail))
    .describe('What the registry knows of each credential, in the same order; null when nothing'),
  role: nullable(z.string()),
  location: nullable(
    z.strictObject({
      city: z.string(),
      region: nullable(z.string()).describe('State, province or region as written'),
      country: nullable(z.string()).describe('ISO 3166-1 alpha-2 when known, else as written'),
      display: z.string().describe('As printed under the name'),
    }),
  ),
  honorific: nullable(z.string()).describe('Printed before the name ("Dr."); null when none or when the house style drops honorifics'),
  pronouns: nullable(z.string()),
  affiliation: nullable(z.strictObject({ name: z.string(), url: nullable(z.string()) })).describe('The practice or employer'),
  url: nullable(z.string()).describe('The expert’s profile page'),
  photo: picture.describe('A headshot'),
  heading: nullable(z.string()).describe('The answer’s own heading'),
  answer: markdown,
  condensed: nullable(
    z.strictObject({
      originalWords: z.number().int().nonnegative(),
      words: z.number().int().nonnegative(),
      removed: z.array(z.string()).describe('The sentences cut, as Markdown, in their original order'),
    }),
  ).describe('Set when --condense apply cut the answer to its word budget'),
});

export const outputSchema = z
  .strictObject({
    schemaVersion: z.literal(JSON_SCHEMA_VERSION),
    slug: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/),
    lang: z.string(),
    title: z.string(),
    question: z.string(),
    url: nullable(z.string()),
    byline: nullable(z.strictObject({ name: z.string(), url: nullable(z.string()) })).describe(
      'The byline as printed (several authors joined: "A and B"); null for an unsigned article',
    ),
    authors: z
      .array(z.strictObject({ name: z.string(), url: nullable(z.string()), organization: z.boolean() }))
      .describe('Each author; organization: true when an organization signs the article'),
    dek: nullable(z.string()).describe('The line under the title'),
    image: picture.describe('The article’s picture'),
    published: nullable(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
    updated: nullable(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).describe('The date of the last substantive change'),
    site: nullable(z.strictObject({ name: z.string(), url: nullable(z.string()) })).describe('The publication'),
    column: nullable(z.strictObject({ name: z.string(), blurb: nullable(z.string()) })),
    intro: nullable(markdown),
    experts: z.array(expert),
    closing: nullable(z.string()),
    cta: nullable(markdown),
    stats: z.strictObject({
      experts: z.number().int().nonnegative(),
      words: z.number().int().nonnegative(),
      readingMinutes: z.number().int().positive(),
    }),
  })
  .describe('A roundup, as roundup build --format json writes it');

export type RoundupJson = z.infer<typeof outputSchema>;
