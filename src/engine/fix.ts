import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RawFile } from '../load/read.js';
import type { RoundupSnapshot } from '../load/snapshot.js';
import type { Edit, Finding } from '../util/diagnostics.js';
import { writeFileAtomic } from './write.js';

/** A file `--fix` changed (or, in a dry run, would change): its text before and after, and how many findings that fixes. */
export interface FixedFile {
  /** Relative to `cwd`, as the roundup's files are named. */
  path: string;
  before: string;
  after: string;
  fixed: number;
}

/** As ESLint: a fix that makes another fixable finding is applied on the next pass; ten passes are far more than any roundup needs. */
const MAX_PASSES = 10;

/**
 * Check a roundup, apply every edit its findings carry, and check it again
 * until nothing is left to fix, all in memory; then write each changed file
 * atomically (unless `dryRun`). Edits that overlap one applied in the same
 * pass wait for the next pass, where they are recomputed from the fixed text.
 * The outcome is the last check's: the findings that remain.
 */
export async function fixRoundup<Outcome extends { findings: Finding[] }>(
  snapshot: RoundupSnapshot,
  check: (snapshot: RoundupSnapshot) => Promise<Outcome>,
  options: { cwd: string; dryRun: boolean },
): Promise<Outcome & { fixed: FixedFile[] }> {
  const originals = new Map<string, RawFile>();
  const counts = new Map<string, number>();
  let current = snapshot;
  let outcome = await check(current);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const replaced = new Map<string, RawFile>();
    for (const file of new Set(outcome.findings.map((finding) => finding.file))) {
      const edits = outcome.findings.flatMap((finding) => (finding.file === file && finding.edit ? [finding.edit] : []));
      const raw = [current.question, ...current.experts].find((candidate) => candidate.path === file);
      if (edits.length === 0 || !raw?.bytes) continue;
      const { bytes, applied } = applyEdits(raw.bytes, edits);
      if (applied === 0) continue;
      if (!originals.has(raw.path)) originals.set(raw.path, raw);
      counts.set(raw.path, (counts.get(raw.path) ?? 0) + applied);
      replaced.set(raw.path, { ...raw, bytes });
    }
    if (replaced.size === 0) break;
    const swap = (raw: RawFile) => replaced.get(raw.path) ?? raw;
    current = { ...current, question: swap(current.question), experts: current.experts.map(swap) };
    outcome = await check(current);
  }
  const fixed: FixedFile[] = [];
  for (const [file, original] of originals) {
    const now = [current.question, ...current.experts].find((candidate) => candidate.path === file)!;
    const [before, after] = [original, now].map((raw) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(raw.bytes));
    if (before === after) continue;
    if (!options.dryRun) await writeInPlace(path.resolve(options.cwd, file), now.bytes!);
    fixed.push({ path: file, before: before!, after: after!, fixed: counts.get(file)! });
  }
  return { ...outcome, fixed };
}

/**
 * Apply edits to a file's bytes. Edits count in the text as roundup reads it
 * (BOM removed, `\r\n` read as `\n`), so their offsets are mapped back onto
 * the file as written, whose BOM and line endings are kept. Edits are applied
 * in order; one that overlaps an edit already taken is left for the next pass.
 */
export function applyEdits(bytes: Uint8Array, edits: readonly Edit[]): { bytes: Uint8Array; applied: number } {
  const written = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const offsets = readOffsets(written);
  const taken: Edit[] = [];
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    const last = taken.at(-1);
    // Two edits at one place would depend on their order: the second waits for the next pass.
    if (last && (edit.range[0] < last.range[1] || edit.range[0] === last.range[0])) continue;
    taken.push(edit);
  }
  const newline = written.includes('\r\n') ? '\r\n' : '\n';
  let text = written;
  for (const edit of taken.toReversed()) {
    const [start, end] = edit.range.map((offset) => offsets[Math.min(offset, offsets.length - 1)]!) as [number, number];
    text = text.slice(0, start) + edit.text.replaceAll('\n', newline) + text.slice(end);
  }
  return { bytes: new TextEncoder().encode(text), applied: taken.length };
}

/** For each offset in the text as roundup reads it, the offset in the text as written (one past the end included). */
function readOffsets(written: string): number[] {
  const offsets: number[] = [];
  let index = written.startsWith('\uFEFF') ? 1 : 0;
  while (index < written.length) {
    offsets.push(index);
    index += written[index] === '\r' && written[index + 1] === '\n' ? 2 : 1;
  }
  offsets.push(written.length);
  return offsets;
}

/** Replace the file a path names (through a link, if it is one) atomically, keeping its permissions. */
async function writeInPlace(file: string, bytes: Uint8Array) {
  const target = await realpath(file);
  const { mode } = await stat(target);
  await writeFileAtomic(target, bytes, { mode: mode & 0o7777 });
}
