import { Parser } from 'yaml';
import type { Span } from '../util/diagnostics.js';

/** A `# roundup-ignore-next-line …` or `# roundup-ignore-file …` comment in YAML. */
export interface IgnoreDirective {
  kind: 'next-line' | 'file';
  /** The rule ids named, each with its place; none: every rule that can be suppressed. */
  rules: { id: string; span: Span }[];
  /** The text after ` -- `, why the finding is accepted. */
  reason?: string;
  /** The comment, from `#` to the end of its line. */
  span: Span;
}

/** A comment that starts like a directive but is none (`roundup-ignore-nextline`): said, since it would suppress nothing. */
export interface MisspelledDirective {
  name: string;
  span: Span;
}

const DIRECTIVE = /^#\s*(roundup-ignore[\w-]*)(.*)$/;
const KINDS: Record<string, IgnoreDirective['kind']> = { 'roundup-ignore-next-line': 'next-line', 'roundup-ignore-file': 'file' };

/**
 * The ignore directives among the YAML comments of `text[0, end)`: the whole
 * of question.yaml, or an expert file up to its body. Comments are found by
 * the YAML parser, so a `#` inside a quoted value is never one.
 */
export function findDirectives(text: string, end = text.length): { directives: IgnoreDirective[]; misspelled: MisspelledDirective[] } {
  const directives: IgnoreDirective[] = [];
  const misspelled: MisspelledDirective[] = [];
  for (const comment of comments(text.slice(0, end))) {
    const match = DIRECTIVE.exec(comment.source);
    if (!match) continue;
    const span = { start: comment.offset, end: comment.offset + comment.source.length };
    const kind = KINDS[match[1]!];
    if (!kind) {
      const start = comment.offset + comment.source.indexOf(match[1]!);
      misspelled.push({ name: match[1]!, span: { start, end: start + match[1]!.length } });
      continue;
    }
    const rest = match[2]!;
    const separator = rest.search(/\s--(\s|$)/);
    const list = separator === -1 ? rest : rest.slice(0, separator);
    const reason = separator === -1 ? undefined : rest.slice(separator).replace(/^\s--/, '').trim() || undefined;
    const listStart = comment.offset + comment.source.length - rest.length;
    const rules = [...list.matchAll(/[^\s,]+/g)].map((id) => ({
      id: id[0],
      span: { start: listStart + id.index, end: listStart + id.index + id[0].length },
    }));
    directives.push({ kind, rules, reason, span });
  }
  return { directives, misspelled };
}

interface CommentToken {
  offset: number;
  source: string;
}

/** Every comment token of a YAML stream, wherever the concrete syntax tree holds it. */
function comments(text: string): CommentToken[] {
  const found: CommentToken[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (node && typeof node === 'object') {
      const token = node as { type?: unknown; offset?: unknown; source?: unknown };
      if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
        found.push({ offset: token.offset, source: token.source });
      }
      for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value);
    }
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found.sort((a, b) => a.offset - b.offset);
}
