import { type Dirent, lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isWithin } from '../util/paths.js';
import { readRawFile, type RawFile, type ReadOptions } from './read.js';

export const QUESTION_FILE = 'question.yaml';
const EXPERTS_DIR = 'experts';

/** A roundup's input files as bytes: everything roundup reads of it, hashed for the cache and decoded to load it. */
export interface RoundupSnapshot {
  dir: string;
  question: RawFile;
  experts: RawFile[];
  /** Files in `experts/` that look like Markdown but do not end in `.md` (`Jane.MD`, `jane.markdown`): left out, and said so. */
  misnamed: string[];
  /** Why `experts/` could not be listed (`EACCES`), when it exists but cannot be read. */
  expertsUnreadable?: string;
  /** Image files in the roundup folder (an `image:` or `photo:` names them by path), read so that a changed picture rebuilds. */
  images: RawFile[];
  /** Every folder listed to find these files: a file added to or removed from one changes its mtime. */
  folders: string[];
}

/** The pictures roundup publishes: raster formats every browser shows. */
export const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif']);
/** Where a roundup's pictures live, besides its own folder and `experts/`; outputs (`dist/`) are never read back as pictures. */
export const IMAGE_FOLDERS = ['images', 'img', 'assets', 'photos'];

/** A picture may be larger than a text file, but not without bound. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * Read a roundup folder's files: `question.yaml` and every `experts/*.md`,
 * refusing links that lead outside it. Only symbolic links are resolved:
 * a plain file in the folder is inside it by definition.
 */
export async function snapshotRoundup(dir: string, options: ReadOptions): Promise<RoundupSnapshot> {
  // Resolved only when a link turns up: most roundups have none, and realpath costs a call per path component.
  let root: string | undefined;
  const inside = (file: string) => {
    try {
      root ??= realpathSync(path.resolve(options.cwd, dir));
      return isWithin(root, realpathSync(path.resolve(options.cwd, file)));
    } catch {
      return true; // Missing: reading it reports it.
    }
  };
  // A link is read only when it leads inside the roundup; a plain file is opened without following links.
  const read = (file: string, link: boolean): RawFile => {
    if (link) return inside(file) ? readRawFile(file, options) : refusedLink(file);
    const raw = readRawFile(file, { ...options, noFollow: true });
    return raw.refused?.reason.endsWith('ELOOP') ? read(file, true) : raw;
  };
  const question = read(path.join(dir, QUESTION_FILE), false);
  const expertsDir = path.join(dir, EXPERTS_DIR);
  // The experts folder itself may be a link out of the roundup: then every file in it counts as a link.
  const expertsLinked =
    lstatSync(path.resolve(options.cwd, expertsDir), { throwIfNoEntry: false })?.isSymbolicLink() === true && !inside(expertsDir);
  // Not only regular files: a `.md` that is a pipe or a device is read and refused with a message, never skipped.
  let expertsUnreadable: string | undefined;
  const expertsEntries = readdirSafe(path.resolve(options.cwd, expertsDir), (code) => (expertsUnreadable = code));
  const listed = expertsEntries.filter((entry) => !entry.name.startsWith('.') && !entry.isDirectory());
  const entries = listed.filter((entry) => entry.name.endsWith('.md')).sort((a, b) => compareCodePoints(a.name, b.name));
  const misnamed = listed
    .filter((entry) => !entry.name.endsWith('.md') && /\.(md|markdown|mdown|mkd)$/i.test(entry.name))
    .map((entry) => path.join(expertsDir, entry.name))
    .sort(compareCodePoints);
  const experts = entries.map((entry) => read(path.join(expertsDir, entry.name), expertsLinked || entry.isSymbolicLink()));
  const listedFolders = new Set(['', EXPERTS_DIR]);
  const images = findImages(path.resolve(options.cwd, dir), '', 0, expertsEntries, listedFolders).map((relative) => {
    const file = path.join(dir, relative);
    const linked = relative
      .split(path.sep)
      .some((_, index, parts) =>
        lstatSync(path.resolve(options.cwd, dir, ...parts.slice(0, index + 1)), { throwIfNoEntry: false })?.isSymbolicLink(),
      );
    return linked
      ? inside(file)
        ? readRawFile(file, { ...options, maxBytes: MAX_IMAGE_BYTES })
        : refusedLink(file)
      : readRawFile(file, { ...options, maxBytes: MAX_IMAGE_BYTES, noFollow: true });
  });
  const folders = [...listedFolders].map((relative) => path.join(dir, relative));
  return { dir, question, experts, misnamed, expertsUnreadable, images, folders };
}

/**
 * Image files in the roundup folder itself, in `experts/` and in the picture
 * folders (up to three levels below those), in a stable order; hidden entries
 * are skipped.
 */
function findImages(root: string, relative: string, depth: number, expertsEntries: Dirent[], listed: Set<string>): string[] {
  if (depth > 3) return [];
  listed.add(relative);
  // `experts/` was listed already, for the expert files.
  return (relative === EXPERTS_DIR ? expertsEntries : readdirSafe(path.join(root, relative)))
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => compareCodePoints(a.name, b.name))
    .flatMap((entry) => {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory())
        return depth > 0 || [...IMAGE_FOLDERS, EXPERTS_DIR].includes(entry.name)
          ? findImages(root, child, depth + 1, expertsEntries, listed)
          : [];
      return IMAGE_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) ? [child] : [];
    });
}

/** A file that links outside the roundup is never read: a committed `experts/jane.md -> ~/.npmrc` must not be published. */
function refusedLink(file: string): RawFile {
  return {
    path: file,
    refused: {
      ruleId: 'symlink-outside',
      reason: 'Unexpected symbolic link to a file outside the roundup folder, expected a file inside it',
      note: 'Copy the file into the roundup instead of linking to it; roundup never publishes files from elsewhere.',
    },
  };
}

/** A folder's entries; one that is missing has none, one that cannot be read is said (`onError`) rather than hidden. */
function readdirSafe(dir: string, onError?: (code: string) => void) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code !== 'ENOENT') onError?.(code);
    return [];
  }
}

/** Locale-independent, so the default expert order is the same on every machine. */
export const compareCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
