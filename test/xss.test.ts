import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { build } from '../src/index.js';
import { tempDir } from './helpers.js';
import { dangers } from './html-safety.js';

/*
 * The OWASP filter-evasion families, and the vectors of reliability.md §2.3,
 * each placed in every field that reaches the page. The output is parsed as a
 * browser would (parse5) and searched for anything that could run: never by
 * string search on the HTML.
 */
const VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '"><script>alert(1)</script>',
  "'><script>alert(1)</script>",
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1);">',
  '<img src=`javascript:alert(1)`>',
  '<img """><script>alert(1)</script>">',
  '<svg onload=alert(1)>',
  '<svg/onload=alert(1)>',
  '<svg><g/onload=alert(2)//<p>',
  '<math><mi//xlink:href="data:x,<script>alert(4)</script>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe//src=jAva&Tab;script:alert(3)>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="//evil.example">x</a>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">go</button>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<style>body{display:none}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '[a](javascript:alert(1))',
  '[a](JaVaScRiPt:alert(1))',
  '[a](javascript&#58;alert(1))',
  '[a](<javascript:alert(1)>)',
  '<javascript:alert(1)>',
  '![x](javascript:alert(1))',
  '[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[a](https://e.com "t\\" onmouseover=\\"alert(1)")',
  '[a](https://e.com/"><script>alert(1)</script>)',
  '```js" onload="alert(1)\ncode\n```',
  '<img name="getElementById" id="__proto__" src="https://e.com/a.png">',
];

async function buildWith(vector: string) {
  const dir = path.join(tempDir(), 'xss');
  mkdirSync(path.join(dir, 'experts'), { recursive: true });
  const yaml = JSON.stringify(vector);
  writeFileSync(
    path.join(dir, 'question.yaml'),
    [
      `title: ${yaml}`,
      `question: ${yaml}`,
      `byline:\n  name: ${yaml}`,
      `column:\n  name: ${yaml}\n  blurb: ${yaml}`,
      `intro: ${yaml}`,
      `closing: ${yaml}`,
      `cta: ${yaml}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'experts', 'jane-doe.md'),
    `---\nname: ${yaml}\ncredentials: [${yaml}]\nrole: ${yaml}\nlocation:\n  city: ${yaml}\n  region: Texas\n---\nA real answer.\n\n${vector}\n\nAnd ${vector} inline.\n`,
  );
  const page = await build({ paths: [dir], cwd: dir, formats: ['html', 'json', 'text'], write: false });
  const fragment = await build({ paths: [dir], cwd: dir, formats: ['html'], fragment: true, write: false });
  return { page, fragment };
}

describe('XSS corpus', () => {
  test('has at least 40 vectors', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(40);
  });

  test.each(VECTORS)('%s: nothing executable survives in any field, page or fragment, and the JSON-LD holds', async (vector) => {
    const { page, fragment } = await buildWith(vector);
    expect(page.code).toBe(0);
    const [html, json, text] = page.roundups[0]!.outputs.map((output) => output.contents);
    const tree = fromHtml(html!);
    expect(dangers(tree, false)).toEqual([]);
    expect(dangers(fromHtml(fragment.roundups[0]!.outputs[0]!.contents, { fragment: true }), true)).toEqual([]);
    // The values are shown as text, intact: escaped, not dropped.
    expect(toString(selectAll('h1', tree)[0]!)).toBe(JSON.parse(json!).title);
    const jsonLd = JSON.parse(toString(selectAll('script[type="application/ld+json"]', tree)[0]!));
    expect(jsonLd.headline).toBe(JSON.parse(json!).title);
    expect(jsonLd.contributor[0].name).toBe(JSON.parse(json!).experts[0].name);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

test('the checker itself sees each kind of danger (so the corpus can fail)', () => {
  const page = (body: string) =>
    fromHtml(`<!DOCTYPE html><html><head><script type="application/ld+json">{}</script></head><body>${body}</body></html>`);
  expect(dangers(page(''), false)).toEqual([]);
  expect(dangers(page('<script>alert(1)</script>'), false)).toEqual(['2 scripts']);
  expect(dangers(page('<img src=x onerror=alert(1)>'), false)).toEqual(['onError on <img>']);
  expect(dangers(page('<a href=" JaVa\tscript:alert(1)">x</a>'), false)).toEqual(['href=javascript:alert(1)']);
  expect(dangers(page('<a href="//evil.example">x</a>'), false)).toEqual(['href=//evil.example']);
  expect(dangers(page('<iframe srcdoc="x"></iframe>'), false)).toEqual(['<iframe>', 'srcDoc attribute']);
  expect(dangers(page('<p style="color:red">x</p><style>p{}</style>'), false)).toEqual(['a foreign <style>', 'style attribute']);
});
