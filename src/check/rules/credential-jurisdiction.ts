import { regionByCode } from '../../data/regions.js';
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
        if (!entry || !issuing || issuing.some((code) => code === region.code || code === 'US-*' || code === 'US' || code === '*')) continue;
        const states = issuing.map((code) => regionByCode(code)?.name ?? code).join(', ');
        report({
          file: expert.file,
          span: credential.span,
          reason: `Unexpected \`${credential.text}\` for an expert in ${region.name}, expected a license ${region.name} issues (\`${entry.abbr}\` is issued by ${states})`,
          note: 'Check the expert’s license: compacts and out-of-state licenses can make this right, so this is never an error.',
          actual: credential.text,
        });
      }
    }
  },
};
