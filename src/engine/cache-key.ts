import { createHash, type Hash } from 'node:crypto';
import sources from '../data/fingerprint.json' with { type: 'json' };
import type { RoundupSnapshot } from '../load/snapshot.js';
import type { RawFile } from '../load/read.js';
import { readVersion } from '../util/version.js';
import type { Job } from './roundup.js';

/** Changes whenever roundup or its reference data change (scripts/compile-credentials.mjs), so a new release never replays an old verdict. */
const toolFingerprint = () => `${readVersion()}\0${sources.sources}`;

/** The hash of what all roundups under one config share: roundup and its data, the options, the config files. */
export function contextKey(configs: readonly RawFile[], job: Job): string {
  const hash = createHash('sha1');
  const { cwd: _, ...options } = job;
  // The formats are a set: `--format json,html` after `--format html,json` changes nothing.
  const key = { ...options, formats: [...options.formats].sort() };
  hash.update(toolFingerprint()).update('\0').update(JSON.stringify(key)).update('\0');
  hashFiles(hash, configs);
  return hash.digest('hex');
}

/** The hash of everything a roundup's outcome depends on: its context (`contextKey`) and its files. */
export function cacheKey(snapshot: RoundupSnapshot, context: string): string {
  const hash = createHash('sha1').update(context).update('\0');
  hashFiles(hash, [snapshot.question, ...snapshot.experts, ...snapshot.images]);
  return hash.digest('hex');
}

function hashFiles(hash: Hash, files: readonly RawFile[]) {
  for (const file of files) {
    hash.update(file.path).update('\0');
    if (file.bytes) hash.update(String(file.bytes.length)).update('\0').update(file.bytes);
    else hash.update(`refused:${file.refused?.ruleId}`);
    hash.update('\0');
  }
}
