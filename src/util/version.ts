import { readFileSync } from 'node:fs';
import { packageFile } from './package-root.js';

/** roundup's own version, from its package.json. */
export function readVersion(): string {
  return (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
}
