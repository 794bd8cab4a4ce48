import type { Rule } from '../rule.js';

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const COUNT = new RegExp(
  `\\b(\\d+|${NUMBER_WORDS.join('|')})\\s+(answers|experts|pros|professionals|responses|takes|voices|opinions|perspectives|views|therapists|doctors|clinicians|specialists)\\b`,
  'gi',
);

const valueOf = (number: string) => (/^\d+$/.test(number) ? Number(number) : NUMBER_WORDS.indexOf(number.toLowerCase()));

/** Write `count` the way `like` was written: digits, or a word with the same capitalisation. */
function writeLike(like: string, count: number): string {
  if (/^\d+$/.test(like) || count > 20) return String(count);
  const word = NUMBER_WORDS[count]!;
  return /^[A-Z]/.test(like) ? word[0]!.toUpperCase() + word.slice(1) : word;
}

export const expertCount: Rule = {
  id: 'expert-count',
  severity: 'warning',
  description: 'A number of answers or experts in the title or column name (“5 Answers”) that differs from the number of experts.',
  check({ roundup, question }, report) {
    const count = roundup.experts.length;
    const fields = [['title'], ['column', 'name']] as const;
    for (const path of fields) {
      const span = question.places.exact(path);
      if (!span) continue;
      const source = String(question.file.value).slice(span.start, span.end);
      for (const match of source.matchAll(COUNT)) {
        const [phrase, number, noun] = match as unknown as [string, string, string];
        if (valueOf(number) === count) continue;
        const fixed = `${writeLike(number, count)} ${noun}`;
        const start = span.start + match.index;
        report({
          file: question.file,
          span: { start, end: start + phrase.length },
          reason: `Unexpected \`${phrase}\` in \`${path.join('.')}\` over ${count} experts, expected \`${fixed}\``,
          note: `Write \`${fixed}\`, or add or remove experts to match.`,
          actual: phrase,
          expected: [fixed],
        });
      }
    }
  },
};
