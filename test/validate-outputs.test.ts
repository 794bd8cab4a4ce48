import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { HtmlValidate } from 'html-validate';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { renderJsonSchema, SCHEMA_NAMES, schemaFile } from '../src/schema/json-schemas.js';
import { runCli, ROOT, EXAMPLE } from './helpers.js';

const golden = (name: string) => readFileSync(path.join(ROOT, 'test/fixtures/golden/therapists-cry', name), 'utf8');
const shipped = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'schema', name), 'utf8'));
const ajv = () => new Ajv2020.default({ allErrors: true, strict: false });

describe('the HTML validates', () => {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } });

  test.each(['article.html', 'fragment.html'])('%s has no errors', async (name) => {
    const report = await validator.validateString(golden(name), name);
    expect(
      report.results.flatMap((result) =>
        result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
      ),
    ).toEqual([]);
    expect(report.valid).toBe(true);
  });

  test('and carries Article and Person JSON-LD with credentials and work locations', () => {
    const html = golden('article.html');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
    expect(jsonLd['@type']).toBe('Article');
    expect(jsonLd.author).toEqual({ '@type': 'Person', name: 'Kelsey Tyler' });
    expect(jsonLd.datePublished).toBe('2020-03-04');
    expect(jsonLd.contributor).toHaveLength(6);
    const katie = jsonLd.contributor[0];
    expect(katie).toMatchObject({
      '@type': 'Person',
      name: 'Katie Lear',
      honorificSuffix: 'LCMHC, RPT, RDT',
      jobTitle: 'Licensed counselor',
    });
    expect(katie.hasCredential[1]).toEqual({
      '@type': 'EducationalOccupationalCredential',
      name: 'Registered Play Therapist',
      alternateName: 'RPT',
      credentialCategory: 'registration',
      recognizedBy: { '@type': 'Organization', name: 'Association for Play Therapy', url: 'https://www.a4pt.org/' },
    });
    // A state license is recognized by the board of the expert's state.
    expect(katie.hasCredential[0].recognizedBy).toEqual({
      '@type': 'Organization',
      name: 'North Carolina Board of Licensed Clinical Mental Health Counselors',
      url: 'https://www.ncblcmhc.org/',
    });
    expect(katie.workLocation).toEqual({
      '@type': 'PostalAddress',
      addressLocality: 'Charlotte',
      addressRegion: 'North Carolina',
      addressCountry: 'US',
    });
    // CHPC is ambiguous and no meaning was chosen: only the abbreviation is published.
    expect(jsonLd.contributor[4].hasCredential[1]).toEqual({
      '@type': 'EducationalOccupationalCredential',
      name: 'CHPC',
      credentialCategory: 'certification',
    });
    expect(html).not.toMatch(/QAPage|FAQPage/);
  });
});

describe('JSON Schemas', () => {
  test.each(SCHEMA_NAMES)('schema/%s is what the zod schemas generate (run `npm run schemas` after changing them)', (name) => {
    expect(readFileSync(path.join(ROOT, 'schema', schemaFile(name)), 'utf8')).toBe(renderJsonSchema(name));
  });

  test.each(['article.json', 'condensed.json'])('the golden %s validates against the shipped output schema', (name) => {
    const validate = ajv().compile(shipped('roundup.output.json'));
    expect(validate(JSON.parse(golden(name))), JSON.stringify(validate.errors)).toBe(true);
  });

  test('the output schema rejects what is not a roundup', () => {
    const validate = ajv().compile(shipped('roundup.output.json'));
    const json = JSON.parse(golden('article.json'));
    expect(validate({ ...json, schemaVersion: 2 })).toBe(false);
    expect(validate({ ...json, experts: [{ ...json.experts[0], extra: true }] })).toBe(false);
  });

  test('`roundup schema question` accepts the example’s question.yaml and rejects a broken one', async () => {
    const { code, stdout } = await runCli(['schema', 'question']);
    expect(code).toBe(0);
    const validate = ajv().compile(JSON.parse(stdout));
    const question = parse(readFileSync(path.join(EXAMPLE, 'question.yaml'), 'utf8'));
    expect(validate(question), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...question, locaton: 'x' })).toBe(false);
    expect(validate({ ...question, title: 42 })).toBe(false);
    const { title: _, ...untitled } = question;
    expect(validate(untitled)).toBe(false);
  });

  test('the expert schema accepts every example expert’s front matter', async () => {
    const validate = ajv().compile(JSON.parse((await runCli(['schema', 'expert'])).stdout));
    for (const id of ['katie-lear', 'nick-bognar', 'anne-rodgers-watson']) {
      const frontMatter = parse(readFileSync(path.join(EXAMPLE, 'experts', `${id}.md`), 'utf8').split('---\n')[1]!);
      expect(validate(frontMatter), id).toBe(true);
    }
    expect(validate({ name: 'X', credentials: 42 })).toBe(false);
  });
});
