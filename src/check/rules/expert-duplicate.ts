import type { Rule } from '../rule.js';

/** One key per person: case, accents, punctuation, quoted nicknames and honorifics do not make another person. */
const personKey = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘“"][^’”"]*[’”"]/g, ' ')
    .replace(/\b(dr|mr|mrs|ms|mx|prof)\b\.?/gi, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();

export const expertDuplicate: Rule = {
  id: 'expert-duplicate',
  severity: 'error',
  description: 'Two expert files for the same person.',
  check({ experts }, report) {
    const seen = new Map<string, (typeof experts)[number]>();
    for (const expert of experts) {
      const key = personKey(expert.model.name);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, expert);
        continue;
      }
      report({
        file: expert.file,
        span: expert.places.value(['name']),
        reason: `Unexpected second file for \`${expert.model.name}\` (also \`${first.file.path}\`), expected one file per expert`,
        note: `Merge the two answers into one file and delete the other.`,
        actual: expert.model.name,
        related: { file: first.file, span: first.places.value(['name']) },
      });
    }
  },
};
