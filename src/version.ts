import { readFileSync } from 'node:fs';

/** roundup's own version, read from the package.json beside src/ and dist/. */
export function readVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
