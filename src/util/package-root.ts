import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The name roundup is published under on npm (`roundup` there is an unrelated package); the command stays `roundup`. */
export const PACKAGE_NAME = 'expert-roundup';

let root: string | undefined;

/**
 * The folder roundup is installed in (the one holding its package.json,
 * `docs/` and `schema/`). The code runs from src/ in tests, dist/ for the
 * library and dist/bundle/ or its chunks for the CLI, so it walks up from
 * wherever this module ended up rather than counting folders.
 */
function packageRoot(): string {
  if (root) return root;
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (isOurs(path.join(folder, 'package.json'))) return (root = folder);
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('cannot find roundup’s package.json above its code');
    folder = parent;
  }
}

function isOurs(manifest: string): boolean {
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/** A file shipped with roundup, such as `docs/rules.md` or `schema/question.json`. */
export const packageFile = (...parts: string[]) => path.join(packageRoot(), ...parts);
