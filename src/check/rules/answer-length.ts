import type { Rule } from '../rule.js';

export const answerLength: Rule = {
  id: 'answer-length',
  severity: 'warning',
  description:
    'An answer longer than its word budget (`maxWords` in the expert file, else `--max-words`, else `condense.maxWords` in question.yaml).',
  check({ experts, settings }, report) {
    if (settings.condense === 'apply') return;
    for (const expert of experts) {
      const budget = settings.budgets.get(expert.id);
      const words = expert.model.answer.words;
      if (budget === undefined || words <= budget) continue;
      const source = expert.input.maxWords !== undefined ? '`maxWords`' : 'the word budget';
      report({
        file: expert.file,
        span: { start: expert.answerOffset, end: expert.answerOffset },
        reason: `Unexpected answer of ${words} words, expected at most ${budget} (${source})`,
        note: `Cut ${words - budget} words, raise the budget, or build with \`--condense apply\` to keep whole sentences within it.`,
        actual: String(words),
        expected: [String(budget)],
      });
    }
  },
};
