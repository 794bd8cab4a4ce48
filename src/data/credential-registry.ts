import registry from './credentials.json' with { type: 'json' };

export type CredentialKind = 'academic-degree' | 'state-license' | 'national-certification' | 'registration' | 'fellowship' | 'membership';

/**
 * One meaning of a printed abbreviation, compiled from src/data/credentials/*.yaml
 * (schema: scripts/credential-schema.mjs). The same letters may have several
 * entries (FAAN: nursing and neurology); context chooses between them.
 */
export interface CredentialEntry {
  abbr: string;
  expansion: string;
  kind: CredentialKind;
  /** The organization that issues or recognizes it; absent only for a project's own `credentials.extra` without one. */
  issuer?: string;
  issuerUrl?: string;
  /** A page that documents this credential. */
  source: string;
  /** ISO 3166-1 alpha-2 codes of the countries where it is issued and printed; empty for anywhere. */
  countries: string[];
  /** The fields whose members hold it (`any` for degrees every field prints). */
  professions: string[];
  aliases?: string[];
  /** State licenses: the ISO 3166-2 codes of the jurisdictions that issue this title. */
  jurisdictions?: string[];
  /** State licenses: each issuing jurisdiction's board. */
  boards?: Record<string, { name: string; url: string }>;
  tier?: string;
  notes?: string;
  /** The registry file it comes from (`physicians`, `nursing`…), or `config`. */
  field: string;
}

export const CREDENTIALS = registry as unknown as CredentialEntry[];

/**
 * For lookup only: `Ph.D.`, `PHD` and `phd` are one key, as are `LPC-S`,
 * `LPCS` and `LPC/S`, and `CFP®` and `CFP` (certifiers such as the CFP Board
 * ask for the mark).
 */
export const credentialKey = (text: string) => text.replace(/[.\s\-/®™℠]/g, '').toUpperCase();

/** The credential without a trademark sign: what the house style compares. */
export const withoutMarks = (text: string) => text.replace(/[®™℠]/g, '');

interface CredentialLookup {
  /** Every meaning of what is written: by its exact spelling when known, else by its key. */
  entries: CredentialEntry[];
  /** Written exactly as an entry's abbreviation or one of its aliases. */
  exact: boolean;
}

export interface CredentialIndex {
  lookup(text: string): CredentialLookup;
  /** Known abbreviations one typo away (two for longer ones), nearest first; ties are all returned. */
  nearest(text: string): CredentialEntry[][];
  all: readonly CredentialEntry[];
}

export function createCredentialIndex(entries: readonly CredentialEntry[]): CredentialIndex {
  const byKey = new Map<string, CredentialEntry[]>();
  const byText = new Map<string, CredentialEntry[]>();
  const add = (map: Map<string, CredentialEntry[]>, key: string, entry: CredentialEntry) => {
    const list = map.get(key) ?? [];
    if (!list.includes(entry)) list.push(entry);
    map.set(key, list);
  };
  for (const entry of entries) {
    for (const written of [entry.abbr, ...(entry.aliases ?? [])]) {
      add(byText, written, entry);
      add(byKey, credentialKey(written), entry);
    }
  }
  // Suggestions name abbreviations, never an alias's key that would print as another credential.
  const byAbbr = new Map<string, CredentialEntry[]>();
  for (const entry of entries) add(byAbbr, credentialKey(entry.abbr), entry);
  const keys = [...byAbbr.keys()];
  return {
    all: entries,
    lookup(text) {
      const exact = byText.get(text);
      if (exact) return { entries: exact, exact: true };
      return { entries: byKey.get(credentialKey(text)) ?? [], exact: false };
    },
    nearest(text) {
      const key = credentialKey(text);
      if (key.length < 2) return [];
      // A swapped pair of letters (LCMCH for LCMHC) is one edit; short abbreviations allow only one.
      const limit = key.length <= 4 ? 1 : 2;
      return nearestKeys(key, keys, limit).map((near) => byAbbr.get(near)!);
    },
  };
}

function nearestKeys(key: string, keys: readonly string[], limit: number): string[] {
  let best = limit + 1;
  let found: string[] = [];
  for (const candidate of keys) {
    if (Math.abs(candidate.length - key.length) > limit) continue;
    const distance = editDistance(key, candidate, best);
    if (distance > limit || distance > best) continue;
    if (distance < best) {
      best = distance;
      found = [];
    }
    found.push(candidate);
  }
  return found.sort();
}

/** Optimal string alignment distance (a swap of neighbours costs 1), giving up past `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      row.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest > cap) return cap + 1;
    previous2 = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * How credentials are conventionally ordered: degrees, licenses and
 * registrations, certifications, then honours. Registrations rank with
 * licenses because dietitians print the RD or RDN before the state license
 * ("MS, RDN, LD"), as the Academy of Nutrition and Dietetics asks.
 */
export const KIND_RANK: Record<CredentialKind, number> = {
  'academic-degree': 0,
  'state-license': 1,
  registration: 1,
  'national-certification': 2,
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
