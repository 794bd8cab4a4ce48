import { suggestCredentials } from '../data/credential-meaning.js';
import { createCredentialIndex, CREDENTIALS, type CredentialEntry } from '../data/credential-registry.js';
import type { CommandContext } from './io.js';
import { regionByCode } from '../data/regions.js';

export interface CredentialLookup {
  query: string;
  entries: CredentialEntry[];
  /** The nearest known abbreviations when nothing matched. */
  suggestions: string[];
}

/** What the registry knows about each abbreviation (every entry when none is given). */
export function lookupCredentials(queries: readonly string[]): CredentialLookup[] {
  const index = createCredentialIndex(CREDENTIALS);
  if (queries.length === 0) return CREDENTIALS.map((entry) => ({ query: entry.abbr, entries: [entry], suggestions: [] }));
  return queries.map((query) => {
    const { entries } = index.lookup(query);
    return { query, entries, suggestions: entries.length > 0 ? [] : suggestCredentials(query, index) };
  });
}

/** A readable description of lookups, for the terminal. */
function formatCredentials(lookups: readonly CredentialLookup[]): string {
  return lookups
    .map(({ query, entries, suggestions }) => {
      if (entries.length === 0) return `${query}: unknown${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : ''}`;
      return entries.map(describe).join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

const placeName = (code: string) => regionByCode(code)?.name ?? code;

function describe(entry: CredentialEntry): string {
  const lines = [`${entry.abbr}: ${entry.expansion}`, `  kind: ${entry.kind}`];
  lines.push(`  issuer: ${entry.issuer ?? 'not named'}${entry.issuerUrl ? ` (${entry.issuerUrl})` : ''}`);
  if (entry.countries.length > 0) lines.push(`  countries: ${entry.countries.map(placeName).join(', ')}`);
  lines.push(`  fields: ${entry.professions.join(', ')}`);
  if (entry.jurisdictions) lines.push(`  issued in: ${entry.jurisdictions.map(placeName).join(', ')}`);
  for (const [code, board] of Object.entries(entry.boards ?? {})) lines.push(`    ${placeName(code)}: ${board.name} (${board.url})`);
  if (entry.aliases?.length) lines.push(`  also written: ${entry.aliases.join(', ')}`);
  if (entry.notes) lines.push(`  notes: ${entry.notes}`);
  lines.push(`  source: ${entry.source}`);
  return lines.join('\n');
}

/** `roundup credentials`: exit 1 when an abbreviation is unknown, so scripts can test for it. */
export function credentialsCommand(
  abbreviations: readonly string[],
  flags: { json?: boolean },
  { io }: Pick<CommandContext, 'io'>,
): number {
  const lookups = lookupCredentials(abbreviations);
  io.stdout.write(flags.json ? `${JSON.stringify(lookups, null, 2)}\n` : formatCredentials(lookups));
  return lookups.some((lookup) => lookup.entries.length === 0) ? 1 : 0;
}
