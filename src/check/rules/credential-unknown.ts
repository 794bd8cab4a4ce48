import { suggestCredentials } from '../../data/credential-meaning.js';
import type { Rule } from '../rule.js';

/** A title written among the post-nominals. */
const HONORIFIC = /^(dr|prof|mr|mrs|ms|mx|rev|sir|dame)\.?$/i;

const list = (abbrs: string[]) => abbrs.map((abbr) => `\`${abbr}\``).join(' or ');

export const credentialUnknown: Rule = {
  id: 'credential-unknown',
  severity: 'warning',
  description:
    'A credential that is not in the registry nor the project’s own list: a warning when it is one typo from known ones (which it names), an info otherwise.',
  check({ experts, credentials }, report) {
    for (const expert of experts) {
      for (const credential of expert.credentials) {
        if (credential.entries.length > 0) continue;
        if (HONORIFIC.test(credential.text)) {
          report({
            file: expert.file,
            span: credential.span,
            reason: `Unexpected honorific \`${credential.text}\` in \`credentials\`, expected post-nominals only`,
            note: `Remove \`${credential.text}\` from the credentials; a title such as Dr. goes before the name, if the house style prints it.`,
            actual: credential.text,
            expected: [],
          });
          continue;
        }
        const fields = new Set(
          expert.credentials
            .flatMap((other) => (other !== credential && other.entry ? other.entry.professions : []))
            .filter((field) => field !== 'any'),
        );
        const near = suggestCredentials(credential.text, credentials, fields);
        if (near.length === 0) {
          report({
            file: expert.file,
            span: credential.span,
            severity: 'info',
            reason: `Unexpected credential \`${credential.text}\`, not in the registry`,
            note: `Check it with the expert, or add \`${credential.text}\` to \`credentials.extra\` in roundup.config.yaml.`,
            actual: credential.text,
            expected: [],
          });
          continue;
        }
        report({
          file: expert.file,
          span: credential.span,
          reason: `Unexpected unknown credential \`${credential.text}\`, did you mean ${list(near)}?`,
          note: `Write ${list(near)} if that is what the expert holds; otherwise add \`${credential.text}\` to \`credentials.extra\` in roundup.config.yaml.`,
          actual: credential.text,
          expected: near,
        });
      }
    }
  },
};
