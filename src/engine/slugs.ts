import path from 'node:path';
import { parse } from 'yaml';
import { readRawFile } from '../load/read.js';
import { QUESTION_FILE, type RoundupSnapshot } from '../load/snapshot.js';
import type { Outcome } from './roundup.js';

/** For each roundup whose slug another one shares, the folders of the others. */
export type SlugCollisions = Map<string, { slug: string; others: string[] }>;

/**
 * Two roundups must not write the same files, also on case-insensitive file
 * systems. Every slug is read before any roundup is processed, so that
 * neither of two colliding roundups is written; over the whole tree, not
 * one shard, so that two shards never write the same files either. An
 * invalid slug is left to the full check.
 */
export function findSlugCollisions(dirs: readonly string[], cwd: string): SlugCollisions {
  const bySlug = new Map<string, string[]>();
  const slugOf = new Map<string, string>();
  for (const dir of dirs) {
    const slug = readSlug(dir, cwd);
    slugOf.set(dir, slug);
    const key = slug.normalize('NFC').toLowerCase();
    bySlug.set(key, [...(bySlug.get(key) ?? []), dir]);
  }
  const collisions: SlugCollisions = new Map();
  for (const group of bySlug.values()) {
    if (group.length < 2) continue;
    for (const dir of group) collisions.set(dir, { slug: slugOf.get(dir)!, others: group.filter((other) => other !== dir) });
  }
  return collisions;
}

function readSlug(dir: string, cwd: string): string {
  const fallback = path.basename(path.resolve(cwd, dir));
  const { bytes } = readRawFile(path.join(dir, QUESTION_FILE), { cwd });
  const text = bytes ? new TextDecoder().decode(bytes) : '';
  // Most roundups take their folder's name. Any key that reads `slug` once parsed ("slug", ? slug, "\x73lug") has the word or an escape.
  if (!text.includes('slug') && !text.includes('\\')) return fallback;
  try {
    const data = parse(text, { uniqueKeys: false, maxAliasCount: 0, logLevel: 'silent' }) as unknown;
    const slug = data && typeof data === 'object' ? (data as { slug?: unknown }).slug : undefined;
    return typeof slug === 'string' ? slug : fallback;
  } catch {
    return fallback; // Broken YAML: the full check reports it.
  }
}

/** The outcome of a roundup whose slug collides: an error naming the others, and nothing written. */
export async function slugCollisionOutcome(
  snapshot: RoundupSnapshot,
  collision: { slug: string; others: string[] },
  cwd: string,
): Promise<Outcome> {
  const [{ parseQuestion }, { decodeFile }, { addDiagnostic, findingsOf }] = await Promise.all([
    import('../load/question.js'),
    import('../load/read.js'),
    import('../util/diagnostics.js'),
  ]);
  const question = parseQuestion(decodeFile(snapshot.question, cwd));
  const others = collision.others.map((other) => `\`${other}\``).join(', ');
  addDiagnostic(question.file, {
    ruleId: 'slug-collision',
    severity: 'error',
    span: question.value?.slug === undefined ? undefined : question.places.value(['slug']),
    reason: `Unexpected slug \`${collision.slug}\`, also the slug of the roundup in ${others}: their files would overwrite each other, so neither is written`,
    note: 'Give one of the roundups its own `slug:` in question.yaml.',
  });
  return { dir: snapshot.dir, findings: findingsOf(question.file, { spans: true }), written: [], outputs: [], condensed: [] };
}
