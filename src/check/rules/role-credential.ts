import { PROTECTED_TITLES } from '../../data/protected-titles.js';
import type { Rule } from '../rule.js';

export const roleCredential: Rule = {
  id: 'role-credential',
  severity: 'info',
  description:
    'A role that uses a protected professional title (psychologist, social worker, …) that none of the expert’s credentials supports.',
  check({ experts }, report) {
    for (const expert of experts) {
      const role = expert.model.role;
      if (!role) continue;
      const held = new Set(expert.credentials.flatMap((credential) => credential.entries.map((entry) => entry.abbr)));
      for (const title of PROTECTED_TITLES) {
        if (!title.pattern.test(role) || [...held].some((abbr) => title.supportedBy.has(abbr))) continue;
        const credentials = expert.model.credentials.length > 0 ? expert.model.credentials.join(', ') : 'none';
        report({
          file: expert.file,
          span: expert.places.value(['role']),
          reason: `Unexpected role \`${role}\` for credentials ${credentials}, expected ${title.expected} for the protected title “${title.title}”`,
          note: 'Confirm the title with the expert: keep it if they hold a credential that allows it (and add that credential), or describe the work without the protected title.',
          actual: role,
        });
        break;
      }
    }
  },
};
