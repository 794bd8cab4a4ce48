import { type ResolvedCredential } from '../data/credential-meaning.js';
import { type CredentialCategory, type CredentialEntry, credentialKey, KIND_CATEGORY } from '../data/credential-registry.js';

export interface CredentialDetail {
  abbr: string;
  /** Null for an ambiguous abbreviation whose meaning the editor has not chosen. */
  expansion: string | null;
  /** schema.org `credentialCategory`. */
  category: CredentialCategory;
  /** The organization that issues or recognizes it, when the registry names one. */
  issuer: { name: string; url: string | null } | null;
}

/**
 * What is published of a credential: only a meaning the context or the editor
 * settled, with its issuer (for a state license, the board of the expert's state).
 */
export function describeCredential(
  credential: ResolvedCredential,
  expansions: ReadonlyMap<string, string> | undefined,
  region?: string,
): CredentialDetail | null {
  const entry = credential.entry ?? credential.entries[0];
  if (!entry) return null;
  const chosen = expansions?.get(credentialKey(credential.text));
  const settled = credential.entry ?? credential.entries.find((meaning) => meaning.expansion === chosen);
  return {
    abbr: entry.abbr,
    expansion: chosen ?? settled?.expansion ?? null,
    category: KIND_CATEGORY[entry.kind],
    issuer: issuerOf(settled, region),
  };
}

function issuerOf(entry: CredentialEntry | undefined, region: string | undefined): CredentialDetail['issuer'] {
  const board = region ? entry?.boards?.[region] : undefined;
  if (board) return board;
  return entry?.issuer ? { name: entry.issuer, url: entry.issuerUrl ?? null } : null;
}
