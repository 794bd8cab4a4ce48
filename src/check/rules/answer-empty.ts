import type { Rule } from '../rule.js';

export const answerEmpty: Rule = {
  id: 'answer-empty',
  severity: 'error',
  description: 'An expert file with no answer after its front matter.',
  check({ experts }, report) {
    for (const expert of experts) {
      if (expert.model.answer.words > 0) continue;
      report({
        file: expert.file,
        span: { start: expert.answerOffset, end: expert.answerOffset },
        reason: 'Missing answer, expected the expert’s answer in Markdown after the front matter',
        note: 'Write the answer below the closing `---`, or remove the file.',
      });
    }
  },
};
