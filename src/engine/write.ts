import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { chmod, lstat, mkdir, open, realpath, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  /** A bare file name such as `therapists-cry.html`; it always lands directly in the output folder. */
  name: string;
  /** Text (whole, or in pieces for a large file), or the bytes of a picture. */
  contents: string | Uint8Array | Iterable<string>;
}

/**
 * Write files into `outDir` atomically: each goes to a temporary file in the
 * same folder (a rename across file systems is not atomic), then is renamed
 * over the target. A reader never sees a half-written file, and a failure
 * leaves the previous version in place. (Outputs are not synced one by one:
 * they can be rebuilt, and a sync per file would dominate a build; the run
 * syncs the folder once at its end, `syncFolder`.)
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const root = await realpath(outDir);
  const targets = files.map((file) => {
    const target = path.join(root, file.name);
    // Names come from validated slugs; this is the last line of defence, symlinks included.
    if (path.basename(file.name) !== file.name || path.dirname(target) !== root) {
      throw new Error(`refusing to write ${JSON.stringify(file.name)} outside ${outDir}`);
    }
    return target;
  });
  // A roundup's outputs change together: every file is written in full before any is renamed into place.
  const temporaries: string[] = [];
  try {
    for (const [index, file] of files.entries()) {
      const target = targets[index]!;
      if ((await lstat(target).catch(() => undefined))?.isDirectory())
        throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
      temporaries.push(await writeTemporary(target, file.contents));
    }
    for (const [index, temporary] of temporaries.entries()) await rename(temporary, targets[index]!);
  } catch (error) {
    await Promise.all(temporaries.map((temporary) => unlink(temporary).catch(() => {})));
    throw error;
  } finally {
    for (const temporary of temporaries) inFlight.delete(temporary);
  }
  return files.map((file) => path.join(outDir, file.name));
}

/** Temporary files being written now, so an interrupted build can remove them (see `removeTemporaryFiles`). */
const inFlight = new Set<string>();

/*
 * Temporary names carry this machine's tag and the process id: the sweep
 * removes only files of dead processes of this machine, never the live ones
 * of a build in another container sharing the folder (where pids repeat).
 */
const HOST = createHash('sha1').update(hostname()).digest('hex').slice(0, 8);
const TEMPORARY = /^\..+\.([0-9a-f]{8})-(\d+)-[0-9a-f]{8}\.tmp$/;

/**
 * `contents` may be a sequence of pieces, written in batches, for a large file that should never be one string.
 * With `sync`, the data reaches the disk before the rename, and the rename before this returns (for the cache).
 * `mode`: the permissions to give the file (an input file rewritten by `--fix` keeps its own), instead of 0644.
 */
export async function writeFileAtomic(
  target: string,
  contents: string | Uint8Array | Iterable<string | Uint8Array>,
  options: { sync?: boolean; mode?: number } = {},
): Promise<void> {
  const temporary = await writeTemporary(target, contents, options.sync);
  try {
    if (options.mode !== undefined) await chmod(temporary, options.mode);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  } finally {
    inFlight.delete(temporary);
  }
  if (options.sync) syncFolder(path.dirname(target));
}

/** The same, synchronously, for a signal handler: the process exits right after. */
export function writeFileAtomicSync(target: string, pieces: Iterable<string | Uint8Array>): void {
  const temporary = temporaryName(target);
  inFlight.add(temporary);
  try {
    const descriptor = openSync(temporary, 'wx', 0o644);
    try {
      for (const piece of pieces) {
        const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
        // writeSync may write less than asked (a full disk, a signal): loop until every byte is written.
        for (let done = 0; done < bytes.length; ) done += writeSync(descriptor, bytes, done);
      }
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  } finally {
    inFlight.delete(temporary);
  }
}

/** Make the renames into a folder durable: one sync of the folder, not one per file. Some file systems cannot sync a folder; that is fine. */
export function syncFolder(dir: string): void {
  try {
    const descriptor = openSync(dir, 'r');
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch {
    // EINVAL/EISDIR on file systems without folder sync, ENOENT when nothing was written.
  }
}

const temporaryName = (target: string) =>
  path.join(path.dirname(target), `.${path.basename(target)}.${HOST}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);

/** Write `contents` in full to a new temporary file beside `target`, and return its path (still in flight). */
async function writeTemporary(
  target: string,
  contents: string | Uint8Array | Iterable<string | Uint8Array>,
  sync = false,
): Promise<string> {
  const temporary = temporaryName(target);
  inFlight.add(temporary);
  try {
    // `wx`: never follow or reuse something already at the temporary name.
    const handle = await open(temporary, 'wx', 0o644);
    try {
      // `writeFile` on a handle writes every byte (a bare `write` may write fewer and say so).
      if (typeof contents === 'string' || contents instanceof Uint8Array) {
        await handle.writeFile(contents);
      } else {
        let batch: Buffer[] = [];
        let size = 0;
        for (const piece of contents) {
          const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
          batch.push(bytes as Buffer);
          size += bytes.length;
          if (size >= 1 << 20) {
            await handle.writeFile(Buffer.concat(batch));
            batch = [];
            size = 0;
          }
        }
        await handle.writeFile(Buffer.concat(batch));
      }
      if (sync) await handle.sync();
    } finally {
      await handle.close();
    }
    return temporary;
  } catch (error) {
    await unlink(temporary).catch(() => {});
    inFlight.delete(temporary);
    throw error;
  }
}

/** On SIGINT or a fatal error: remove the temporary files of writes in progress. Their targets keep their previous contents. */
export function removeTemporaryFiles() {
  for (const temporary of inFlight) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed into place or removed.
    }
  }
  inFlight.clear();
}

/**
 * Temporary files left in `dir` by a roundup process that was killed (SIGKILL, a crash): only this machine's,
 * only of dead processes. Once per folder per run, before anything is written. With `own`, this process's
 * too: on an interrupt, for those its worker threads were writing.
 */
export function removeStaleTemporaries(dir: string, { own = false } = {}): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // Not made yet: nothing to sweep.
  }
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    const pid = Number(match?.[2]);
    if (!match || match[1] !== HOST || !pid || (isAlive(pid) && !(own && pid === process.pid))) continue;
    try {
      unlinkSync(path.join(dir, name));
    } catch {
      // Removed by another sweep.
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
