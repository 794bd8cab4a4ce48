import registry from './credentials.json' with { type: 'json' };
import { didYouMean } from '../util/did-you-mean.js';

export type CredentialKind = 'academic-degree' | 'state-license' | 'national-certification' | 'registration' | 'fellowship' | 'membership';

interface CredentialCandidate {
  expansion: string;
  kind?: string;
  issuer?: string;
}

export interface CredentialEntry {
  abbr: string;
  expansion: string;
  kind: CredentialKind;
  issuer: string;
  /** ISO 3166-2 codes (`US-TX`), `US-*` for every US state, `US` for nationwide, `*` for anywhere. */
  jurisdictions: string[];
  sources: string[];
  confidence: 'high' | 'medium' | 'low';
  aliases?: string[];
  tier?: string;
  notes?: string;
  verifiedAtSource?: boolean;
  /** Several established expansions: the editor has to say which one is meant. */
  candidates?: CredentialCandidate[];
}

export const CREDENTIALS = registry as CredentialEntry[];

/** For lookup only: `Ph.D.`, `PHD` and `phd` are one key, as are `LPC-S`, `LPCS` and `LPC/S`. */
export const credentialKey = (text: string) => text.replace(/[.\s\-/]/g, '').toUpperCase();

export interface CredentialIndex {
  /** Entries whose abbreviation or an alias is written exactly `text`, else whose key matches. */
  lookup(text: string): { entries: CredentialEntry[]; exact: boolean };
  nearest(text: string): string[];
  all: readonly CredentialEntry[];
}

export function createCredentialIndex(entries: readonly CredentialEntry[]): CredentialIndex {
  const byKey = new Map<string, CredentialEntry[]>();
  const byText = new Map<string, CredentialEntry>();
  for (const entry of entries) {
    for (const written of [entry.abbr, ...(entry.aliases ?? [])]) {
      if (!byText.has(written)) byText.set(written, entry);
      const key = credentialKey(written);
      const list = byKey.get(key) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byKey.set(key, list);
    }
  }
  const abbreviations = entries.map((entry) => entry.abbr);
  return {
    all: entries,
    lookup(text) {
      const exact = byText.get(text);
      if (exact) return { entries: [exact], exact: true };
      return { entries: byKey.get(credentialKey(text)) ?? [], exact: false };
    },
    // Two edits: a swapped pair of letters (LCMCH for LCMHC) is a common slip in abbreviations.
    nearest: (text) => {
      const key = credentialKey(text);
      return [
        ...new Set(didYouMean(key, abbreviations.map(credentialKey), key.length <= 3 ? 1 : 2).map((near) => byKey.get(near)![0]!.abbr)),
      ];
    },
  };
}

/** How credentials are conventionally ordered: degrees, licenses, certifications and registrations, then honours. */
export const KIND_RANK: Record<CredentialKind, number> = {
  'academic-degree': 0,
  'state-license': 1,
  'national-certification': 2,
  registration: 2,
  fellowship: 3,
  membership: 3,
};

export type CredentialCategory = 'degree' | 'license' | 'certification' | 'registration' | 'fellowship' | 'membership';

/** schema.org `credentialCategory` words. */
export const KIND_CATEGORY: Record<CredentialKind, CredentialCategory> = {
  'academic-degree': 'degree',
  'state-license': 'license',
  'national-certification': 'certification',
  registration: 'registration',
  fellowship: 'fellowship',
  membership: 'membership',
};
