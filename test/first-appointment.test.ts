import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { build } from '../src/index.js';
import { makeRoundup, ROOT, expectGolden, tempDir } from './helpers.js';

/* The second example, written for roundup: every field the reference article does not use. */
const EXAMPLE = path.join(ROOT, 'examples/first-appointment');

describe('the first-appointment example', () => {
  test('builds all four formats and its pictures beside them, each matching its golden file', async () => {
    const out = tempDir();
    const result = await build({ paths: [EXAMPLE], cwd: ROOT, outDir: out, formats: ['html', 'json', 'text', 'md'] });
    expect(result.code).toBe(0);
    // One info: Rosa Delgado's `##` heading, moved down under her name.
    expect(result.files.flatMap((file) => file.messages.map((message) => message.ruleId))).toEqual(['heading-level']);
    const files = readdirSync(out).sort();
    expect(files.filter((name) => name.endsWith('.png'))).toHaveLength(4);
    for (const format of ['html', 'json', 'txt', 'md']) {
      expectGolden(readFileSync(path.join(out, `first-appointment.${format}`), 'utf8'), `first-appointment/article.${format}`);
    }
    // Each picture is named after its content: the bytes written are the example's own.
    const json = JSON.parse(readFileSync(path.join(out, 'first-appointment.json'), 'utf8'));
    expect(readFileSync(path.join(out, json.image.src))).toEqual(readFileSync(path.join(EXAMPLE, 'images/waiting-room.png')));
    expect(json.image).toMatchObject({ width: 480, height: 240, credit: 'Illustration made for roundup' });
  });

  test('the Markdown of both examples has date and description in its front matter and no # title in its body', () => {
    for (const name of ['first-appointment', 'therapists-cry']) {
      const [, frontMatter, body] = readFileSync(path.join(ROOT, `test/fixtures/golden/${name}/article.md`), 'utf8').split(/^---$/m);
      expect(frontMatter, name).toMatch(/^date: "\d{4}-\d{2}-\d{2}"$/m);
      expect(frontMatter, name).toMatch(/^description: \S/m);
      expect(body, name).not.toMatch(/^# /m);
    }
  });

  test('an unsigned article, one an organization signs, and one by two authors all build', async () => {
    for (const byline of ['', 'byline: {organization: The Example Review}\n', 'byline: [Ana Ruiz, Bo Chen]\n']) {
      const dir = makeRoundup({ question: `title: A question?\n${byline}` });
      const result = await build({ paths: [dir], write: false, formats: ['html', 'json', 'text', 'md'] });
      expect([byline, result.code]).toEqual([byline, 0]);
    }
  });

  test('the page validates, and its JSON-LD names the authors, publisher, dates, pictures and each expert’s employer', async () => {
    const html = readFileSync(path.join(ROOT, 'test/fixtures/golden/first-appointment/article.html'), 'utf8');
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } });
    const report = await validator.validateString(html, 'article.html');
    expect(
      report.results.flatMap((result) =>
        result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
      ),
    ).toEqual([]);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
    expect(jsonLd.author).toEqual([
      { '@type': 'Person', name: 'Priya Raman', url: 'https://example.com/authors/priya-raman' },
      { '@type': 'Person', name: 'Tom Ellery' },
    ]);
    expect(jsonLd.publisher).toEqual({ '@type': 'Organization', name: 'The Example Review', url: 'https://example.com/' });
    expect([jsonLd.datePublished, jsonLd.dateModified]).toEqual(['2026-11-02', '2026-11-20']);
    expect(jsonLd.image).toMatch(/^https:\/\/example\.com\/roundups\/first-appointment-[0-9a-f]{10}\.png$/);
    expect(jsonLd.contributor[0]).toMatchObject({
      honorificPrefix: 'Dr.',
      url: 'https://example.com/people/rosa-delgado',
      worksFor: { '@type': 'Organization', name: 'Lakeside Psychology Group', url: 'https://example.com/lakeside' },
    });
    expect(jsonLd.contributor[0].image).toMatch(/^https:\/\/example\.com\/roundups\/first-appointment-[0-9a-f]{10}\.png$/);
    expect(html).toMatch(/<meta property="og:image" content="https:\/\/example\.com\/roundups\/first-appointment-[0-9a-f]{10}\.png">/);
    expect(html).toContain('<meta property="og:site_name" content="The Example Review">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  });
});
