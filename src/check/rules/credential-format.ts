import type { CredentialEntry } from '../../data/credential-registry.js';
import type { Rule, RuleSettings } from '../rule.js';

/**
 * The house form of a credential. Without periods (Chicago, APA) it is the
 * registry's abbreviation; AP style writes degrees with periods (Ph.D., M.A.).
 * Licenses and certifications never take periods in any style.
 */
function houseForm(entry: CredentialEntry, periods: RuleSettings['credentialPeriods']): string {
  if (periods === 'ap' && entry.kind === 'academic-degree') return entry.aliases?.find((alias) => alias.includes('.')) ?? entry.abbr;
  return entry.abbr;
}

/** Spellings the house style accepts: the house form and the registry's variants without periods (`LPCS` and `LPC/S` for `LPC-S`, `DPhil`). */
function accepted(entry: CredentialEntry, periods: RuleSettings['credentialPeriods']): string[] {
  return [houseForm(entry, periods), ...(entry.aliases ?? []).filter((alias) => !alias.includes('.'))];
}

export const credentialFormat: Rule = {
  id: 'credential-format',
  severity: 'warning',
  description: 'A credential spelled against the house style: periods, case or a variant spelling.',
  check({ experts, settings }, report) {
    const style = settings.credentialPeriods === 'ap' ? 'AP style: periods in degrees only' : 'no periods';
    for (const expert of experts) {
      for (const credential of expert.credentials) {
        const entry = credential.entry ?? credential.entries[0];
        if (!entry || credential.entries.some((meaning) => accepted(meaning, settings.credentialPeriods).includes(credential.text))) continue;
        const form = houseForm(entry, settings.credentialPeriods);
        report({
          file: expert.file,
          span: credential.span,
          reason: `Unexpected \`${credential.text}\`, expected \`${form}\` in the house style (${style})`,
          note: `Write \`${form}\`.`,
          actual: credential.text,
          expected: [form],
        });
      }
    }
  },
};
