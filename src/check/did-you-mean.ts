import leven from 'leven';

/** The candidates close enough to `value` to be a typo of it, nearest first. */
export function didYouMean(value: string, candidates: Iterable<string>, maxDistance?: number): string[] {
  const needle = value.toLowerCase();
  const limit = maxDistance ?? Math.max(1, Math.floor(needle.length / 3));
  return [...candidates]
    .map((candidate) => ({ candidate, distance: leven(needle, candidate.toLowerCase()) }))
    .filter(({ distance }) => distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .map(({ candidate }) => candidate);
}
