import { type CredentialEntry, KIND_RANK } from '../../data/credential-registry.js';
import type { Change } from '../../load/yaml-fix.js';
import type { CredentialView, Rule } from '../rule.js';

/*
 * The APTA asks physical therapists to print the PT (PTA) designation before
 * their degrees ("PT, DPT, OCS"), so those licenses rank first.
 */
const rankOf = (entry: CredentialEntry) =>
  entry.kind === 'state-license' && entry.professions.includes('physical-therapist') ? -1 : KIND_RANK[entry.kind];

/** Finance, accounting, law and business designations follow no published order, so they keep their place. */
const UNORDERED = new Set(['financial-planner', 'accountant', 'business', 'lawyer', 'human-resources']);

// An ambiguous credential whose meanings are all of one rank still has that rank.
const rank = (credential: CredentialView) => {
  const meanings = credential.entry ? [credential.entry] : credential.entries;
  if (meanings.some((entry) => entry.professions.some((profession) => UNORDERED.has(profession)))) return undefined;
  const ranks = new Set(meanings.map(rankOf));
  return ranks.size === 1 ? [...ranks][0] : undefined;
};

/**
 * Each list item takes the text of the credential that belongs in its place;
 * in the printed form, the credentials are rewritten in order with the
 * separators between them kept as written.
 */
function reorder(written: readonly CredentialView[], order: readonly CredentialView[], source: string): Change[] | undefined {
  if (written.some((credential) => !credential.path)) return undefined;
  if (written[0]!.path!.length > 1) {
    return written.flatMap((credential, index) =>
      credential === order[index] ? [] : [{ path: credential.path!, span: credential.span, text: order[index]!.text }],
    );
  }
  const separators = written.slice(1).map((credential, index) => source.slice(written[index]!.span.end, credential.span.start));
  // A separator with a quote or an escape in it would read differently once re-encoded.
  if (separators.some((separator) => /['"\\]/.test(separator))) return undefined;
  const text = order.map((credential, index) => (index > 0 ? separators[index - 1] : '') + credential.text).join('');
  return [{ path: written[0]!.path!, span: { start: written[0]!.span.start, end: written.at(-1)!.span.end }, text }];
}

export const credentialOrder: Rule = {
  id: 'credential-order',
  severity: 'info',
  description: 'Credentials out of the conventional order: degrees, licenses, certifications and registrations, then honours.',
  check({ experts }, report) {
    for (const expert of experts) {
      const known = expert.credentials.filter((credential) => rank(credential) !== undefined);
      // A stable sort of the known credentials into the places they occupy; unknown ones stay put.
      const sorted = [...known].sort((a, b) => rank(a)! - rank(b)!);
      if (sorted.every((credential, index) => credential === known[index])) continue;
      let next = 0;
      const order = expert.credentials.map((credential) => (rank(credential) === undefined ? credential : sorted[next++]!));
      const fixed = order.map((credential) => credential.text).join(', ');
      report({
        file: expert.file,
        span: expert.places.value(['credentials']),
        reason: `Unexpected order \`${expert.credentials.map((credential) => credential.text).join(', ')}\`, expected degrees, then licenses, then certifications and registrations, then fellowships and memberships`,
        note: `Write \`${fixed}\`.`,
        expected: [fixed],
        fix: reorder(expert.credentials, order, String(expert.file.value)),
      });
    }
  },
};
