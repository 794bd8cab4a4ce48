import { compactsJoining } from '../../data/compacts.js';
import { regionByCode } from '../../data/regions.js';

function compactNote(license: string, state: string, stateName: string, issuing: readonly string[]): string {
  const compacts = compactsJoining(license, state, issuing).map((compact) => compact.name);
  if (compacts.length === 0)
    return 'Check the expert’s license: an out-of-state license or telehealth can make this right, so this is never an error.';
  return `Check the expert’s license: ${stateName} and a state that issues \`${license}\` are both in the ${compacts.join(' and the ')}, so a privilege to practise may make this right.`;
}
import type { Rule } from '../rule.js';

export const credentialJurisdiction: Rule = {
  id: 'credential-jurisdiction',
  severity: 'warning',
  description: 'A state license that the expert’s state does not issue (LCMHC for an expert in Texas).',
  check({ experts }, report) {
    for (const expert of experts) {
      const region = expert.location?.resolved.region?.region;
      if (!region || region.kind !== 'state' || region.country !== 'US') continue;
      for (const credential of expert.credentials) {
        const entry = credential.entry;
        const issuing = entry?.kind === 'state-license' ? entry.jurisdictions : undefined;
        if (!entry || !issuing || issuing.some((code) => code === region.code || code === 'US-*' || code === 'US' || code === '*'))
          continue;
        const states = issuing.map((code) => regionByCode(code)?.name ?? code).join(', ');
        report({
          file: expert.file,
          span: credential.span,
          reason: `Unexpected \`${credential.text}\` for an expert in ${region.name}, expected a license ${region.name} issues (\`${entry.abbr}\` is issued by ${states})`,
          note: compactNote(entry.abbr, region.code, region.name, issuing),
          actual: credential.text,
        });
      }
    }
  },
};
