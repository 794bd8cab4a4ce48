import path from 'node:path';

/** A picture's `src` as written, as a path inside the roundup folder (`images/jane.jpg`), posix-style. */
export const imageKey = (src: string) => path.posix.normalize(src.replace(/\\/g, '/')).replace(/^\.\//, '');
