import { readFileSync } from 'node:fs';

interface Manifest {
  version: string;
  homepage?: string;
}

let manifest: Manifest | undefined;

/** roundup's own package.json: one folder up from src/ and dist/, more from the bundle's chunks. */
function readManifest(): Manifest {
  if (manifest) return manifest;
  for (const candidate of ['../package.json', '../../package.json', '../../../package.json']) {
    try {
      const found = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as Manifest & { name?: string };
      if (found.name === 'roundup') return (manifest = found);
    } catch {
      // Not at this level.
    }
  }
  throw new Error('cannot find roundup’s package.json');
}

export const readVersion = (): string => readManifest().version;

/** The project's home page, when package.json names one. */
export const readHomepage = (): string | undefined => readManifest().homepage;
