import type { PhrasingContent, Root, RootContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify } from 'yaml';
import { absolutePicture, type Picture } from '../model/pictures.js';
import { printedName, printsQuestion, type Roundup } from '../model/roundup.js';
import { describe } from './describe.js';
import { isSafeUrl } from '../markdown/url.js';

const serializer = unified().use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-' }).freeze();

/**
 * A clean Markdown article for CMSs that take Markdown: YAML front matter with
 * the metadata, then the article. The article is built as a Markdown syntax
 * tree, so values from YAML are escaped (a name with `*` stays text) and the
 * answers are re-serialized from their parsed trees.
 */
/** A picture as a Markdown image, its credit in italics below. */
function figure(picture: Picture): RootContent[] {
  return [
    { type: 'paragraph', children: [{ type: 'image', url: picture.src, alt: picture.alt }] },
    ...(picture.credit
      ? [{ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: picture.credit }] }] } as RootContent]
      : []),
  ];
}

/** One author as a name (or {name, url}), several as a list. */
function authorsData(roundup: Roundup) {
  const authors = roundup.authors.map((author) => (author.url ? { name: author.name, url: author.url } : author.name));
  return authors.length === 1 ? authors[0] : authors;
}

export function renderMarkdownArticle(roundup: Roundup): string {
  const frontMatter = stringify(
    {
      title: roundup.title,
      description: describe(roundup),
      // `date` and `lastmod` are what Hugo, Astro and Eleventy read; Jekyll reads `date` too (`published` is its show/hide flag).
      ...(roundup.published ? { date: roundup.published } : {}),
      ...(roundup.updated ? { lastmod: roundup.updated } : {}),
      ...(roundup.authors.length > 0 ? { author: authorsData(roundup) } : {}),
      slug: roundup.slug,
      lang: roundup.lang,
      ...(roundup.url ? { url: roundup.url } : {}),
      ...(roundup.dek ? { dek: roundup.dek } : {}),
      ...(roundup.image ? { image: absolutePicture(roundup.image, roundup.url) ?? roundup.image.src, imageAlt: roundup.image.alt } : {}),
      question: roundup.question,
      ...(roundup.site ? { site: roundup.site.url ? roundup.site : { name: roundup.site.name } } : {}),
      ...(roundup.column ? { column: roundup.column.blurb ? roundup.column : { name: roundup.column.name } } : {}),
      experts: roundup.experts.map((expert) => ({
        ...(expert.honorific ? { honorific: expert.honorific } : {}),
        name: expert.name,
        ...(expert.pronouns ? { pronouns: expert.pronouns } : {}),
        ...(expert.credentials.length > 0 ? { credentials: expert.credentials } : {}),
        ...(expert.role ? { role: expert.role } : {}),
        ...(expert.affiliation ? { affiliation: expert.affiliation.url ? expert.affiliation : expert.affiliation.name } : {}),
        ...(expert.location ? { location: expert.location.display } : {}),
        ...(expert.url ? { url: expert.url } : {}),
      })),
      words: roundup.stats.words,
      readingMinutes: roundup.stats.readingMinutes,
    },
    // Written for YAML 1.1 readers too (gray-matter, many CMSs): `2020-03-04` or `NO` come out quoted.
    { lineWidth: 0, version: '1.1' },
  );
  const text = (value: string): PhrasingContent => ({ type: 'text', value });
  const paragraph = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
  // The site's layout prints the title from the front matter: the body starts after it, with no second `h1`.
  const children: RootContent[] = [];
  if (printsQuestion(roundup))
    children.push(paragraph({ type: 'strong', children: [text('The question:')] }, text(` ${roundup.question}`)));
  if (roundup.column) {
    children.push(
      paragraph(
        { type: 'strong', children: [text(roundup.column.name)] },
        ...(roundup.column.blurb ? [text(` ${roundup.column.blurb}`)] : []),
      ),
    );
  }
  if (roundup.intro) children.push(...clean(roundup.intro.tree));
  for (const expert of roundup.experts) {
    const name = text(printedName(expert));
    const credentials = expert.credentials.map((credential) => `, ${credential}`).join('');
    children.push({
      type: 'heading',
      depth: 2,
      children: [
        expert.url && isSafeUrl(expert.url) ? { type: 'link', url: expert.url, children: [name] } : name,
        ...(credentials ? [text(credentials)] : []),
      ],
    });
    const meta = [expert.role, expert.affiliation?.name, expert.location?.display].filter((line): line is string => Boolean(line));
    if (meta.length > 0) {
      children.push(
        paragraph(
          ...meta.flatMap((line, index): PhrasingContent[] => [
            ...(index > 0 ? [{ type: 'break' } as const] : []),
            { type: 'emphasis', children: [text(line)] },
          ]),
        ),
      );
    }
    if (expert.photo) children.push(...figure(expert.photo));
    if (expert.heading) children.push({ type: 'heading', depth: 3, children: [text(expert.heading)] });
    children.push(...clean(expert.answer.tree));
  }
  if (roundup.closing || roundup.cta) children.push({ type: 'thematicBreak' });
  if (roundup.closing) children.push(paragraph({ type: 'emphasis', children: [text(roundup.closing)] }));
  if (roundup.cta) children.push(...clean(roundup.cta.tree));
  const article = serializer.stringify({ type: 'root', children } as Root);
  return `---\n${frontMatter}---\n\n${article}`;
}

type Node = Root | RootContent;

/**
 * A copy of a tree with what the HTML sanitizer would drop dropped here too:
 * raw HTML, and links or images whose URL is not http(s), mailto or relative.
 */
function clean(tree: Root): RootContent[] {
  const copy = (node: Node): Node[] => {
    if (node.type === 'html') return [];
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeUrl(node.url)) {
      return node.type === 'link' ? node.children.flatMap(copy) : node.type === 'image' ? [{ type: 'text', value: node.alt ?? '' }] : [];
    }
    return ['children' in node ? { ...node, children: node.children.flatMap(copy) } : { ...node }] as Node[];
  };
  return tree.children.flatMap(copy) as RootContent[];
}
