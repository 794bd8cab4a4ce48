import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Outcome } from './roundup.js';

/**
 * The cache is a log: a header line, then one line per roundup recorded,
 * appended as each roundup is settled; a later line for the same roundup
 * replaces an earlier one. An entry line is `["id","key"]`, a tab, the
 * outputs as JSON, a tab, the outcome as JSON (JSON text never holds a raw
 * tab); a line `["id"]` forgets the roundup.
 */
export const VERSION = 5;
export const HEADER = `${JSON.stringify({ version: VERSION })}\n`;

/** Where an entry's line is in the log: what a run keeps in memory, instead of the outcome itself. */
export interface LogEntry {
  key: string;
  offset: number;
  /** Bytes of the line, without its newline. */
  length: number;
}

export interface LogIndex {
  /** Absent: no log, or a log of another version (`corrupt`). */
  entries: Map<string, LogEntry>;
  corrupt: boolean;
  damaged: number;
  /** Bytes of whole lines: a line cut short by a killed process is past this, and is cut off before the next append. */
  end: number;
  /** Bytes of the lines still in use (the header's included). */
  live: number;
}

const CHUNK = 1024 * 1024;

/**
 * Index the log without keeping it: it is read a chunk at a time and only
 * each line's head (its id and key) is parsed, so a run holds neither the
 * file nor any outcome but those it replays.
 */
export function indexLog(file: string): LogIndex {
  const index: LogIndex = { entries: new Map(), corrupt: false, damaged: 0, end: 0, live: 0 };
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch {
    return index;
  }
  try {
    // One buffer for the whole file: what is left of a chunk after its last newline moves to the front.
    let buffer = Buffer.allocUnsafe(CHUNK);
    let kept = 0;
    let position = 0;
    for (;;) {
      if (kept === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      const read = readSync(descriptor, buffer, kept, buffer.length - kept, position);
      if (read === 0) break;
      const filled = kept + read;
      const start = position - kept;
      let lineStart = 0;
      for (let newline = buffer.indexOf(0x0a); newline !== -1 && newline < filled; newline = buffer.indexOf(0x0a, lineStart)) {
        if (!readLine(index, buffer.subarray(lineStart, newline), start + lineStart)) return { ...index, corrupt: true, end: 0 };
        lineStart = newline + 1;
      }
      buffer.copyWithin(0, lineStart, filled);
      kept = filled - lineStart;
      position += read;
    }
    // An empty file is a log that was never written to, not a corrupt one.
    return index.end === 0 && position > 0 ? { ...index, corrupt: true } : index;
  } finally {
    closeSync(descriptor);
  }
}

/** Read one line into the index; false when the header says the log is not of this version. */
function readLine(index: LogIndex, line: Buffer, offset: number): boolean {
  index.end = offset + line.length + 1;
  if (offset === 0) {
    index.live = line.length + 1;
    return line.toString() === HEADER.trim();
  }
  if (line.length === 0) return true;
  const tab = line.indexOf(0x09);
  const head = parseHead(line.toString('utf8', 0, tab === -1 ? line.length : tab));
  const previous = head && index.entries.get(head[0]);
  if (previous) index.live -= previous.length + 1;
  if (head?.length === 2 && tab !== -1) {
    index.entries.set(head[0], { key: head[1], offset, length: line.length });
    index.live += line.length + 1;
  } else if (head?.length === 1 && tab === -1) index.entries.delete(head[0]);
  else index.damaged++;
  return true;
}

export function parseHead(text: string): [string] | [string, string] | undefined {
  try {
    const head = JSON.parse(text) as unknown;
    const valid = Array.isArray(head) && (head.length === 1 || head.length === 2) && head.every((part) => typeof part === 'string');
    return valid ? (head as [string] | [string, string]) : undefined;
  } catch {
    return undefined;
  }
}

/** An entry line's outcome, if every output is still as written (a file deleted or edited since fails); a damaged line costs its roundup a rebuild. */
export function replayLine(line: string): Outcome | undefined {
  try {
    const [, outputsJson, outcomeJson] = line.split('\t') as [string, string, string];
    for (const [file, size, mtimeMs] of JSON.parse(outputsJson) as [string, number, number][]) {
      const info = statSync(file, { throwIfNoEntry: false });
      if (!info || info.size !== size || info.mtimeMs !== mtimeMs) return undefined;
    }
    const outcome = JSON.parse(outcomeJson) as Outcome;
    if (Array.isArray(outcome?.findings) && Array.isArray(outcome.written)) return { ...outcome, unchanged: true };
  } catch {}
  return undefined;
}
