/** Write a deterministic tree of `count` roundups under `root` (see generate.mjs); `findings` gives it realistic warnings and infos. */
export function generateTree(root: string, count: number, seed?: number, options?: { findings?: boolean }): void;
