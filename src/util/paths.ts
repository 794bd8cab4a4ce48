import path from 'node:path';

/** Whether `target` is `folder` or lies below it (both absolute). */
export function isWithin(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** `target`'s path below `folder` as a relative URL (`/` separators, each part percent-encoded); undefined when it is not below it. */
export function relativeUrlPath(folder: string, target: string): string | undefined {
  const relative = path.relative(folder, target);
  if (relative === '' || !isWithin(folder, target)) return undefined;
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}
