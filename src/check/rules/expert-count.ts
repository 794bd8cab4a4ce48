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

/*
 * Who is counted: the words titles use for the people answering ("5 Answers",
 * "Six Top Dermatologists", "A dozen counselors"). A counted noun must name
 * people or their answers, so "10 Tips" and "3 Mistakes" are never read.
 */
const PEOPLE =
  'answers|responses|takes|voices|opinions|perspectives|views|experts|pros|professionals|specialists|clinicians|practitioners|' +
  'therapists|counsell?ors|doctors|physicians|nurses|dietitians|nutritionists|pharmacists|dentists|trainers|coaches|' +
  'psychiatrists|surgeons|psychotherapists|orthodontists|podiatrists|chiropractors|optometrists|[a-z]+ologists|[a-z]+icians';
const SINGULAR =
  'answer|response|take|voice|opinion|perspective|view|expert|pro|professional|specialist|clinician|practitioner|' +
  'therapist|counsell?or|doctor|physician|nurse|dietitian|nutritionist|pharmacist|dentist|trainer|coach|' +
  'psychiatrist|surgeon|psychotherapist|orthodontist|podiatrist|chiropractor|optometrist|[a-z]+ologist|[a-z]+ician';
const COUNT = new RegExp(
  `\\b(\\d+|${NUMBER_WORDS.join('|')}|an? dozen)\\s+((?:(?:top|leading|real|expert|licensed|certified|board-certified|top-rated|different)\\s+){0,2})(${PEOPLE}|${SINGULAR})\\b`,
  'gi',
);

const valueOf = (number: string) =>
  /^\d+$/.test(number) ? Number(number) : /dozen/i.test(number) ? 12 : NUMBER_WORDS.indexOf(number.toLowerCase());

/** Write `count` the way `like` was written: digits, or a word with the same capitalisation. */
function writeLike(like: string, count: number): string {
  if (/^\d+$/.test(like) || count > 20) return String(count);
  const word = NUMBER_WORDS[count]!;
  return /^[A-Z]/.test(like) ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** The noun in the number it now counts: "Experts" for several, "Expert" for one. */
function agree(noun: string, count: number): string {
  const plural = /s$/i.test(noun);
  if (count === 1 && plural) return noun.replace(/es$/i, (ending) => (/(ches|sses)$/i.test(noun) ? '' : ending)).replace(/s$/i, '');
  if (count !== 1 && !plural) return /(ch|ss)$/i.test(noun) ? `${noun}es` : `${noun}s`;
  return noun;
}

export const expertCount: Rule = {
  id: 'expert-count',
  severity: 'warning',
  description:
    'A number of experts or answers in the title or column name (“5 Answers”, “Six Dermatologists”, “A dozen counselors”) that differs from the number of experts.',
  check({ roundup, question }, report) {
    const count = roundup.experts.length;
    const fields = [['title'], ['column', 'name']] as const;
    for (const path of fields) {
      const span = question.places.exact(path);
      if (!span) continue;
      const source = String(question.file.value).slice(span.start, span.end);
      for (const match of source.matchAll(COUNT)) {
        const [phrase, number, between, noun] = match as unknown as [string, string, string, string];
        if (valueOf(number) === count) continue;
        const fixed = `${writeLike(/dozen/i.test(number) ? 'twelve' : number, count)} ${between}${agree(noun, count)}`;
        const start = span.start + match.index;
        report({
          file: question.file,
          span: { start, end: start + phrase.length },
          reason: `Unexpected \`${phrase}\` in \`${path.join('.')}\` over ${count} ${count === 1 ? 'expert' : 'experts'}, expected \`${fixed}\``,
          note: `Write \`${fixed}\`, or add or remove experts to match.`,
          actual: phrase,
          expected: [fixed],
          fix: [{ path, span: { start, end: start + phrase.length }, text: fixed }],
        });
      }
    }
  },
};
