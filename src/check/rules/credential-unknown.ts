import type { Rule } from '../rule.js';

export const credentialUnknown: Rule = {
  id: 'credential-unknown',
  severity: 'warning',
  description: 'A credential that is neither in the registry nor in the project’s own list.',
  check({ experts, credentials }, report) {
    for (const expert of experts) {
      for (const credential of expert.credentials) {
        if (credential.entries.length > 0) continue;
        const near = credentials.nearest(credential.text);
        report({
          file: expert.file,
          span: credential.span,
          reason: `Unexpected unknown credential \`${credential.text}\`${near[0] ? `, did you mean \`${near[0]}\`?` : ', expected one in the registry'}`,
          note: near[0]
            ? `Write \`${near[0]}\` if that is what the expert holds; otherwise add \`${credential.text}\` to \`credentials.extra\` in roundup.config.yaml.`
            : `Check the spelling, or add \`${credential.text}\` to \`credentials.extra\` in roundup.config.yaml.`,
          actual: credential.text,
          expected: near,
        });
      }
    }
  },
};
