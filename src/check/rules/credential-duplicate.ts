import { credentialKey } from '../../data/credential-registry.js';
import type { Change } from '../../load/yaml-fix.js';
import type { CredentialView, Rule } from '../rule.js';

/** A list item goes with its separator or line; in the printed form, from the end of the credential before it (`, Ph.D.`). */
function removal(credentials: readonly CredentialView[], index: number): Change[] | undefined {
  const credential = credentials[index]!;
  const before = credentials[index - 1];
  if (!credential.path || !before?.path) return undefined;
  if (credential.path.length > 1) return [{ path: credential.path, remove: true }];
  return [{ path: credential.path, span: { start: before.span.end, end: credential.span.end }, text: '' }];
}

export const credentialDuplicate: Rule = {
  id: 'credential-duplicate',
  severity: 'warning',
  description: 'The same credential listed twice for one expert (`PhD, Ph.D.`).',
  check({ experts }, report) {
    for (const expert of experts) {
      const seen = new Map<unknown, string>();
      for (const [index, credential] of expert.credentials.entries()) {
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
          fix: removal(expert.credentials, index),
        });
      }
    }
  },
};
