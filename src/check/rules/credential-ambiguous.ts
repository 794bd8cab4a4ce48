import { credentialKey } from '../../data/credential-registry.js';
import type { Rule } from '../rule.js';

export const credentialAmbiguous: Rule = {
  id: 'credential-ambiguous',
  severity: 'info',
  description: 'An abbreviation with several established expansions (CHPC): the editor confirms which one is meant.',
  check({ experts, settings }, report) {
    for (const expert of experts) {
      for (const credential of expert.credentials) {
        const candidates = credential.entries[0]?.candidates ?? [];
        if (candidates.length < 2 || settings.expansions.has(credentialKey(credential.text))) continue;
        const meanings = candidates.map((candidate) => candidate.expansion);
        report({
          file: expert.file,
          span: credential.span,
          reason: `Unexpected ambiguous credential \`${credential.text}\`, expected one meaning: ${meanings.map((meaning) => `“${meaning}”`).join(' or ')}`,
          note: `Confirm with the expert, then set \`credentials.expansions: {${credential.text}: …}\` in roundup.config.yaml.`,
          actual: credential.text,
          expected: meanings,
        });
      }
    }
  },
};
