import { createHash } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import apCities from '../data/ap-dateline-cities.json' with { type: 'json' };
import credentials from '../data/credentials.json' with { type: 'json' };
import titles from '../data/protected-titles.json' with { type: 'json' };
import type { RoundupSnapshot } from '../load/snapshot.js';
import type { RawFile } from '../load/read.js';
import { readVersion } from '../util/version.js';
import { isWithin } from '../util/paths.js';
import { removeStaleTemporaries, writeFileAtomic, writeFileAtomicSync } from './write.js';
import type { Job, Outcome } from './roundup.js';

/** Where the cache lives unless `--cache-dir` says otherwise (the convention of babel, eslint, ava…). */
export const defaultCacheDir = (cwd: string) => path.join(cwd, 'node_modules', '.cache', 'roundup');

/**
 * One line per roundup, so neither loading nor saving builds one huge string:
 * `[id, key, outputs]` as JSON, a tab, then the outcome as JSON (JSON text
 * never holds a raw tab). Loading parses the head of each line only; an
 * outcome (its findings, as reporters print them) is parsed when it is replayed.
 */
const CACHE_FILE = 'cache-v4.ndjson';
const VERSION = 4;

interface Entry {
  key: string;
  /** Each output as written: path (absolute), size, mtime. A file deleted or edited since fails the check. */
  outputs: [string, number, number][];
  /**
   * `Omit<Outcome, 'unchanged'>` as JSON in UTF-8: kept as bytes (one per character of the mostly ASCII
   * findings, where a string with one curly quote takes two), so a run holds no findings but those it reports.
   */
  outcome: Uint8Array;
}

/**
 * What the last build of each roundup produced, keyed by a hash of all it
 * read. A roundup whose inputs, config, options, reference data and roundup
 * version are all unchanged, and whose outputs are still as written, is
 * neither parsed nor rendered nor rewritten: its outcome, warnings included,
 * is replayed.
 */
export class BuildCache {
  private dirty = false;
  private savedAt = performance.now();

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** Open the cache; a missing one is empty, a corrupt one is ignored (`warning` says so), never trusted. */
  static async open(dir: string): Promise<{ cache: BuildCache; warning?: string }> {
    const file = path.join(dir, CACHE_FILE);
    removeStaleTemporaries(dir);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return { cache: new BuildCache(file, new Map()) };
    }
    const lines = splitLines(bytes);
    let version: unknown;
    try {
      version = JSON.parse(lines[0]?.toString() || '{}').version;
    } catch {
      version = undefined;
    }
    if (version !== VERSION) {
      return { cache: new BuildCache(file, new Map()), warning: `The cache ${file} is corrupt and was ignored; every roundup is rebuilt.` };
    }
    // Line by line: a damaged line costs its roundup a rebuild, not the whole cache.
    const entries = new Map<string, Entry>();
    let damaged = 0;
    for (const line of lines.slice(1)) {
      const parsed = parseEntry(line);
      if (parsed) entries.set(parsed[0], parsed[1]);
      else damaged++;
    }
    const warning =
      damaged > 0
        ? `${damaged} damaged ${damaged === 1 ? 'entry' : 'entries'} of the cache ${file} ignored; those roundups are rebuilt.`
        : undefined;
    return { cache: new BuildCache(file, entries), warning };
  }

  /**
   * The recorded outcome, if `key` matches and every output is still as written. Entries are kept per
   * roundup and set of formats and output folder, so switching formats and back again is still a no-op.
   */
  async lookup(dir: string, job: Job, key: string): Promise<Outcome | undefined> {
    const entry = this.entries.get(entryId(dir, job));
    if (!entry || entry.key !== key) return undefined;
    for (const [file, size, mtimeMs] of entry.outputs) {
      const info = statSync(file, { throwIfNoEntry: false });
      if (!info || info.size !== size || info.mtimeMs !== mtimeMs) return undefined;
    }
    try {
      const outcome = JSON.parse(new TextDecoder().decode(entry.outcome)) as Outcome;
      if (Array.isArray(outcome?.findings) && Array.isArray(outcome.written)) return { ...outcome, unchanged: true };
    } catch {}
    // A damaged outcome costs its roundup a rebuild.
    return undefined;
  }

  /**
   * Remember a roundup that wrote its files, or that has errors and so writes none (its findings are
   * replayed, so a no-op rebuild of a tree with errors parses nothing either); forget one whose outcome
   * another run might not repeat (a render that timed out, a bug in roundup).
   */
  async record(dir: string, job: Job, key: string, outcome: Outcome) {
    const id = entryId(dir, job);
    const failed = outcome.findings.some((finding) => finding.severity === 'error');
    const unrepeatable = outcome.findings.some((finding) => UNREPEATABLE.has(finding.ruleId ?? ''));
    if (unrepeatable || (!failed && outcome.written.length === 0)) {
      this.dirty = this.entries.delete(id) || this.dirty;
      return;
    }
    const outputs = await Promise.all(
      outcome.written.map(async (file): Promise<[string, number, number]> => {
        const absolute = path.resolve(job.cwd, file);
        const info = await stat(absolute);
        return [absolute, info.size, info.mtimeMs];
      }),
    );
    const { unchanged: _, ...kept } = outcome;
    this.entries.set(id, { key, outputs, outcome: Buffer.from(JSON.stringify(kept)) });
    this.dirty = true;
  }

  /** Forget the roundups under `roots` that are gone (not in `present`, absolute paths): their entries would never match again. */
  prune(roots: readonly string[], present: ReadonlySet<string>) {
    for (const id of this.entries.keys()) {
      const dir = id.slice(0, id.indexOf('\0'));
      if (!present.has(dir) && roots.some((root) => isWithin(root, dir))) this.dirty = this.entries.delete(id) || this.dirty;
    }
  }

  /** Whether enough time has passed since the last save that a long build should save its progress (a `kill -9` loses at most that). */
  get due(): boolean {
    return this.dirty && performance.now() - this.savedAt > SAVE_EVERY_MS;
  }

  /**
   * Write the cache, synced to disk before it replaces the old one; a folder that cannot hold it (read-only,
   * a file, no space) turns it off with a warning, never a failure.
   */
  async save(): Promise<string | undefined> {
    if (!this.dirty) return undefined;
    this.dirty = false;
    this.savedAt = performance.now();
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, this.lines(), { sync: true });
      return undefined;
    } catch (error) {
      this.dirty = true;
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return `The cache could not be saved to ${this.file} (${code}); the next build redoes this work. Give --cache-dir a writable folder, or use --no-cache.`;
    }
  }

  /** On an interrupt: keep the work done so far, synchronously (the process exits right after). */
  saveNow() {
    if (!this.dirty) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomicSync(this.file, this.lines());
  }

  private *lines(): Generator<string | Uint8Array> {
    yield `${JSON.stringify({ version: VERSION })}\n`;
    for (const [id, { key, outputs, outcome }] of this.entries) {
      yield `${JSON.stringify([id, key, outputs])}\t`;
      yield outcome;
      yield '\n';
    }
  }
}

const SAVE_EVERY_MS = 10_000;

/** Findings that depend on the machine or on roundup's own bugs, not on the inputs: their roundups are redone every time. */
const UNREPEATABLE = new Set(['markdown-too-slow', 'internal-error']);

/** One entry per roundup, set of formats and output folder. */
const entryId = (dir: string, job: Job) => `${dir}\0${[...job.formats].sort().join(',')}\0${job.outDir}`;

/** The file's non-empty lines, as views of its bytes (no copy). */
function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    if (end > start) lines.push(bytes.subarray(start, end));
    start = end + 1;
  }
  return lines;
}

function parseEntry(line: Buffer): [string, Entry] | undefined {
  const tab = line.indexOf(0x09);
  if (tab === -1) return undefined;
  try {
    const [id, key, outputs] = JSON.parse(line.toString('utf8', 0, tab)) as [string, string, Entry['outputs']];
    const valid = typeof id === 'string' && typeof key === 'string' && Array.isArray(outputs) && line[tab + 1] === 0x7b;
    return valid ? [id, { key, outputs, outcome: line.subarray(tab + 1) }] : undefined;
  } catch {
    return undefined;
  }
}

/** Changes whenever roundup or its reference data change, so a new release never replays an old verdict. */
let fingerprint: string | undefined;
function toolFingerprint(): string {
  fingerprint ??= createHash('sha1')
    .update(readVersion())
    .update(JSON.stringify([credentials, apCities, titles]))
    .digest('hex');
  return fingerprint;
}

/** The hash of everything a roundup's outcome depends on. */
export function cacheKey(snapshot: RoundupSnapshot, configs: readonly RawFile[], job: Job): string {
  const hash = createHash('sha1');
  const { cwd: _, ...options } = job;
  // The formats are a set: `--format json,html` after `--format html,json` changes nothing.
  const key = { ...options, formats: [...options.formats].sort() };
  hash.update(toolFingerprint()).update('\0').update(JSON.stringify(key)).update('\0');
  for (const file of [...configs, snapshot.question, ...snapshot.experts, ...snapshot.images]) {
    hash.update(file.path).update('\0');
    if (file.bytes) hash.update(String(file.bytes.length)).update('\0').update(file.bytes);
    else hash.update(`refused:${file.refused?.ruleId}`);
    hash.update('\0');
  }
  return hash.digest('hex');
}
