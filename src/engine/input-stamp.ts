import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { RoundupSnapshot } from '../load/snapshot.js';

/**
 * What a rebuild can check instead of reading a roundup: the stat of each
 * file it read and of each folder it listed (a file added or removed changes
 * its folder's mtime). As git's index and ESLint's metadata cache do, a
 * roundup whose stats all match is taken as unchanged without being read or
 * hashed; anything else (a fresh checkout gives every file a new mtime) is
 * read and hashed as before.
 */
interface InputStamp {
  /** Absolute paths, in the order hashed. */
  paths: string[];
  hash: string;
}

/** An entry's input stamp, with the context (roundup, options, config: `contextKey`) it holds for. */
export type ContextStamp = InputStamp & { context: string };

/**
 * A file changed this close to the moment it was read might change again
 * without its mtime showing it (file systems with coarse clocks: FAT keeps
 * 2 s): such a roundup gets no stamp, and is read and hashed next time.
 */
const RACY_MS = 2000;

/** The stamp of the inputs of `snapshot`, read at `readAt` (ms since the epoch), in `context`; none when one was refused or changed around then. */
export function stampInputs(snapshot: RoundupSnapshot, cwd: string, readAt: number, context: string): ContextStamp | undefined {
  const files = [snapshot.question, ...snapshot.experts, ...snapshot.images];
  if (files.some((file) => !file.bytes) || snapshot.misnamed.length > 0 || snapshot.expertsUnreadable) return undefined;
  const paths = [...files.map((file) => file.path), ...snapshot.folders].map((file) => path.resolve(cwd, file));
  const hash = hashStats(paths, readAt - RACY_MS);
  return hash === undefined ? undefined : { paths, hash, context };
}

/** A hash of the stats of `paths`; undefined when one is missing or was changed at or after `changedBefore`. */
export function hashStats(paths: readonly string[], changedBefore = Number.POSITIVE_INFINITY): string | undefined {
  const hash = createHash('sha1');
  try {
    for (const file of paths) {
      const info = statSync(file, { throwIfNoEntry: false });
      if (!info || Math.max(info.mtimeMs, info.ctimeMs) >= changedBefore) return undefined;
      hash.update(`${file}\0${info.dev}\0${info.ino}\0${info.size}\0${info.mtimeMs}\0${info.ctimeMs}\n`);
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}
