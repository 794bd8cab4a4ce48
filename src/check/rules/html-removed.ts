import { defaultSchema } from 'hast-util-sanitize';
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Span } from '../../util/diagnostics.js';
import type { Finding, Rule } from '../rule.js';

/** The protocols the sanitizer keeps (GitHub's schema, which remark-html applies). */
const PROTOCOLS = { href: defaultSchema.protocols?.href ?? [], src: defaultSchema.protocols?.src ?? [] };

/** Mirrors hast-util-sanitize: a URL with a scheme before any `/`, `?` or `#` must use an allowed protocol. */
function droppedUrl(url: string, kind: 'href' | 'src'): string | undefined {
  const colon = url.indexOf(':');
  const cut = Math.min(...['/', '?', '#'].map((character) => url.indexOf(character)).filter((index) => index >= 0), Infinity);
  if (colon < 0 || colon > cut) return undefined;
  const protocol = url.slice(0, colon).toLowerCase();
  return PROTOCOLS[kind].includes(protocol) ? undefined : protocol;
}

type Report = (finding: Omit<Finding, 'file'>) => void;

/** Everything in a Markdown tree that the sanitizer will drop silently. */
function checkTree(tree: Root, place: (node: Nodes) => Span, report: Report) {
  const visit = (node: Nodes) => {
    // A closing tag goes with the opening one, which is reported.
    if (node.type === 'html' && !node.value.trimStart().startsWith('</')) {
      const tag = /^<[a-z][\w-]*/i.exec(node.value.trim())?.[0];
      report({
        span: place(node),
        reason: `Unexpected raw HTML ${tag ? `\`${tag}>\`` : 'comment or declaration'}, expected Markdown: raw HTML is removed from the page`,
        note: 'Write it in Markdown (emphasis, links, lists), or remove it.',
      });
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const protocol = droppedUrl(node.url, node.type === 'image' ? 'src' : 'href');
      if (protocol !== undefined) {
        report({
          span: place(node),
          reason: `Unexpected \`${protocol}:\` URL in ${node.type === 'image' ? 'an image' : 'a link'}, expected ${node.type === 'image' ? 'http or https' : 'http, https or mailto'}: the URL is removed from the page`,
          note: node.type === 'image' ? 'Host the image and link it with https.' : 'Link to an https page instead.',
          actual: node.url.slice(0, 80),
        });
      }
    }
    if ('children' in node) node.children.forEach((child) => visit(child as Nodes));
  };
  visit(tree);
}

const at =
  (base: number) =>
  (node: Nodes): Span => ({
    start: base + (node.position?.start.offset ?? 0),
    end: base + (node.position?.end.offset ?? 0),
  });

export const htmlRemoved: Rule = {
  id: 'html-removed',
  severity: 'warning',
  description: 'Raw HTML or a URL in Markdown that the sanitizer removes from the page, which it would otherwise do silently.',
  check({ experts, roundup, question }, report) {
    const on =
      (file: VFile): Report =>
      (finding) =>
        report({ file, ...finding });
    for (const expert of experts) checkTree(expert.model.answer.tree, at(expert.bodyOffset), on(expert.file));
    // Markdown in YAML block scalars loses its indentation: point at the field.
    for (const field of ['intro', 'cta'] as const) {
      const tree = roundup[field]?.tree;
      const span = question.places.value([field]);
      if (tree) checkTree(tree, () => span, on(question.file));
    }
  },
};
