import { readFileSync } from 'node:fs';
import { packageFile } from './package-root.js';

interface Manifest {
  version: string;
  homepage?: string;
}

let manifest: Manifest | undefined;

/** roundup's own package.json, read once. */
function readManifest(): Manifest {
  manifest ??= JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as Manifest;
  return manifest;
}

/** roundup's own version. */
export const readVersion = (): string => readManifest().version;

/** The project's home page, when package.json names one. */
export const readHomepage = (): string | undefined => readManifest().homepage;
