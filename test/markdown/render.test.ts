import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countWords, renderMarkdown } from '../../src/markdown/render.js';

/** Parse the HTML as a browser would and list anything that could run script. */
function dangers(html: string): string[] {
  const tree = fromHtml(html, { fragment: true });
  const found: string[] = [];
  for (const element of selectAll('*', tree)) {
    if (['script', 'iframe', 'object', 'embed', 'style', 'svg', 'math', 'form', 'base', 'meta'].includes(element.tagName))
      found.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`${name} handler`);
      if (
        ['href', 'src', 'action', 'formAction', 'srcSet', 'xLinkHref'].includes(name) &&
        /^\s*(javascript|data|vbscript|file):/i.test(String(value).replace(/[\u0000-\u0020]/g, ''))
      ) {
        found.push(`${name}=${String(value)}`);
      }
    }
  }
  return found;
}

describe('renderMarkdown', () => {
  test('renders Markdown to HTML, text and a word count from one tree', () => {
    const rendered = renderMarkdown('A *very* good [answer](https://example.com/a).\n\n- one\n- two\n');
    expect(rendered.html).toBe(
      '<p>A <em>very</em> good <a href="https://example.com/a">answer</a>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
    expect(rendered.text).toBe('A very good answer (https://example.com/a).\n\n- one\n- two');
    expect(rendered.words).toBe(6);
  });

  test.each([
    ['<script>alert(1)</script>', ''],
    ['x <img src=x onerror=alert(1)> y', '<p>x  y</p>'],
    ['[a](javascript:alert(1))', '<p><a>a</a></p>'],
    ['[a](JaVaScRiPt:alert(1))', '<p><a>a</a></p>'],
    ['[a](javascript&#58;alert(1))', '<p><a>a</a></p>'],
    ['[a](&#106;avascript:alert(1))', '<p><a>a</a></p>'],
    ['[a](<javascript:alert(1)>)', '<p><a>a</a></p>'],
    ['[a]\n\n[a]: javascript:alert(1)', '<p><a>a</a></p>'],
    ['[a](data:text/html;base64,PHNjcmlwdD4=)', '<p><a>a</a></p>'],
    ['[a](vbscript:msgbox(1))', '<p><a>a</a></p>'],
    ['![x](javascript:alert(1))', '<p><img alt="x"></p>'],
    ['<a href="javascript:alert(1)">x</a>', '<p>x</p>'],
    ['<iframe src="https://evil.example"></iframe>', ''],
    ['<svg onload=alert(1)><circle r=1 /></svg>', '<p></p>'],
  ])('sanitizes %j', (markdown, html) => {
    const rendered = renderMarkdown(markdown);
    expect(rendered.html).toBe(html);
    expect(dangers(rendered.html)).toEqual([]);
  });

  test('the text drops raw HTML and unsafe URLs and keeps no Markdown syntax', () => {
    expect(renderMarkdown('**Bold** <b>raw</b> [link](javascript:x) `code`').text).toBe('Bold raw link code');
  });

  test('property: whatever the Markdown, the HTML never carries script', () => {
    const piece = fc.constantFrom(
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      '[a](',
      'javascript:',
      'JaVa&#x09;script:',
      ')',
      '](',
      '<',
      '>',
      '"',
      "'",
      ' onload=',
      '*',
      '_',
      '`',
      '\n',
      '\n\n',
      '> ',
      '- ',
      'data:text/html,',
      '<svg/onload=alert(1)>',
      'text',
      '&#58;',
      '<a href="',
      '![x](',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        expect(dangers(renderMarkdown(pieces.join('')).html)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('countWords', () => {
  test.each([
    ['It’s a therapist-client relationship — and that’s it.', 7],
    ['St. Louis, Missouri', 3],
    ['', 0],
    ['2013 study', 2],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});
