import * as z from 'zod';

/*
 * The input schemas. Every `error` text completes the sentence "Unexpected X
 * for `field`, expected …", which `validateSchema` builds; the same schemas
 * will generate the editors' JSON Schemas, so they are written once, here.
 */

export const text = (what = 'a string') =>
  z
    .string({ error: what })
    .refine((value) => value.trim() !== '', { error: `${what} that is not empty` })
    .describe(capitalize(what));

/** The error texts double as descriptions in the generated JSON Schemas, where editors show them on hover. */
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1).replace(/`/g, '');
const markdown = () => text('Markdown text');
const httpUrl = () =>
  z
    .string({ error: 'an http or https URL' })
    .refine(isHttpUrl, { error: 'an http or https URL such as `https://example.com/`' })
    .describe('An http or https URL');

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** `2020-02-30` has the right shape but is no day. */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const date = () =>
  z
    .string({ error: 'a date written as `YYYY-MM-DD`' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date written as `YYYY-MM-DD`' })
    .refine(isCalendarDate, { error: 'a date that exists, written as `YYYY-MM-DD`' });

const author = z.union([text('the author’s name'), z.strictObject({ name: text('the author’s name'), url: httpUrl().optional() })], {
  error: 'the author’s name, or a mapping with `name` and `url`',
});

const image = (what: string) =>
  z
    .strictObject(
      {
        src: text('a path inside the roundup folder, or an https URL'),
        alt: text('the text alternative: what the picture shows'),
        credit: text('the credit printed with the picture').optional(),
      },
      { error: 'a mapping with `src`, `alt` and `credit`' },
    )
    .describe(what);

const wordBudget = () =>
  z
    .number({ error: 'a whole number of words' })
    .int({ error: 'a whole number of words' })
    .positive({ error: 'a positive number of words' });

export const questionSchema = z.strictObject(
  {
    title: text('the article title'),
    question: text('the question put to the experts').optional(),
    slug: z.string({ error: 'a slug such as `therapists-cry`' }).optional(),
    lang: z
      .string({ error: 'a language tag such as `en` or `en-US`' })
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'a language tag such as `en` or `en-US`' })
      .optional(),
    url: httpUrl().optional(),
    byline: z
      .union(
        [
          author,
          z.strictObject({ organization: text('the organization’s name'), url: httpUrl().optional() }),
          z.array(author, { error: 'a list of authors' }).min(1, { error: 'at least one author' }),
        ],
        { error: 'the author’s name, a mapping with `name` and `url`, `{organization: …}`, or a list of authors' },
      )
      .describe('The author: a name, {name, url}, {organization, url}, or a list of authors; none for an unsigned article')
      .optional(),
    dek: text('the dek, a line under the title').optional(),
    image: image('The article’s picture: {src, alt, credit}; og:image and the JSON-LD image').optional(),
    published: date().optional(),
    updated: date().describe('The date of the last substantive change (dateModified)').optional(),
    site: z
      .strictObject({ name: text('the publication’s name'), url: httpUrl().optional() }, { error: 'a mapping with `name` and `url`' })
      .describe('The publication: og:site_name and the JSON-LD publisher')
      .optional(),
    column: z
      .strictObject(
        { name: text('the column name'), blurb: text('the column blurb').optional() },
        { error: 'a mapping with `name` and `blurb`' },
      )
      .optional(),
    intro: markdown().optional(),
    order: z
      .array(text('an expert id (a file name without `.md`)'), { error: 'a list of expert ids' })
      .describe('Expert ids in print order; default file-name order')
      .optional(),
    closing: text('the closing note').optional(),
    cta: markdown().optional(),
    condense: z
      .strictObject({ maxWords: wordBudget().describe('Word budget per answer').optional() }, { error: 'a mapping with `maxWords`' })
      .optional(),
  },
  { error: 'a mapping of fields such as `title:` and `byline:`' },
);

const locationObjectSchema = z.strictObject(
  {
    city: text('a city'),
    region: text('a state, province or region').optional(),
    country: text('a country').optional(),
  },
  { error: 'a mapping with `city`, `region` and `country`' },
);

export const expertSchema = z.strictObject(
  {
    name: text('the expert’s full name'),
    credentials: z
      .union([z.string(), z.array(text('a credential such as `LCSW`'))], {
        error: 'a list of credentials, or a comma-separated string such as `LCSW, PhD`',
      })
      .describe('Post-nominals: a list, or the printed string "LCMHC, RPT, RDT"')
      .optional(),
    role: text('a role such as `Licensed counselor`').optional(),
    location: z
      .union([text('a location such as `Austin, Texas`'), locationObjectSchema], {
        error: '`City, Region`, or a mapping with `city`, `region` and `country`',
      })
      .describe('Where the expert works: "City, Region", or {city, region, country}')
      .optional(),
    maxWords: wordBudget().describe('Word budget for this answer; wins over the roundup’s').optional(),
    honorific: text('an honorific such as `Dr.`').describe('Printed before the name unless the config drops honorifics').optional(),
    heading: text('the answer’s heading').describe('A heading printed above the answer').optional(),
    affiliation: z
      .union([text('the practice or employer'), z.strictObject({ name: text('the practice or employer'), url: httpUrl().optional() })], {
        error: 'the practice or employer, or a mapping with `name` and `url`',
      })
      .describe('Where the expert works: a name, or {name, url}')
      .optional(),
    url: httpUrl().describe('The expert’s profile page').optional(),
    pronouns: text('pronouns such as `she/her`').optional(),
    photo: image('A headshot: {src, alt, credit}').optional(),
  },
  { error: 'a mapping of fields such as `name:` and `credentials:`' },
);

export type QuestionInput = z.infer<typeof questionSchema>;
export type ExpertInput = z.infer<typeof expertSchema>;
export type LocationInput = NonNullable<ExpertInput['location']>;
