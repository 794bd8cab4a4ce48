import type { CredentialEntry } from '../../data/credential-registry.js';
import type { CredentialView, ExpertView, Rule } from '../rule.js';

/**
 * The known abbreviations a typo most likely stands for: the nearest ones, and
 * among those the ones in the fields of the expert's other credentials. All
 * that remain tied are returned, so the editor is never steered to one guess.
 */
function suggestions(near: CredentialEntry[][], expert: ExpertView, credential: CredentialView): string[] {
  const fields = new Set(
    expert.credentials
      .filter((other) => other !== credential)
      .flatMap((other) => (other.entry ? other.entry.professions : []))
      .filter((profession) => profession !== 'any'),
  );
  const inField = near.filter((entries) => entries.some((entry) => entry.professions.some((profession) => fields.has(profession))));
  return [...new Set((inField.length > 0 ? inField : near).map((entries) => entries[0]!.abbr))];
}

/** More tied candidates than this and the credential is reported as not in the registry, with no guess. */
const MAX_SUGGESTIONS = 2;

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
        const near = suggestions(credentials.nearest(credential.text), expert, credential);
        // Many equally near credentials say the letters are no typo of any one of them, just rare.
        if (near.length === 0 || near.length > MAX_SUGGESTIONS) {
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
