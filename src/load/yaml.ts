import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import type { VFile } from 'vfile';
import { addDiagnostic, type Span } from '../util/diagnostics.js';

/** A path into parsed YAML, as zod reports it: keys and list indexes. */
export type KeyPath = readonly PropertyKey[];

interface NodePlace {
  key?: Span;
  value: Span;
}

/** Where every key and value of a YAML document sits in its file. */
export class PlaceIndex {
  readonly #places = new Map<string, NodePlace>();

  /** `source`: the YAML text and where it starts in its file, for fixes that edit it (`yaml-fix.ts`). */
  constructor(
    readonly root: Span,
    readonly source?: { text: string; offset: number },
  ) {}

  set(path: KeyPath, place: NodePlace) {
    this.#places.set(keyOf(path), place);
  }

  /** The value at `path`, or the nearest enclosing value that exists (a missing field points at its parent). */
  value(path: KeyPath): Span {
    for (let depth = path.length; depth > 0; depth--) {
      const place = this.#places.get(keyOf(path.slice(0, depth)));
      if (place) return place.value;
    }
    return this.root;
  }

  /** The value at `path`, only if it is there. */
  exact(path: KeyPath): Span | undefined {
    return this.#places.get(keyOf(path))?.value;
  }

  /** The key at `path` (for unknown keys), falling back to its value. */
  key(path: KeyPath): Span {
    return this.#places.get(keyOf(path))?.key ?? this.value(path);
  }
}

const keyOf = (path: KeyPath) => path.map(String).join('\u0000');

export interface ParsedYaml {
  /** Undefined when the YAML is broken; the reasons are messages on the file. */
  data: unknown;
  places: PlaceIndex;
}

/**
 * Parse YAML 1.2 (core schema) strictly: `2020-03-04` and `NO` stay strings,
 * duplicate keys and aliases are errors, and nothing is executed. `offset` is
 * where `text` starts in `file`, so every position is the file's own; `root`
 * is where problems with the whole document point.
 */
export function parseYaml(file: VFile, text: string, offset: number, root?: Span): ParsedYaml {
  // Front matter starts with the newline after `---`: point whole-document problems at the first field's line.
  root ??= { start: offset + (text.startsWith('\n') ? 1 : 0), end: offset + text.length };
  const places = new PlaceIndex(root, { text, offset });
  const at = (range: readonly number[] | null | undefined): Span =>
    range ? { start: offset + (range[0] ?? 0), end: offset + (range[1] ?? range[0] ?? 0) } : root;
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) {
    addDiagnostic(file, {
      ruleId: 'yaml-too-deep',
      severity: 'error',
      span: { start: offset + tooDeep, end: offset + tooDeep + 1 },
      reason: `Unexpected nesting deeper than ${MAX_DEPTH} levels, expected a flat list of fields`,
      note: 'roundup fields nest at most two levels deep; remove the extra brackets or indentation.',
    });
    return { data: undefined, places };
  }
  let doc;
  try {
    doc = parseDocument(text, YAML_OPTIONS);
  } catch (error) {
    // Deeply nested flow collections exhaust the parser's stack.
    addDiagnostic(file, {
      ruleId: 'yaml-syntax',
      severity: 'error',
      span: root,
      reason: `Cannot parse YAML: ${(error as Error).message}`,
      note: 'Simplify the structure; roundup fields nest at most two levels deep.',
    });
    return { data: undefined, places };
  }
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    addDiagnostic(file, {
      ruleId: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
      severity: 'error',
      span: at(error.pos),
      reason: duplicate ? 'Unexpected duplicate key, expected each key once' : `Unexpected YAML: ${lowerFirst(error.message)}`,
      note: duplicate ? 'Remove one of the two entries.' : yamlHint(error.code),
    });
  }
  for (const warning of doc.warnings) {
    addDiagnostic(file, {
      ruleId: 'yaml-tag',
      severity: 'warning',
      span: at(warning.pos),
      reason: `Unexpected YAML: ${lowerFirst(warning.message)}`,
      note: 'Remove the tag; roundup reads plain strings, lists and mappings.',
    });
  }
  let aliases = 0;
  visit(doc, {
    Alias(_, node) {
      aliases++;
      addDiagnostic(file, {
        ruleId: 'yaml-alias',
        severity: 'error',
        span: at(node.range),
        reason: `Unexpected alias \`*${node.source}\`, expected a plain value`,
        note: 'Write the value out; aliases are refused because they can expand without bound.',
      });
    },
  });
  if (doc.errors.length > 0 || aliases > 0) return { data: undefined, places };
  if (doc.contents) indexPlaces(doc.contents, [], places, at);
  return { data: doc.toJS({ maxAliasCount: 0 }) as unknown, places };
}

/** YAML 1.2, core schema, strict: how every roundup file is read (and a fixed one re-read to verify the fix). */
export const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  resolveKnownTags: false,
  uniqueKeys: true,
  strict: true,
  stringKeys: true,
  prettyErrors: false,
  logLevel: 'silent',
} as const;

/** Far deeper than any roundup field, far shallower than what exhausts a parser's stack. */
const MAX_DEPTH = 32;

/**
 * A cheap scan before parsing: deep nesting makes the YAML parser recurse
 * until the stack runs out, and near that limit V8 can die outright (a fatal
 * "RegExpCompiler Allocation failed") instead of throwing. Over-counting is
 * fine (brackets inside quotes count too); returns the offset where the
 * limit is passed.
 */
function findExcessiveNesting(text: string): number | undefined {
  let depth = 0;
  let column = 0;
  let indenting = true;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    column++;
    if (character === '\n') {
      column = 0;
      indenting = true;
      continue;
    }
    if (character === '[' || character === '{') {
      if (++depth > MAX_DEPTH) return index;
    } else if (character === ']' || character === '}') {
      depth = Math.max(0, depth - 1);
    }
    indenting &&= character === ' ' || character === '-';
    // Block nesting: a line indented (or opened with `- - -`) past any sane depth.
    if (indenting && column > MAX_DEPTH * 4) return index;
  }
  return undefined;
}

function indexPlaces(node: Node, path: PropertyKey[], places: PlaceIndex, at: (range?: readonly number[] | null) => Span) {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const childPath = [...path, String(pair.key.value)];
      const value = pair.value as Node | null;
      const keySpan = at(pair.key.range);
      places.set(childPath, { key: keySpan, value: value && !isAlias(value) ? at(value.range) : keySpan });
      if (value) indexPlaces(value, childPath, places, at);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      if (!item) return;
      const childPath = [...path, index];
      places.set(childPath, { value: at((item as Node).range) });
      indexPlaces(item as Node, childPath, places, at);
    });
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function yamlHint(code: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'Indent with spaces, not tabs.';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'Wrap the value in double quotes if it holds `: `, `#`, or starts with a quote.';
    default:
      return 'Check the YAML syntax near this place; quoting the value often helps.';
  }
}
