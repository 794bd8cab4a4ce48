import { accessSync, constants, lstatSync, realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { IMAGE_FOLDERS, QUESTION_FILE } from '../load/snapshot.js';
import { UsageError } from '../util/errors.js';
import { environmentProblem } from './environment.js';

/** The folders of a roundup that hold its inputs: the expert files and the pictures. */
const INPUT_FOLDERS = ['experts', ...IMAGE_FOLDERS];

/**
 * Inputs are never outputs: `--out R` or `--out R/experts` would write over
 * the files it reads (`R/experts/<slug>.md`). A `dist/` inside a roundup
 * folder holds no input, so `roundup build .` there stays allowed.
 */
export function refuseOutputInsideInput(outDir: string, dirs: readonly string[], cwd: string): void {
  const out = realPath(outDir);
  // The kernel's own file systems: Node's recursive mkdir spins forever under /proc.
  if (/^\/(proc|sys|dev)(\/|$)/.test(out))
    throw new UsageError(`--out ${outDir}: a system folder (/proc, /sys, /dev) cannot hold outputs; choose another folder`);
  // Only a few folders could be such a roundup: `out` itself, and the parent of each input folder on its path.
  // Unless one of them is a roundup folder, no roundup needs its real path resolved (a dozen calls each).
  const suspects = new Set<string>();
  for (let folder = out; ; folder = path.dirname(folder)) {
    if (folder === out) suspects.add(folder);
    if (INPUT_FOLDERS.includes(path.basename(folder))) suspects.add(path.dirname(folder));
    if (path.dirname(folder) === folder) break;
  }
  const roundups = [...suspects].filter((folder) => isRoundupFolder(folder));
  if (roundups.length === 0) return;
  for (const dir of dirs) {
    if (roundups.includes(realPath(path.resolve(cwd, dir)))) {
      throw new UsageError(
        `--out ${path.relative(cwd, outDir) || '.'} is inside the roundup ${dir}, whose files it would overwrite; write to a folder outside it`,
      );
    }
  }
}

/** Whether the folder holds a question.yaml (of any kind: discovery counts the name); false for a path through a file. */
function isRoundupFolder(folder: string): boolean {
  try {
    return lstatSync(path.join(folder, QUESTION_FILE), { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/**
 * The output folder, checked once before any roundup: a folder that cannot be
 * written is one clear error (exit 2), not one per roundup. Nothing is
 * created here, so a build that writes nothing leaves no empty folder.
 */
export function checkOutputFolder(outDir: string): void {
  // The folder, or the nearest existing folder it would be made in, must be a writable folder.
  const { existing, stats } = nearestExisting(outDir);
  try {
    if (!stats.isDirectory()) throw Object.assign(new Error('not a folder'), { code: existing === outDir ? 'EEXIST' : 'ENOTDIR' });
    accessSync(existing, constants.W_OK);
  } catch (error) {
    throw new UsageError(
      `cannot write to the output folder ${outDir}: ${environmentProblem(error) ?? (error as Error).message}; choose another --out`,
    );
  }
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor's, with the rest joined on. */
function realPath(target: string): string {
  const { existing } = nearestExisting(target);
  return path.join(realpathSync(existing), path.relative(existing, target));
}

/** The target, or its nearest ancestor that exists (a file in the path stops the walk there: ENOTDIR below it). */
function nearestExisting(target: string): { existing: string; stats: Stats } {
  let existing = path.resolve(target);
  for (;;) {
    try {
      return { existing, stats: statSync(existing) };
    } catch {
      existing = path.dirname(existing);
    }
  }
}
