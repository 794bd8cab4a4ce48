/**
 * The candidates close enough to `value` to be a typo of it: those at the
 * smallest edit distance found, within `maxDistance` (default: a third of the
 * length, at least 1). Case is ignored.
 */
export function didYouMean(value: string, candidates: Iterable<string>, maxDistance?: number): string[] {
  const needle = value.toLowerCase();
  const limit = maxDistance ?? Math.max(1, Math.floor(needle.length / 3));
  let best = Infinity;
  let found: string[] = [];
  for (const candidate of new Set(candidates)) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance > limit || distance > best) continue;
    if (distance < best) {
      best = distance;
      found = [];
    }
    found.push(candidate);
  }
  return found.sort((a, b) => a.localeCompare(b));
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and
 * swaps of two neighbours each cost 1, so `LCMCH` is one edit from `LCMHC`.
 */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const d = Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
