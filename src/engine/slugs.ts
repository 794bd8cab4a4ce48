import path from 'node:path';
import { parse } from 'yaml';
import type { RoundupSnapshot } from '../load/snapshot.js';
import type { Outcome } from './roundup.js';

/**
 * Two roundups must not write the same files, also on case-insensitive file
 * systems. The slug is read cheaply here, before any roundup is processed;
 * an invalid one is left to the full check.
 */
export async function slugCollision(snapshot: RoundupSnapshot, slugs: Map<string, string>, cwd: string): Promise<Outcome | undefined> {
  let slug = path.basename(path.resolve(cwd, snapshot.dir));
  const text = snapshot.question.bytes ? new TextDecoder().decode(snapshot.question.bytes) : '';
  // Most roundups take their folder's name. Any key that reads `slug` once parsed ("slug", ? slug, "\x73lug") has the word or an escape.
  if (text.includes('slug') || text.includes('\\')) {
    try {
      const data = parse(text, { uniqueKeys: false, maxAliasCount: 0, logLevel: 'silent' }) as unknown;
      if (data && typeof data === 'object' && typeof (data as { slug?: unknown }).slug === 'string') slug = (data as { slug: string }).slug;
    } catch {
      // Broken YAML: the full check reports it.
    }
  }
  const key = slug.normalize('NFC').toLowerCase();
  const other = slugs.get(key);
  if (other === undefined) {
    slugs.set(key, snapshot.dir);
    return undefined;
  }
  const [{ parseQuestion }, { decodeFile }, { addDiagnostic }, { serializeFile }] = await Promise.all([
    import('../load/question.js'),
    import('../load/read.js'),
    import('../util/diagnostics.js'),
    import('./serialize.js'),
  ]);
  const question = parseQuestion(decodeFile(snapshot.question, cwd));
  addDiagnostic(question.file, {
    ruleId: 'slug-collision',
    severity: 'error',
    span: question.value?.slug === undefined ? undefined : question.places.value(['slug']),
    reason: `Unexpected slug \`${slug}\`, already used by the roundup in \`${other}\`: their files would overwrite each other`,
    note: 'Give one of the two roundups its own `slug:` in question.yaml.',
  });
  return { dir: snapshot.dir, files: [serializeFile(question.file)], written: [], outputs: [], condensed: [] };
}
