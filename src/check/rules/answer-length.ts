import type { Rule } from '../rule.js';

export const answerLength: Rule = {
  id: 'answer-length',
  severity: 'warning',
  description: 'An answer longer than its word budget (`maxWords` in the expert file, else `condense.maxWords` in question.yaml).',
  check({ experts, question }, report) {
    for (const expert of experts) {
      const budget = expert.input.maxWords ?? question.value?.condense?.maxWords;
      const words = expert.model.answer.words;
      if (budget === undefined || words <= budget) continue;
      const source = expert.input.maxWords !== undefined ? '`maxWords`' : '`condense.maxWords` in question.yaml';
      report({
        file: expert.file,
        span: { start: expert.bodyOffset, end: expert.bodyOffset },
        reason: `Unexpected answer of ${words} words, expected at most ${budget} (${source})`,
        note: `Cut ${words - budget} words, or raise the budget.`,
        actual: String(words),
        expected: [String(budget)],
      });
    }
  },
};
