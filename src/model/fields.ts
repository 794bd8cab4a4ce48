import type { ExpertInput, LocationInput } from '../schema/input.js';
import type { Location } from '../data/locations.js';

/** `LCMHC, RPT, RDT` or `[LCMHC, RPT, RDT]` → `['LCMHC', 'RPT', 'RDT']`. */
export function splitCredentials(credentials: ExpertInput['credentials']): string[] {
  const list = typeof credentials === 'string' ? credentials.split(',') : (credentials ?? []);
  return list.map((credential) => credential.trim()).filter(Boolean);
}

/** `City`, `City, Region` or `City, Region, Country`, or the mapping, split as written. */
export function buildLocation(input: LocationInput): Location {
  if (typeof input !== 'string') {
    const parts = [input.city, input.region, input.country].map((part) => part?.trim()).filter(Boolean);
    return {
      city: input.city.trim(),
      region: input.region?.trim() ?? null,
      country: input.country?.trim() ?? null,
      display: parts.join(', '),
    };
  }
  const parts = input
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const [city = '', ...rest] = parts;
  const country = parts.length >= 3 ? parts.at(-1)! : null;
  const region = parts.length >= 3 ? rest.slice(0, -1).join(', ') : (rest[0] ?? null);
  return { city, region, country, display: parts.join(', ') };
}
