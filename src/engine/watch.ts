import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Call `onChange` (debounced) whenever a file below `paths` changes, except in
 * the folders `ignore` names (the output and cache folders, which a rebuild
 * itself writes). Returns a function that stops watching.
 */
export function watchFiles(
  paths: readonly string[],
  options: { cwd: string; ignore?: readonly string[]; delayMs?: number },
  onChange: () => void,
): () => void {
  const ignored = (options.ignore ?? []).map((dir) => path.resolve(options.cwd, dir));
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = paths.map((given) => {
    const root = path.resolve(options.cwd, given);
    return watch(root, { recursive: true }, (_, name) => {
      const changed = name ? path.resolve(root, name.toString()) : root;
      if (
        ignored.some((dir) => changed === dir || changed.startsWith(dir + path.sep)) ||
        changed.includes(`${path.sep}node_modules${path.sep}`)
      )
        return;
      clearTimeout(timer);
      timer = setTimeout(onChange, options.delayMs ?? 100);
    });
  });
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
