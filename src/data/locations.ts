import places from './place-names.json' with { type: 'json' };
import { isCheckedCountry, placeKey, regionByCode, resolveCountry, resolveRegion, type Region, type ResolvedRegion } from './regions.js';

/** A location as printed, split into its parts; the model and the rules read it. */
export interface Location {
  city: string;
  region: string | null;
  /** ISO 3166-1 alpha-2 when the reference data knows the place, else as written. */
  country: string | null;
  /** As printed under the expert's name. */
  display: string;
}

export interface ResolvedLocation {
  /** The region as written and what it is; undefined when none was written. */
  regionText?: string;
  region?: ResolvedRegion;
  /** The country, written or implied by the region. */
  country?: Region;
  /** A region was written but is no real state, province or country. */
  unknownRegion: boolean;
  /** A country was written but is no real country. */
  unknownCountry: boolean;
  /**
   * A place that needs no region: a region or country printed alone
   * ("New Mexico", "Southern California", "Ireland"), a city that is
   * unambiguous alone ("New York City"), or practice online ("Remote").
   */
  alone?: 'region' | 'city' | 'remote';
}

const REMOTE = new Set(places.remote.words.map(placeKey));
const STAND_ALONE = new Map(Object.entries(places.standAloneCities.names).map(([name, code]) => [placeKey(name), code]));

/**
 * Read a location against the reference data: "Austin, Texas" is in US-TX,
 * "Paris, France" names a country, "Toronto, Ontario, Canada" both.
 */
export function resolveLocation(location: Location): ResolvedLocation {
  const country = location.country ? resolveCountry(location.country) : undefined;
  const unknownCountry = location.country !== null && country === undefined;
  if (!location.region) return { country, unknownRegion: false, unknownCountry, ...aloneAs(location.city, country) };
  const region = resolveRegion(location.region, country?.code);
  // Regions of countries roundup has no subdivision list for are taken as written.
  const unchecked = country !== undefined && !isCheckedCountry(country.code);
  return {
    regionText: location.region,
    region,
    country: country ?? (region && regionByCode(region.region.country)),
    unknownRegion: !region && !unchecked && !unknownCountry,
    unknownCountry,
  };
}

function aloneAs(city: string, country: Region | undefined): Pick<ResolvedLocation, 'alone' | 'region' | 'country'> {
  const key = placeKey(city);
  if (REMOTE.has(key)) return { alone: 'remote' };
  const code = STAND_ALONE.get(key);
  if (code) return { alone: 'city', country: country ?? regionByCode(code.slice(0, 2)) };
  const region = resolveRegion(city, country?.code);
  if (!region) return {};
  return { alone: 'region', region, country: country ?? regionByCode(region.region.country) };
}
