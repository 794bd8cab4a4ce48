import { distinctMeanings } from '../../data/credential-meaning.js';
import { credentialKey } from '../../data/credential-registry.js';
import type { Rule } from '../rule.js';

export const credentialAmbiguous: Rule = {
  id: 'credential-ambiguous',
  severity: 'info',
  description:
    'Letters with several established meanings (CHPC) that the expert’s other credentials, role and country do not settle: the editor confirms which one is meant.',
  check({ experts, settings }, report) {
    for (const expert of experts) {
      for (const credential of expert.credentials) {
        if (credential.entry || settings.expansions.has(credentialKey(credential.text))) continue;
        const meanings = distinctMeanings(credential.entries).map((entry) => entry.expansion);
        if (meanings.length < 2) continue;
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
