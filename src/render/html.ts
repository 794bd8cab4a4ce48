import type { ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Expert, Roundup } from '../model.js';
import { formatDate } from './date.js';
import type { RenderedMarkdown } from './markdown.js';
import { STYLESHEET } from './stylesheet.js';
import { isSafeUrl } from './url.js';

/**
 * A standalone HTML5 page. The page is built as a syntax tree, so every value
 * from YAML is escaped by the serializer; the only raw HTML is the sanitized
 * output of remark-html.
 */
export function renderHtml(roundup: Roundup): string {
  const head = h('head', lines([
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', roundup.title),
    h('style', `\n${STYLESHEET}`),
  ]));
  const body = h('body', lines([h('main', lines([renderArticle(roundup)]))]));
  const tree: Root = {
    type: 'root',
    children: [{ type: 'doctype' }, text('\n'), h('html', { lang: roundup.lang }, lines([head, body])), text('\n')],
  };
  return toHtml(tree, { allowDangerousHtml: true });
}

function renderArticle(roundup: Roundup) {
  const header = h('header', lines([
    h('h1', roundup.title),
    roundup.column && h('p', { className: ['column'] }, [
      h('strong', roundup.column.name),
      ...(roundup.column.blurb ? [text(` ${roundup.column.blurb}`)] : []),
    ]),
    h('p', { className: ['byline'] }, [
      text('By '),
      roundup.byline.url && isSafeUrl(roundup.byline.url)
        ? h('a', { href: roundup.byline.url, rel: ['author'] }, roundup.byline.name)
        : h('span', { className: ['author'] }, roundup.byline.name),
      ...(roundup.published ? [text(' · '), h('time', { dateTime: roundup.published }, formatDate(roundup.published))] : []),
    ]),
  ]));
  const footer = (roundup.closing || roundup.cta) && h('footer', lines([
    roundup.closing && h('p', { className: ['closing'] }, h('em', roundup.closing)),
    roundup.cta && h('div', { className: ['cta'] }, markdown(roundup.cta)),
  ]));
  return h('article', { className: ['roundup'] }, lines([
    header,
    roundup.intro && h('div', { className: ['intro'] }, markdown(roundup.intro)),
    ...roundup.experts.map(renderExpert),
    footer,
  ]));
}

function renderExpert(expert: Expert) {
  const headingId = `expert-${expert.id}-name`;
  const meta = [
    expert.role && h('span', { className: ['role'] }, expert.role),
    expert.location && h('span', { className: ['location'] }, expert.location.display),
  ].filter((node) => node !== null);
  return h('section', { className: ['expert'], id: `expert-${expert.id}`, ariaLabelledBy: headingId }, lines([
    h('h2', { id: headingId }, [expert.name, ...expert.credentials].join(', ')),
    meta.length > 0 && h('p', { className: ['expert-meta'] }, meta.flatMap((node, index) => (index === 0 ? [node] : [h('br'), node]))),
    h('div', { className: ['answer'] }, markdown(expert.answer)),
  ]));
}

/** remark-html's sanitized output, the one raw node of the page. */
const markdown = (rendered: RenderedMarkdown): ElementContent[] =>
  [text('\n'), { type: 'raw', value: rendered.html } as unknown as ElementContent, text('\n')];

const text = (value: string) => ({ type: 'text' as const, value });

/** Children one per line, so the page reads well as source too; falsy entries are skipped. */
function lines(nodes: readonly (RootContent | ElementContent | null | undefined | false | '')[]): ElementContent[] {
  return nodes.filter(Boolean).flatMap((node) => [text('\n'), node as ElementContent]).concat(text('\n'));
}
