import path from 'node:path';

/** Whether `target` is `folder` or lies below it (both absolute). */
export function isWithin(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
