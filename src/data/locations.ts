import { isCheckedCountry, regionByCode, resolveCountry, resolveRegion, type Region, type ResolvedRegion } from './regions.js';

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
}

/**
 * Read a location against the reference data: "Austin, Texas" is in US-TX,
 * "Paris, France" names a country, "Toronto, Ontario, Canada" both.
 */
export function resolveLocation(location: Location): ResolvedLocation {
  const country = location.country ? resolveCountry(location.country) : undefined;
  const unknownCountry = location.country !== null && country === undefined;
  if (!location.region) return { country, unknownRegion: false, unknownCountry };
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
