import type { Heading, Nodes, Root } from 'mdast';
import type { Rule } from '../rule.js';

function firstHeading(node: Nodes): Heading | undefined {
  if (node.type === 'heading') return node;
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const found = firstHeading(child);
    if (found) return found;
  }
  return undefined;
}

export const headingLevel: Rule = {
  id: 'heading-level',
  severity: 'info',
  description:
    'Headings in an answer (or the intro) that were moved down so the page outline stays title → expert → answer headings: `#` or `##` in an answer becomes an `h3`.',
  check({ experts, roundup, question }, report) {
    const describe = (shift: number, top: number) =>
      `Unexpected heading level in Markdown under a level-${top - 1} heading, expected level ${top} or lower: its headings were moved down ${shift} level${shift === 1 ? '' : 's'}`;
    for (const expert of experts) {
      const { headingShift, tree } = expert.model.answer;
      if (headingShift === 0) continue;
      const start = firstHeading(tree as Root)?.position?.start.offset ?? 0;
      report({
        file: expert.file,
        span: { start: expert.bodyOffset + start, end: expert.bodyOffset + start },
        reason: describe(headingShift, 3),
        note: 'Write answer headings as `###` to say what the page shows, or leave them: they are moved down either way.',
      });
    }
    if (roundup.intro && roundup.intro.headingShift > 0) {
      report({
        file: question.file,
        span: question.places.value(['intro']),
        reason: describe(roundup.intro.headingShift, 2),
        note: 'Write intro headings as `##`.',
      });
    }
  },
};
