import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { buildLocation } from '../../src/model/fields.js';
import type { Roundup } from '../../src/model/roundup.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/markdown/render.js';
import { expertModel, roundupModel } from './models.js';

const EVIL = '</title></style>"><script>alert(1)</script><img src=x onerror=alert(1)>';

const roundup = (overrides: Partial<Roundup> = {}): Roundup =>
  roundupModel({
    title: 'Is it normal?',
    question: 'Is it normal?',
    byline: { name: 'Kelsey Tyler', url: 'https://example.com/kelsey' },
    authors: [{ name: 'Kelsey Tyler', url: 'https://example.com/kelsey', organization: false }],
    published: '2020-03-04',
    column: { name: '1 Question, 2 Answers', blurb: 'is a column.' },
    intro: renderMarkdown('The intro.'),
    closing: 'Condensed.',
    cta: renderMarkdown('[Book](https://example.com/)'),
    stats: { experts: 2, words: 4, readingMinutes: 1 },
    experts: [
      expertModel({
        credentials: ['LCSW', 'PhD'],
        role: 'Therapist',
        location: buildLocation('Austin, Texas'),
        answer: renderMarkdown('Answer one.'),
      }),
      expertModel({ id: 'kip', name: 'Kip', answer: renderMarkdown('Answer two.') }),
    ],
    ...overrides,
  });

describe('renderHtml', () => {
  test('a standalone HTML5 document with lang, charset, viewport, title and a stylesheet', () => {
    const html = renderHtml(roundup());
    expect(
      html.startsWith(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Is it normal?</title>\n',
      ),
    ).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    const tree = fromHtml(html);
    expect(select('head > style', tree)).toBeDefined();
    expect(select('meta[name=description]', tree)?.properties.content).toBe('The intro.');
    expect(select('meta[property="og:title"]', tree)?.properties.content).toBe('Is it normal?');
  });

  test('semantic structure: article > header, one section per expert, footer', () => {
    const tree = fromHtml(renderHtml(roundup()));
    expect(toString(select('article > header > h1', tree)!)).toBe('Is it normal?');
    expect(toString(select('header > .column', tree)!)).toBe('1 Question, 2 Answers is a column.');
    expect(toString(select('header > .byline', tree)!)).toBe('By Kelsey Tyler · March 4, 2020');
    expect(select('.byline a', tree)?.properties).toMatchObject({ href: 'https://example.com/kelsey', rel: ['author'] });
    expect(selectAll('article > section.expert > h2', tree).map((node) => toString(node))).toEqual(['Jane Doe, LCSW, PhD', 'Kip']);
    expect(toString(select('#expert-jane-doe .expert-meta', tree)!)).toBe('TherapistAustin, Texas');
    expect(select('#expert-kip .expert-meta', tree)).toBeUndefined();
    expect(toString(select('#expert-kip .answer', tree)!).trim()).toBe('Answer two.');
    expect(toString(select('article > footer .closing', tree)!)).toBe('Condensed.');
    expect(select('article > footer .cta a', tree)?.properties.href).toBe('https://example.com/');
    const ids = selectAll('[id]', tree).map((node) => node.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every value from YAML is escaped', () => {
    const html = renderHtml(
      roundup({
        title: EVIL,
        // The byline is printed from the authors: both carry the hostile text.
        byline: { name: EVIL, url: null },
        authors: [{ name: EVIL, url: null, organization: false }],
        column: { name: EVIL, blurb: EVIL },
        closing: EVIL,
        experts: [
          expertModel({
            id: 'a',
            name: EVIL,
            credentials: [EVIL],
            role: EVIL,
            location: buildLocation(EVIL),
            answer: renderMarkdown('x'),
          }),
        ],
      }),
    );
    const tree = fromHtml(html);
    expect(selectAll('img, script:not([type="application/ld+json"])', tree)).toEqual([]);
    expect(toString(select('h1', tree)!)).toBe(EVIL);
    expect(toString(select('.byline .author', tree)!)).toBe(EVIL);
    expect(toString(select('title', tree)!)).toBe(EVIL);
    // `</script>` in a value cannot end the JSON-LD early: it parses whole, with the value intact.
    const jsonLd = JSON.parse(toString(select('script[type="application/ld+json"]', tree)!));
    expect(jsonLd.headline).toBe(EVIL);
    expect(jsonLd.contributor[0].name).toBe(EVIL);
  });

  test('a canonical URL and Open Graph when question.yaml has a url; --stylesheet links instead of inlining', () => {
    const tree = fromHtml(renderHtml(roundup({ url: 'https://example.com/roundups/x' }), { stylesheet: '/css/site.css' }));
    expect(select('link[rel=canonical]', tree)?.properties.href).toBe('https://example.com/roundups/x');
    expect(select('meta[property="og:url"]', tree)?.properties.content).toBe('https://example.com/roundups/x');
    expect(select('link[rel=stylesheet]', tree)?.properties.href).toBe('/css/site.css');
    expect(selectAll('style', tree)).toEqual([]);
    expect(select('link[rel=canonical]', fromHtml(renderHtml(roundup())))).toBeUndefined();
  });

  test('--fragment is the article alone, with its JSON-LD', () => {
    const html = renderHtml(roundup(), { fragment: true });
    expect(html.startsWith('<article class="roundup">')).toBe(true);
    expect(html.endsWith('</article>\n')).toBe(true);
    const tree = fromHtml(html, { fragment: true });
    expect(selectAll('html, head, style', tree)).toEqual([]);
    expect(JSON.parse(toString(select('article > script[type="application/ld+json"]', tree)!)).headline).toBe('Is it normal?');
  });

  test('a byline URL that is not http(s) is not linked', () => {
    const tree = fromHtml(
      renderHtml(
        roundup({
          byline: { name: 'K', url: 'javascript:alert(1)' },
          authors: [{ name: 'K', url: 'javascript:alert(1)', organization: false }],
        }),
      ),
    );
    expect(select('.byline a', tree)).toBeUndefined();
  });

  test('an expert’s honorific, pronouns, profile link, affiliation and answer heading, on the page and in JSON-LD', () => {
    const base = roundup();
    const expert = {
      ...base.experts[0]!,
      honorific: 'Dr.',
      pronouns: 'she/her',
      url: 'https://example.com/jane',
      affiliation: { name: 'Hill Country Counseling', url: 'https://example.com/clinic' },
      heading: 'Beware unknown searches',
    };
    const page = renderHtml({ ...base, experts: [expert, base.experts[1]!] });
    const tree = fromHtml(page);
    expect(toString(select('#expert-jane-doe h2', tree)!)).toBe('Dr. Jane Doe (she/her), LCSW, PhD');
    expect(select('#expert-jane-doe h2 a[href="https://example.com/jane"]', tree)).toBeDefined();
    expect(toString(select('#expert-jane-doe .affiliation', tree)!)).toBe('Hill Country Counseling');
    expect(toString(select('#expert-jane-doe h3.answer-heading', tree)!)).toBe('Beware unknown searches');
    const jsonLd = JSON.parse(toString(select('script[type="application/ld+json"]', tree)!));
    expect(jsonLd.contributor[0]).toMatchObject({
      honorificPrefix: 'Dr.',
      url: 'https://example.com/jane',
      worksFor: { '@type': 'Organization', name: 'Hill Country Counseling', url: 'https://example.com/clinic' },
    });
  });

  test('no byline, an organization, or several authors; a dek; the question when it is not the title', () => {
    const unsigned = fromHtml(renderHtml(roundup({ byline: null, authors: [] })));
    expect(toString(select('.byline', unsigned)!)).toBe('March 4, 2020');
    const two = fromHtml(
      renderHtml(
        roundup({
          authors: [
            { name: 'Ana Ruiz', url: null, organization: false },
            { name: 'Bo Chen', url: 'https://example.com/bo', organization: false },
          ],
          dek: 'Five clinicians on what they wish patients knew.',
          question: 'Is this a step in the right direction?',
        }),
      ),
    );
    expect(toString(select('.byline', two)!)).toBe('By Ana Ruiz and Bo Chen · March 4, 2020');
    expect(select('.byline a[href="https://example.com/bo"]', two)).toBeDefined();
    expect(toString(select('header .dek', two)!)).toBe('Five clinicians on what they wish patients knew.');
    expect(toString(select('.question', two)!)).toBe('The question: Is this a step in the right direction?');
    const organization = renderHtml(roundup({ authors: [{ name: 'The Paper Gown', url: null, organization: true }] }));
    expect(organization).toContain('"author": {\n    "@type": "Organization",\n    "name": "The Paper Gown"');
  });
});
