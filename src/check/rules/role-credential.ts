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
      // An article that prints no credentials at all ("a psychologist in Denver") makes no claim to check.
      if (!role || expert.credentials.length === 0) continue;
      const held = expert.credentials.flatMap((credential) => (credential.entry ? [credential.entry] : credential.entries));
      for (const title of PROTECTED_TITLES) {
        if (!title.pattern.test(role)) continue;
        if (held.some((entry) => title.supportedBy.has(entry.abbr) || entry.professions.some((field) => title.fields.has(field)))) continue;
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
