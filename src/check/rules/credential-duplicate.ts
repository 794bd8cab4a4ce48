import { credentialKey } from '../../data/credential-registry.js';
import type { Rule } from '../rule.js';

export const credentialDuplicate: Rule = {
  id: 'credential-duplicate',
  severity: 'warning',
  description: 'The same credential listed twice for one expert (`PhD, Ph.D.`).',
  check({ experts }, report) {
    for (const expert of experts) {
      const seen = new Map<unknown, string>();
      for (const credential of expert.credentials) {
        const identity = credential.entries[0] ?? credentialKey(credential.text);
        const first = seen.get(identity);
        if (first === undefined) {
          seen.set(identity, credential.text);
          continue;
        }
        report({
          file: expert.file,
          span: credential.span,
          reason: `Unexpected second \`${credential.text}\` (the same credential as \`${first}\`), expected each credential once`,
          note: `Remove \`${credential.text}\`.`,
          actual: credential.text,
        });
      }
    }
  },
};
