import { removeTemporaryFiles } from './write.js';

/** What a run must do if the process is interrupted now: save the cache, sweep its workers' temporary files. */
const hooks = new Set<() => void>();

/** Register work for an interrupt while a run is going; the returned function unregisters it. */
export function onInterrupt(hook: () => void): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/**
 * On SIGINT, SIGTERM or SIGHUP (the launcher calls this, then exits): remove
 * the temporary files of writes in progress, whose targets keep their previous
 * contents, then run the hooks. Synchronous: the process ends right after.
 */
export function handleInterrupt(): void {
  removeTemporaryFiles();
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // An interrupt is no time to fail: what a hook could not do, the next build redoes.
    }
  }
}
