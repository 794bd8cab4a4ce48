import type { ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { absolutePicture, type Picture } from '../model/pictures.js';
import { type Expert, printedName, printsQuestion, type Roundup } from '../model/roundup.js';
import { formatDate } from './date.js';
import { describe } from './describe.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import { STYLESHEET } from './stylesheet.js';
import { buildJsonLd, scriptSafeJson } from './json-ld.js';
import { isSafeUrl } from '../markdown/url.js';

export interface HtmlOptions {
  /** The `<article>` alone, for embedding in a CMS page. Default false. */
  fragment?: boolean;
  /** Link this stylesheet instead of inlining the built-in one. */
  stylesheet?: string;
}

/**
 * A standalone HTML5 page, or its `<article>` alone. The page is built as a
 * syntax tree, so every value from YAML is escaped by the serializer; the
 * only raw HTML is the sanitized output of remark-html and the JSON-LD, whose
 * `<` are escaped.
 */
export function renderHtml(roundup: Roundup, options: HtmlOptions = {}): string {
  const description = describe(roundup);
  const jsonLd = h('script', { type: 'application/ld+json' }, [raw(`\n${scriptSafeJson(buildJsonLd(roundup, description))}\n`)]);
  if (options.fragment) return `${toHtml(renderArticle(roundup, jsonLd), { allowDangerousHtml: true })}\n`;
  const head = h(
    'head',
    lines([
      h('meta', { charSet: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', roundup.title),
      h('meta', { name: 'description', content: description }),
      roundup.url && h('link', { rel: ['canonical'], href: roundup.url }),
      h('meta', { property: 'og:type', content: 'article' }),
      roundup.site && h('meta', { property: 'og:site_name', content: roundup.site.name }),
      h('meta', { property: 'og:title', content: roundup.title }),
      h('meta', { property: 'og:description', content: description }),
      roundup.url && h('meta', { property: 'og:url', content: roundup.url }),
      ...pictureMeta(roundup),
      roundup.published && h('meta', { property: 'article:published_time', content: roundup.published }),
      roundup.updated && h('meta', { property: 'article:modified_time', content: roundup.updated }),
      options.stylesheet ? h('link', { rel: ['stylesheet'], href: options.stylesheet }) : h('style', `\n${STYLESHEET}`),
      jsonLd,
    ]),
  );
  const body = h('body', lines([h('main', lines([renderArticle(roundup)]))]));
  const tree: Root = {
    type: 'root',
    children: [{ type: 'doctype' }, text('\n'), h('html', { lang: roundup.lang }, lines([head, body])), text('\n')],
  };
  return toHtml(tree, { allowDangerousHtml: true, upperDoctype: true });
}

function renderArticle(roundup: Roundup, jsonLd?: ElementContent) {
  const header = h(
    'header',
    lines([
      h('h1', roundup.title),
      roundup.dek && h('p', { className: ['dek'] }, roundup.dek),
      roundup.column &&
        h('p', { className: ['column'] }, [
          h('strong', roundup.column.name),
          ...(roundup.column.blurb ? [text(` ${roundup.column.blurb}`)] : []),
        ]),
      (roundup.authors.length > 0 || roundup.published) &&
        h('p', { className: ['byline'] }, [
          ...(roundup.authors.length > 0 ? [text('By '), ...authorList(roundup)] : []),
          ...(roundup.authors.length > 0 && roundup.published ? [text(' · ')] : []),
          ...(roundup.published ? [h('time', { dateTime: roundup.published }, formatDate(roundup.published))] : []),
        ]),
    ]),
  );
  const question = printsQuestion(roundup) && h('p', { className: ['question'] }, [h('strong', 'The question: '), text(roundup.question)]);
  const footer =
    (roundup.closing || roundup.cta) &&
    h(
      'footer',
      lines([
        roundup.closing && h('p', { className: ['closing'] }, h('em', roundup.closing)),
        roundup.cta && h('div', { className: ['cta'] }, markdown(roundup.cta)),
      ]),
    );
  return h(
    'article',
    { className: ['roundup'] },
    lines([
      header,
      roundup.image && figure(roundup.image, 'image'),
      question,
      roundup.intro && h('div', { className: ['intro'] }, markdown(roundup.intro)),
      ...roundup.experts.map(renderExpert),
      footer,
      jsonLd,
    ]),
  );
}

/** A picture with its size (so the page does not shift as it loads) and its credit as the caption. */
function figure(picture: Picture, className: string) {
  return h('figure', { className: [className] }, [
    h('img', { src: picture.src, alt: picture.alt, width: picture.width, height: picture.height, loading: 'lazy', decoding: 'async' }),
    ...(picture.credit ? [h('figcaption', picture.credit)] : []),
  ]);
}

/** og:image and a large Twitter card: only with an absolute address (the picture's https URL, or the page's `url`). */
function pictureMeta(roundup: Roundup) {
  const address = roundup.image && absolutePicture(roundup.image, roundup.url);
  if (!address || !roundup.image) return [];
  return [
    h('meta', { property: 'og:image', content: address }),
    h('meta', { property: 'og:image:alt', content: roundup.image.alt }),
    h('meta', { name: 'twitter:card', content: 'summary_large_image' }),
  ];
}

/** "A", "A and B", "A, B and C", each linked to its page when it has one. */
function authorList(roundup: Roundup): ElementContent[] {
  return roundup.authors.flatMap((author, index) => [
    ...(index === 0 ? [] : [text(index === roundup.authors.length - 1 ? ' and ' : ', ')]),
    author.url && isSafeUrl(author.url)
      ? h('a', { href: author.url, rel: ['author'] }, author.name)
      : h('span', { className: ['author'] }, author.name),
  ]);
}

function renderExpert(expert: Expert) {
  const headingId = `expert-${expert.id}-name`;
  const { affiliation } = expert;
  const meta = [
    expert.role && h('span', { className: ['role'] }, expert.role),
    affiliation &&
      (affiliation.url && isSafeUrl(affiliation.url)
        ? h('a', { className: ['affiliation'], href: affiliation.url }, affiliation.name)
        : h('span', { className: ['affiliation'] }, affiliation.name)),
    expert.location && h('span', { className: ['location'] }, expert.location.display),
  ].filter((node) => node !== null);
  const name = printedName(expert);
  const credentials = expert.credentials.map((credential) => `, ${credential}`).join('');
  const heading =
    expert.url && isSafeUrl(expert.url)
      ? [h('a', { href: expert.url }, name), ...(credentials ? [text(credentials)] : [])]
      : name + credentials;
  return h(
    'section',
    { className: ['expert'], id: `expert-${expert.id}`, ariaLabelledBy: headingId },
    lines([
      h('h2', { id: headingId }, heading),
      meta.length > 0 &&
        h(
          'p',
          { className: ['expert-meta'] },
          meta.flatMap((node, index) => (index === 0 ? [node] : [h('br'), node])),
        ),
      expert.photo && figure(expert.photo, 'photo'),
      expert.heading && h('h3', { className: ['answer-heading'] }, expert.heading),
      h('div', { className: ['answer'] }, markdown(expert.answer)),
    ]),
  );
}

/** Raw HTML passes the serializer untouched: only ever sanitized output or escaped JSON. */
const raw = (value: string) => ({ type: 'raw', value }) as unknown as ElementContent;

/** remark-html's sanitized output. */
const markdown = (rendered: RenderedMarkdown): ElementContent[] => [text('\n'), raw(rendered.html), text('\n')];

const text = (value: string) => ({ type: 'text' as const, value });

/** Children one per line, so the page reads well as source too; falsy entries are skipped. */
function lines(nodes: readonly (RootContent | ElementContent | null | undefined | false | '')[]): ElementContent[] {
  return nodes
    .filter(Boolean)
    .flatMap((node) => [text('\n'), node as ElementContent])
    .concat(text('\n'));
}
