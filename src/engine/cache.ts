import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isWithin } from '../util/paths.js';
import { removeStaleTemporaries, writeFileAtomicSync } from './write.js';
import { HEADER, indexLog, type LogEntry, type LogIndex, parseHead, replayLine, VERSION } from './cache-log.js';
import type { Job, Outcome } from './roundup.js';
import { type ContextStamp, hashStats } from './input-stamp.js';

/** Where the cache lives unless `--cache-dir` says otherwise (the convention of babel, eslint, ava…). */
export const defaultCacheDir = (cwd: string) => path.join(cwd, 'node_modules', '.cache', 'roundup');

const CACHE_FILE = `cache-v${VERSION}.ndjson`;

/**
 * What the last build of each roundup produced, keyed by a hash of all it
 * read. A roundup whose inputs, config, options, reference data and roundup
 * version are all unchanged, and whose outputs are still as written, is
 * neither parsed nor rendered nor rewritten: its outcome, warnings included,
 * is replayed.
 *
 * The cache is a log on disk (cache-log.ts): a run keeps only where each
 * entry is, reads an outcome when it replays it, and appends each roundup it
 * settles at once, so its memory does not grow with the tree and a killed
 * build keeps every roundup it finished. The log is rewritten without its
 * replaced lines when they outweigh the rest.
 */
export class BuildCache {
  /** The log, opened to append (and read what this run appended), and to read only (a no-op appends nothing). */
  private writer?: number;
  private reader?: number;
  private unsynced = false;
  private syncedAt = performance.now();
  private failure?: string;

  private constructor(
    private readonly file: string,
    private readonly log: LogIndex,
  ) {}

  /** Open the cache; a missing one is empty, a corrupt one is ignored (`warning` says so), never trusted. */
  static async open(dir: string): Promise<{ cache: BuildCache; warning?: string }> {
    const file = path.join(dir, CACHE_FILE);
    removeStaleTemporaries(dir);
    const log = indexLog(file);
    const cache = new BuildCache(file, log);
    if (log.corrupt) return { cache, warning: `The cache ${file} is corrupt and was ignored; every roundup is rebuilt.` };
    // Line by line: a damaged line costs its roundup a rebuild, not the whole cache.
    const warning =
      log.damaged > 0
        ? `${log.damaged} damaged ${log.damaged === 1 ? 'entry' : 'entries'} of the cache ${file} ignored; those roundups are rebuilt.`
        : undefined;
    return { cache, warning };
  }

  /**
   * The recorded outcome, if `key` matches and every output is still as written. Entries are kept per
   * roundup and set of formats and output folder, so switching formats and back again is still a no-op.
   * `stamp`: the inputs' stamp, added to an entry that has none, so the next run need not read them.
   */
  async lookup(dir: string, job: Job, key: string, stamp?: () => ContextStamp | undefined): Promise<Outcome | undefined> {
    const id = entryId(dir, job);
    const entry = this.log.entries.get(id);
    if (!entry || entry.key !== key) return undefined;
    const line = this.readLine(id, entry);
    const outcome = line ? replayLine(line) : undefined;
    // The inputs were read: their stats did not match the entry's stamp, or it had none. Stamp them afresh.
    const stamped = outcome && stamp?.();
    if (stamped) this.put(id, key, `${line!.split('\t', 3).join('\t')}\t${JSON.stringify(stamped)}`);
    return outcome;
  }

  /**
   * The recorded outcome of a roundup none of whose inputs changed since (by their stats: see
   * input-stamp.ts), in the same context; read without reading or hashing the inputs.
   */
  async replayUnchanged(dir: string, job: Job, context: string): Promise<Outcome | undefined> {
    const id = entryId(dir, job);
    const entry = this.log.entries.get(id);
    const line = entry && this.readLine(id, entry);
    const stamp = line?.split('\t')[3];
    if (!stamp) return undefined;
    try {
      const recorded = JSON.parse(stamp) as ContextStamp;
      return recorded.context === context && hashStats(recorded.paths) === recorded.hash ? replayLine(line!) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Remember a roundup that wrote its files, or that has errors and so writes none (its findings are
   * replayed, so a no-op rebuild of a tree with errors parses nothing either); forget one whose outcome
   * another run might not repeat (a render that timed out, a bug in roundup).
   */
  async record(dir: string, job: Job, key: string, outcome: Outcome, stamp?: ContextStamp) {
    const id = entryId(dir, job);
    const failed = outcome.findings.some((finding) => finding.severity === 'error');
    const unrepeatable = outcome.findings.some((finding) => UNREPEATABLE.has(finding.ruleId ?? ''));
    if (unrepeatable || (!failed && outcome.written.length === 0)) return this.forget(id);
    const outputs = await Promise.all(
      outcome.written.map(async (file): Promise<[string, number, number]> => {
        const absolute = path.resolve(job.cwd, file);
        const info = await stat(absolute);
        return [absolute, info.size, info.mtimeMs];
      }),
    );
    const { unchanged: _, ...kept } = outcome;
    const stamped = stamp ? `\t${JSON.stringify(stamp)}` : '';
    this.put(id, key, `${JSON.stringify([id, key])}\t${JSON.stringify(outputs)}\t${JSON.stringify(kept)}${stamped}`);
  }

  private put(id: string, key: string, line: string) {
    const offset = this.append(line);
    if (offset === undefined) return;
    this.drop(id);
    const length = Buffer.byteLength(line);
    this.log.entries.set(id, { key, offset, length });
    this.log.live += length + 1;
  }

  /** Forget the roundups under `roots` that are gone (not in `present`, absolute paths): their entries would never match again. */
  prune(roots: readonly string[], present: ReadonlySet<string>) {
    for (const id of [...this.log.entries.keys()]) {
      const dir = id.slice(0, id.indexOf('\0'));
      if (!present.has(dir) && roots.some((root) => isWithin(root, dir))) this.forget(id);
    }
  }

  /** Whether enough time has passed since the last sync that a long build should make its progress durable. */
  get due(): boolean {
    return this.unsynced && performance.now() - this.syncedAt > SYNC_EVERY_MS;
  }

  /**
   * At the end of a run: sync, and rewrite the log without its replaced lines when they make up most of it,
   * synced to disk before it replaces the old one. A folder that cannot hold the cache (read-only, a file,
   * no space) turns it off with a warning, never a failure.
   */
  async close(): Promise<string | undefined> {
    this.sync();
    // Damaged lines are dropped too, so their warning is given once.
    if (this.log.end > 0 && !this.failure && (this.log.damaged > 0 || this.log.end > 2 * this.log.live)) {
      try {
        writeFileAtomicSync(this.file, this.liveLines());
      } catch (error) {
        this.fail(error);
      }
    }
    for (const descriptor of new Set([this.writer, this.reader])) if (descriptor !== undefined) closeSync(descriptor);
    this.writer = this.reader = undefined;
    return this.failure;
  }

  /**
   * Make what was appended durable (a power cut loses at most what came after); synchronous, for an
   * interrupt too (the process exits right after). Returns a warning if the cache could not be written.
   */
  sync(): string | undefined {
    if (this.writer === undefined || !this.unsynced) return this.failure;
    try {
      fdatasyncSync(this.writer);
    } catch {
      // A file system that cannot sync still has the data; a power cut may lose it, as before a sync.
    }
    this.unsynced = false;
    this.syncedAt = performance.now();
    return this.failure;
  }

  private forget(id: string) {
    if (this.log.entries.has(id) && this.append(JSON.stringify([id])) !== undefined) this.drop(id);
  }

  private drop(id: string) {
    const previous = this.log.entries.get(id);
    if (previous) this.log.live -= previous.length + 1;
    this.log.entries.delete(id);
  }

  /** Append a line in one write (so two builds sharing a cache never interleave within a line); where it starts, or undefined when the cache cannot be written. */
  private append(line: string): number | undefined {
    if (this.failure) return undefined;
    try {
      this.writer ??= this.openForAppend();
      const bytes = Buffer.from(`${line}\n`);
      const offset = this.log.end;
      for (let done = 0; done < bytes.length; ) done += writeSync(this.writer, bytes, done);
      this.log.end += bytes.length;
      this.unsynced = true;
      return offset;
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  /** Open the log for appending; a corrupt one, or one cut short by a killed build, is cut back to its last whole line first. */
  private openForAppend(): number {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const descriptor = openSync(this.file, 'a+');
    try {
      if (fstatSync(descriptor).size !== this.log.end) ftruncateSync(descriptor, this.log.end);
      if (this.log.end === 0) {
        writeSync(descriptor, HEADER);
        this.log.end = this.log.live = Buffer.byteLength(HEADER);
      }
    } catch (error) {
      closeSync(descriptor);
      throw error;
    }
    rmSync(path.join(path.dirname(this.file), 'cache-v4.ndjson'), { force: true }); // The previous version's cache.
    return descriptor;
  }

  private fail(error: unknown) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    this.failure ??= `The cache could not be saved to ${this.file} (${code}); the next build redoes this work. Give --cache-dir a writable folder, or use --no-cache.`;
  }

  /** The entry's line, read from the log; undefined when it is not the line indexed (another build rewrote the log). */
  private readLine(id: string, entry: LogEntry): string | undefined {
    try {
      const descriptor = this.writer ?? (this.reader ??= openSync(this.file, 'r'));
      const bytes = Buffer.allocUnsafe(entry.length);
      const line = bytes.toString('utf8', 0, readSync(descriptor, bytes, 0, entry.length, entry.offset));
      const head = parseHead(line.slice(0, line.indexOf('\t')));
      return head?.[0] === id && head[1] === entry.key ? line : undefined;
    } catch {
      return undefined;
    }
  }

  /** The header and each entry's current line, read one at a time from the log. */
  private *liveLines(): Generator<string> {
    yield HEADER;
    for (const [id, entry] of this.log.entries) {
      const line = this.readLine(id, entry);
      if (line) yield `${line}\n`;
    }
  }
}

const SYNC_EVERY_MS = 10_000;

/** Findings that depend on the machine or on roundup's own bugs, not on the inputs: their roundups are redone every time. */
const UNREPEATABLE = new Set(['markdown-too-slow', 'internal-error']);

/** One entry per roundup, set of formats and output folder. */
const entryId = (dir: string, job: Job) => `${dir}\0${[...job.formats].sort().join(',')}\0${job.outDir}`;
