import { readFileSync } from 'node:fs';

/** roundup's own version, from its package.json: one folder up from src/ and dist/, more from the bundle's chunks. */
export function readVersion(): string {
  for (const candidate of ['../package.json', '../../package.json', '../../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version: string };
      if (manifest.name === 'roundup') return manifest.version;
    } catch {
      // Not at this level.
    }
  }
  throw new Error('cannot find roundup’s package.json');
}
