import * as z from 'zod';
import type { VFile } from 'vfile';
import { addDiagnostic } from '../util/diagnostics.js';
import type { KeyPath, PlaceIndex } from './yaml.js';
import { didYouMean } from '../util/did-you-mean.js';

/**
 * Check parsed YAML against a schema. Every issue becomes a `schema` error at
 * the key or value it concerns; returns the typed value only when there is none.
 */
export function validateSchema<T>(file: VFile, data: unknown, places: PlaceIndex, schema: z.ZodType<T>): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of flattenUnions(result.error.issues, [])) reportIssue(file, data, places, schema, issue);
  return undefined;
}

type Issue = z.core.$ZodIssue;

/**
 * zod reports a union that no branch accepts as one issue holding each
 * branch's issues. When the value had the right type for one branch (say a
 * mapping for `location`), that branch's own issues are the useful ones.
 */
function flattenUnions(issues: readonly Issue[], prefix: KeyPath): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      const matching = issue.errors.filter((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
      if (matching.length === 1) return flattenUnions(matching[0]!, path);
    }
    return [{ ...issue, path } as Issue];
  });
}

function reportIssue(file: VFile, data: unknown, places: PlaceIndex, schema: z.ZodType, issue: Issue) {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, issue.path);
    for (const key of issue.keys) {
      const near = didYouMean(key, known);
      addDiagnostic(file, {
        ruleId: 'schema',
        severity: 'error',
        span: places.key([...issue.path, key]),
        reason:
          near.length > 0
            ? `Unexpected field \`${key}\`, did you mean \`${near[0]}\`?`
            : `Unexpected field \`${key}\`, expected one of ${known.map((name) => `\`${name}\``).join(', ')}`,
        note: near.length > 0 ? `Rename \`${key}\` to \`${near[0]}\`.` : `Remove \`${key}\`.`,
        actual: key,
        expected: near,
      });
    }
    return;
  }
  const actual = valueAt(data, issue.path);
  if (actual === undefined) {
    addDiagnostic(file, {
      ruleId: 'schema',
      severity: 'error',
      span: places.value(issue.path),
      reason: issue.path.length > 0 ? `Missing required field \`${field}\`` : `Missing ${issue.message}`,
      note: issue.path.length > 0 ? `Add \`${String(issue.path.at(-1))}:\` with ${issue.message}.` : undefined,
    });
    return;
  }
  const span = places.value(issue.path);
  const source = String(file.value).slice(span.start, span.end);
  // YAML reads `1.10`, `0123` or `true` as numbers and booleans: quoting keeps them as written.
  const wantsText = (issue.code === 'invalid_type' && issue.expected === 'string') || issue.code === 'invalid_union';
  const quoteHint = wantsText && (typeof actual === 'number' || typeof actual === 'boolean');
  addDiagnostic(file, {
    ruleId: 'schema',
    severity: 'error',
    span,
    reason: `Unexpected ${describeValue(actual)} for \`${field || 'the file'}\`, expected ${issue.message}`,
    note: quoteHint ? `Quote the value to keep it as written: \`"${source}"\`.` : undefined,
  });
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty value';
  if (Array.isArray(value)) return value.length === 0 ? 'empty list' : 'list';
  switch (typeof value) {
    case 'string':
      return value.trim() === '' ? 'empty string' : `string \`${truncate(value)}\``;
    case 'number':
    case 'boolean':
      return `${typeof value} \`${String(value)}\``;
    default:
      return 'mapping';
  }
}

const truncate = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text).replace(/\n/g, ' ');

function valueAt(data: unknown, path: KeyPath): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The keys a schema allows at `path`, for "did you mean". */
function knownKeys(schema: z.ZodType, path: KeyPath): string[] {
  const objects = objectsAt(schema, path);
  return [...new Set(objects.flatMap((object) => Object.keys(object.shape)))];
}

function objectsAt(schema: z.ZodType, path: KeyPath): z.ZodObject[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return objectsAt(schema.unwrap() as z.ZodType, path);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((option) => objectsAt(option, path));
  if (path.length === 0) return schema instanceof z.ZodObject ? [schema] : [];
  const [head, ...rest] = path;
  if (schema instanceof z.ZodObject) {
    const child = schema.shape[String(head)] as z.ZodType | undefined;
    return child ? objectsAt(child, rest) : [];
  }
  if (schema instanceof z.ZodArray) return objectsAt(schema.element as z.ZodType, rest);
  return [];
}
