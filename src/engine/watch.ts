import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface WatchOptions {
  cwd: string;
  /** The output folder: files written directly in it are the build's own, never inputs. */
  outDir?: string;
  /** Folders whose changes are never inputs (the cache). */
  ignore?: readonly string[];
  delayMs?: number;
  /** A watched folder disappeared (moved, removed): the watch waits for it to return. */
  onGone?: (given: string) => void;
}

/** Files in the output folder that are inputs all the same: a config or ignore file beside the roundups. */
const INPUT_NAMES = new Set(['roundup.config.yaml', '.roundupignore']);

/**
 * Call `onChange` (debounced) whenever an input below `paths` changes. A
 * path that names a file (`R/question.yaml`, `R/experts/jane.md`) watches its
 * whole roundup. A folder that disappears is waited for and watched again
 * when it returns, which counts as a change. Returns a function that stops
 * watching.
 */
export function watchFiles(paths: readonly string[], options: WatchOptions, onChange: () => void): () => void {
  const ignored = (options.ignore ?? []).map((dir) => path.resolve(options.cwd, dir));
  const outDir = options.outDir && path.resolve(options.cwd, options.outDir);
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, options.delayMs ?? 100);
  };
  const isInput = (file: string) =>
    !ignored.some((dir) => file === dir || file.startsWith(dir + path.sep)) &&
    !file.includes(`${path.sep}node_modules${path.sep}`) &&
    // Outputs land directly in the output folder; `--out .` must not hide the roundups below it.
    !(outDir && (file === outDir || (path.dirname(file) === outDir && !INPUT_NAMES.has(path.basename(file)))));

  const stops = paths.map((given) => {
    const root = roundupFolderOf(path.resolve(options.cwd, given));
    let watcher: FSWatcher | undefined;
    let poll: NodeJS.Timeout | undefined;
    const start = () => {
      watcher = watch(root, { recursive: true }, (_, name) => {
        if (!existsSync(root)) return gone();
        if (isInput(name ? path.resolve(root, name.toString()) : root)) changed();
      });
      watcher.on('error', () => gone());
    };
    const gone = () => {
      if (poll) return;
      watcher?.close();
      options.onGone?.(given);
      // Polled, not watched: the folder may come back by a rename from anywhere. The timer keeps the process alive.
      poll = setInterval(() => {
        if (!existsSync(root)) return;
        clearInterval(poll);
        poll = undefined;
        start();
        changed();
      }, 250);
    };
    start();
    return () => {
      clearInterval(poll);
      watcher?.close();
    };
  });
  return () => {
    clearTimeout(timer);
    for (const stop of stops) stop();
  };
}

/** The folder to watch for a path given to build: a folder itself, or the roundup of a file in it. */
function roundupFolderOf(given: string): string {
  if (statSync(given, { throwIfNoEntry: false })?.isDirectory() !== false) return given;
  const folder = path.dirname(given);
  return path.basename(folder) === 'experts' ? path.dirname(folder) : folder;
}
