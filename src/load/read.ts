import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { addDiagnostic } from '../util/diagnostics.js';

export interface ReadOptions {
  cwd: string;
  /** Files larger than this are refused: remark slows down sharply on large pathological input. */
  maxBytes?: number;
  /** Refuse (ELOOP) rather than follow a symbolic link at the last component. */
  noFollow?: boolean;
}

const DEFAULT_MAX_BYTES = 512 * 1024;

/** A file as read from disk, before decoding: its bytes, or why it was not read. */
export interface RawFile {
  path: string;
  bytes?: Uint8Array;
  refused?: { ruleId: 'file-too-large' | 'read-error' | 'symlink-outside'; reason: string; note?: string };
}

/**
 * The one disk reader: the bytes of a file, or a refusal (too large,
 * unreadable). Synchronous on purpose: for thousands of small files, a
 * promise per system call costs more than the reading (see docs/benchmarks.md).
 */
export function readRawFile(filePath: string, options: ReadOptions): RawFile {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let descriptor: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO (or a link to one) must not wait for a writer that never comes.
    const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0);
    descriptor = openSync(path.resolve(options.cwd, filePath), flags);
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) {
      return {
        path: filePath,
        refused: {
          ruleId: 'read-error',
          reason: `Cannot read file: it is ${stats.isDirectory() ? 'a folder' : 'a pipe, socket or device'}, expected a regular file`,
          note: 'Replace it with a regular file.',
        },
      };
    }
    const { size } = stats;
    if (size > maxBytes) {
      return {
        path: filePath,
        refused: {
          ruleId: 'file-too-large',
          reason: `Unexpected file of ${size} bytes, expected at most ${maxBytes}`,
          note: 'Split or shorten the file; answers are usually a few kilobytes.',
        },
      };
    }
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const count = readSync(descriptor, bytes, read, size - read, read);
      if (count === 0) break;
      read += count;
    }
    return { path: filePath, bytes: read === size ? bytes : bytes.subarray(0, read) };
  } catch (error) {
    return {
      path: filePath,
      refused: { ruleId: 'read-error', reason: `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}` },
    };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * A VFile whose value is the decoded text with the BOM stripped and every
 * line ending normalised to `\n` (line and column numbers stay those of the
 * file on disk). Problems become messages on the file, whose value is then empty.
 */
export function decodeFile(raw: RawFile, cwd: string): VFile {
  const file = new VFile({ path: raw.path, cwd, value: '' });
  if (!raw.bytes) {
    addDiagnostic(file, { severity: 'error', ...(raw.refused ?? { ruleId: 'read-error', reason: 'Cannot read file' }) });
    return file;
  }
  const text = decodeUtf8(raw.bytes);
  if (text === undefined) {
    addDiagnostic(file, {
      ruleId: 'invalid-encoding',
      severity: 'error',
      reason: 'Unexpected bytes that are not UTF-8, expected a UTF-8 text file',
      note: 'Save the file as UTF-8.',
    });
    return file;
  }
  if (text.includes('\u0000')) {
    // Valid UTF-8 never needs NUL in text: this is a binary file, or UTF-16 read as UTF-8.
    addDiagnostic(file, {
      ruleId: 'binary-file',
      severity: 'error',
      reason: 'Unexpected NUL bytes, expected a text file',
      note: 'This looks like a binary or UTF-16 file: save it as UTF-8 text.',
    });
    return file;
  }
  file.value = text.replace(/\r\n?/g, '\n');
  return file;
}

export function readInputFile(filePath: string, options: ReadOptions): VFile {
  return decodeFile(readRawFile(filePath, options), options.cwd);
}

/** Decode strictly: `readFile(p, 'utf8')` would silently turn bad bytes into U+FFFD. */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
