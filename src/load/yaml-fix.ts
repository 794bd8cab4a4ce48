import { isDeepStrictEqual } from 'node:util';
import { isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { Edit, Span } from '../util/diagnostics.js';
import { YAML_OPTIONS, type KeyPath, type PlaceIndex } from './yaml.js';

/** What a rule wants changed in a YAML document, in the terms it knows: values and where they are written. */
export type Change =
  /** Replace `span` (file offsets: the whole scalar at `path`, or characters inside it) with `text`, as it should read. */
  | { path: KeyPath; span: Span; text: string }
  /** Remove the list item at `path`, with its separator or its line. */
  | { path: KeyPath; remove: true };

/** A replacement inside the YAML text (offsets from its start). */
interface Splice {
  start: number;
  end: number;
  text: string;
}

type QuoteStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE';

/**
 * Turn a rule's changes into one edit of the file, written so the value reads
 * as intended in the scalar's own style: `'` doubled in a single-quoted
 * scalar, `"` and `\` escaped in a double-quoted one, a plain scalar quoted
 * when the fix would otherwise change its meaning. Everything else (comments,
 * quoting, layout) stays as written. The edited YAML is parsed again and must
 * read exactly as the old one with the changes made; if it does not, a value
 * spans several lines, or values would move past a comment (reordering a
 * block list whose items have comments), there is no edit: the finding keeps
 * its fix text.
 */
export function yamlEdit(places: PlaceIndex, changes: readonly Change[]): Edit | undefined {
  const source = places.source;
  if (!source || changes.length === 0) return undefined;
  const doc = parseDocument(source.text, YAML_OPTIONS);
  if (doc.errors.length > 0) return undefined;
  const plan = planSplices(doc, source, changes, false) ?? planSplices(doc, source, changes, true);
  if (!plan) return undefined;
  // The smallest range that differs, so a fix touches only the characters it changes.
  const before = source.text;
  const after = plan;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before.at(-1 - end) === after.at(-1 - end)) end++;
  if (start === before.length && start === after.length) return undefined;
  // Text moved across lines would leave a comment beside another value than the one it was written for.
  const replaced = before.slice(start, before.length - end);
  if (replaced.includes('\n') && replaced.includes('#') && changes.some((change) => !('remove' in change))) return undefined;
  return { range: [source.offset + start, source.offset + before.length - end], text: after.slice(start, after.length - end) };
}

/** The fixed YAML text, verified; `quotePlain`: write changed plain scalars double-quoted (the fallback). */
function planSplices(doc: Document, source: { text: string; offset: number }, changes: readonly Change[], quotePlain: boolean) {
  const expected = doc.clone();
  const splices: Splice[] = [];
  for (const change of changes) {
    const splice = 'remove' in change ? removal(doc, source.text, change.path) : replacement(doc, source, change, quotePlain);
    if (!splice) return undefined;
    splices.push(splice);
    if ('remove' in change) expected.deleteIn(change.path);
    else expected.setIn(change.path, splice.value);
  }
  splices.sort((a, b) => a.start - b.start);
  if (splices.some((splice, index) => index > 0 && splice.start < splices[index - 1]!.end)) return undefined;
  let text = source.text;
  for (const splice of [...splices].reverse()) text = text.slice(0, splice.start) + splice.text + text.slice(splice.end);
  const fixed = parseDocument(text, YAML_OPTIONS);
  if (fixed.errors.length > 0 || fixed.warnings.length > 0) return undefined;
  return isDeepStrictEqual(fixed.toJS(), expected.toJS()) ? text : undefined;
}

function replacement(
  doc: Document,
  source: { text: string; offset: number },
  change: { path: KeyPath; span: Span; text: string },
  quotePlain: boolean,
): (Splice & { value: string }) | undefined {
  const node = doc.getIn(change.path, true);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const style = node.type;
  if (style !== 'PLAIN' && style !== 'QUOTE_SINGLE' && style !== 'QUOTE_DOUBLE') return undefined;
  const [start, end] = node.range;
  const raw = source.text.slice(start, end);
  // A scalar over several lines is folded when read: offsets inside it do not map to its value.
  if (raw.includes('\n')) return undefined;
  const from = change.span.start - source.offset - start;
  const to = change.span.end - source.offset - start;
  const quote = style === 'PLAIN' ? 0 : 1;
  let value: string;
  let written: string;
  if (from === 0 && to === raw.length) {
    value = change.text;
    written = wrap(style, encode(style, change.text));
  } else {
    if (from < quote || to > raw.length - quote || from > to) return undefined;
    const prefix = decode(style, raw.slice(quote, from));
    const suffix = decode(style, raw.slice(to, raw.length - quote));
    if (prefix === undefined || suffix === undefined) return undefined;
    value = prefix + change.text + suffix;
    written = raw.slice(0, from) + encode(style, change.text) + raw.slice(to);
  }
  if (quotePlain && style === 'PLAIN') written = JSON.stringify(value);
  return { start, end, text: written, value };
}

/** The item's text and its separator in a flow list (`, PhD`), or its whole line in a block list. */
function removal(doc: Document, text: string, path: KeyPath): (Splice & { value?: undefined }) | undefined {
  const list = doc.getIn(path.slice(0, -1), true);
  const index = path.at(-1);
  if (!isSeq(list) || typeof index !== 'number') return undefined;
  const item = list.items[index] as { range?: [number, number, number] } | undefined;
  const neighbour = list.items[index === 0 ? 1 : index - 1] as { range?: [number, number, number] } | undefined;
  if (!item?.range || !neighbour?.range) return undefined;
  if (list.flow) {
    return index === 0
      ? { start: item.range[0], end: neighbour.range[0], text: '' }
      : { start: neighbour.range[1], end: item.range[1], text: '' };
  }
  const lineStart = text.lastIndexOf('\n', item.range[0] - 1) + 1;
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, item.range[0]))) return undefined;
  const lineEnd = text.indexOf('\n', item.range[1]);
  return { start: lineStart, end: lineEnd === -1 ? text.length : lineEnd + 1, text: '' };
}

/** How `text` is written inside a scalar of `style` (quotes not included). */
function encode(style: QuoteStyle, text: string): string {
  if (style === 'QUOTE_SINGLE') return text.replaceAll("'", "''");
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(text).slice(1, -1);
  return text;
}

const wrap = (style: QuoteStyle, inner: string) =>
  style === 'QUOTE_SINGLE' ? `'${inner}'` : style === 'QUOTE_DOUBLE' ? `"${inner}"` : inner;

/** What a piece of a scalar's text reads as; undefined when it cuts an escape in two. */
function decode(style: QuoteStyle, piece: string): string | undefined {
  if (style === 'PLAIN') return piece;
  const parsed = parseDocument(wrap(style, piece), YAML_OPTIONS);
  const value: unknown = parsed.errors.length === 0 ? parsed.toJS() : undefined;
  return typeof value === 'string' ? value : undefined;
}
