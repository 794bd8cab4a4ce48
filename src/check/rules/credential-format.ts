import { type CredentialEntry, withoutMarks } from '../../data/credential-registry.js';
import type { Rule, RuleSettings } from '../rule.js';

/** `L.C.S.W.` for `LCSW`, `Pharm.D.` for `PharmD`: a period after each capital and the letters that follow it. */
const dotted = (abbr: string) => abbr.replace(/([A-Z][a-z]*)(?![.a-z])/g, '$1.');

/**
 * The house form of a credential. Without periods (Chicago, APA) it is the
 * registry's abbreviation; AP style writes degrees with periods (Ph.D., M.A.)
 * and nothing else; some magazines put periods in every credential (L.C.S.W.).
 */
function houseForm(entry: CredentialEntry, periods: RuleSettings['credentialPeriods']): string {
  if (periods === 'none' || (periods === 'ap' && entry.kind !== 'academic-degree')) return entry.abbr;
  return entry.aliases?.find((alias) => alias.includes('.')) ?? dotted(entry.abbr);
}

/** Spellings the house style accepts: the house form and the registry's variants with periods or without, as the style wants. */
function accepted(entry: CredentialEntry, periods: RuleSettings['credentialPeriods']): string[] {
  const withPeriods = periods === 'all' || (periods === 'ap' && entry.kind === 'academic-degree');
  return [houseForm(entry, periods), ...(entry.aliases ?? []).filter((alias) => alias.includes('.') === withPeriods)];
}

const STYLE_NAMES: Record<RuleSettings['credentialPeriods'], string> = {
  none: 'no periods',
  ap: 'AP style: periods in degrees only',
  all: 'periods in every credential',
};

export const credentialFormat: Rule = {
  id: 'credential-format',
  severity: 'warning',
  description: 'A credential spelled against the house style: periods, case or a variant spelling.',
  check({ experts, settings }, report) {
    const style = STYLE_NAMES[settings.credentialPeriods];
    for (const expert of experts) {
      for (const credential of expert.credentials) {
        const entry = credential.entry ?? credential.entries[0];
        const text = withoutMarks(credential.text);
        if (!entry || credential.entries.some((meaning) => accepted(meaning, settings.credentialPeriods).includes(text))) continue;
        const form = houseForm(entry, settings.credentialPeriods);
        report({
          file: expert.file,
          span: credential.span,
          reason: `Unexpected \`${credential.text}\`, expected \`${form}\` in the house style (${style})`,
          note: `Write \`${form}\`.`,
          actual: credential.text,
          expected: [form],
          fix: credential.path && [{ path: credential.path, span: credential.span, text: form }],
        });
      }
    }
  },
};
