import { iso31661, iso31662 } from 'iso-3166';
import ap from './ap-dateline-cities.json' with { type: 'json' };
import places from './place-names.json' with { type: 'json' };
import { didYouMean } from '../util/did-you-mean.js';

export type RegionStyle = 'full' | 'ap' | 'postal';

export interface Region {
  /** ISO 3166-2 (`US-TX`), or ISO 3166-1 alpha-2 when the "region" is a country (`FR`). */
  code: string;
  /** ISO 3166-1 alpha-2 of the country. */
  country: string;
  /** `county`: a UK or Irish county; `area`: a region printed in place of a state ("Southern California"). */
  kind: 'state' | 'province' | 'country' | 'county' | 'area';
  /** The name written out: "Texas", "Ontario", "France". */
  name: string;
  /** USPS or provincial postal code, for states and provinces. */
  postal?: string;
  /** AP Stylebook abbreviation (the full name where AP never abbreviates). */
  ap?: string;
}

/** Countries whose first-level divisions are checked by name: the markets roundups are written for. */
const CHECKED_COUNTRIES = new Set(['US', 'CA', 'AU']);

const AP_BY_CODE = new Map(ap.apStateAbbreviations.map((state) => [state.iso3166_2, state.ap]));

/** Everyday names of countries whose ISO names are formal ("United States of America", "Korea, Republic of"). */
const COUNTRY_ALIASES: Record<string, string> = {
  'United States': 'US',
  USA: 'US',
  'U.S.': 'US',
  'U.S.A.': 'US',
  US: 'US',
  America: 'US',
  'United Kingdom': 'GB',
  UK: 'GB',
  'U.K.': 'GB',
  Britain: 'GB',
  'Great Britain': 'GB',
  England: 'GB',
  Scotland: 'GB',
  Wales: 'GB',
  'Northern Ireland': 'GB',
  'South Korea': 'KR',
  Korea: 'KR',
  Russia: 'RU',
  Iran: 'IR',
  Vietnam: 'VN',
  Taiwan: 'TW',
  Syria: 'SY',
  Bolivia: 'BO',
  Venezuela: 'VE',
  Tanzania: 'TZ',
  Laos: 'LA',
  Moldova: 'MD',
  'Czech Republic': 'CZ',
  'The Netherlands': 'NL',
  Holland: 'NL',
  'Ivory Coast': 'CI',
  'Hong Kong': 'HK',
  Macau: 'MO',
};

/** Compare names without case, accents or periods: "Québec" is "Quebec", "St. Louis" is "st louis". */
export const placeKey = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const subdivisions: Region[] = iso31662
  .filter((division) => CHECKED_COUNTRIES.has(division.parent))
  .map((division) => ({
    code: division.code,
    country: division.parent,
    kind: division.parent === 'US' ? 'state' : 'province',
    name: division.name,
    postal: division.code.slice(3),
    ap: AP_BY_CODE.get(division.code) ?? division.name,
  }));

/** The names people write where the ISO name is a formal one. */
const SHORT_NAMES: Record<string, string> = {
  US: 'United States',
  GB: 'United Kingdom',
  KR: 'South Korea',
  KP: 'North Korea',
  RU: 'Russia',
  IR: 'Iran',
  VN: 'Vietnam',
  TW: 'Taiwan',
  SY: 'Syria',
  BO: 'Bolivia',
  VE: 'Venezuela',
  TZ: 'Tanzania',
  LA: 'Laos',
  MD: 'Moldova',
};

const countryName = (alpha2: string) => {
  const name = iso31661.find((country) => country.alpha2 === alpha2)?.name ?? alpha2;
  return SHORT_NAMES[alpha2] ?? (name.includes(', ') ? name.split(', ')[0]! : name);
};

const countries: Region[] = iso31661.map((country) => ({
  code: country.alpha2,
  country: country.alpha2,
  kind: 'country',
  name: countryName(country.alpha2),
}));

interface Written {
  region: Region;
  style: RegionStyle;
}

const byWritten = new Map<string, Written[]>();
function index(text: string, region: Region, style: RegionStyle) {
  const key = placeKey(text);
  const list = byWritten.get(key) ?? [];
  if (!list.some((entry) => entry.region.code === region.code && entry.style === style)) list.push({ region, style });
  byWritten.set(key, list);
}
for (const region of subdivisions) {
  index(region.name, region, 'full');
  if (region.ap && region.ap !== region.name) index(region.ap, region, 'ap');
  if (region.postal) index(region.postal, region, 'postal');
}
for (const country of iso31661) {
  const region = countries.find((candidate) => candidate.code === country.alpha2)!;
  index(country.name, region, 'full');
  index(region.name, region, 'full');
}
for (const [alias, alpha2] of Object.entries(COUNTRY_ALIASES)) index(alias, countries.find((region) => region.code === alpha2)!, 'full');

/* Forms ISO 3166-2 does not list: traditional abbreviations, UK and Irish counties, areas printed in place of a state. */
const subdivisionByCode = new Map(subdivisions.map((region) => [region.code, region]));
for (const [code, forms] of Object.entries({ ...places.canadianAbbreviations.forms, ...places.australianAbbreviations.forms })) {
  for (const form of forms)
    index(form, subdivisionByCode.get(code)!, !form.includes('.') && placeKey(form) === placeKey(code.slice(3)) ? 'postal' : 'ap');
}
const counties: Region[] = [
  ...places.ukCeremonialCounties.names.map((name) => ({ code: `GB:${name}`, country: 'GB', kind: 'county' as const, name })),
  ...places.irishCounties.names.map((name) => ({ code: `IE:${name}`, country: 'IE', kind: 'county' as const, name: `County ${name}` })),
  ...places.irishCounties.northernIreland.map((name) => ({
    code: `GB:${name}`,
    country: 'GB',
    kind: 'county' as const,
    name: `County ${name}`,
  })),
];
for (const county of counties) {
  const bare = county.name.replace(/^County /, '');
  for (const form of new Set([county.name, bare, `County ${bare}`, `Co. ${bare}`])) index(form, county, 'full');
}
for (const [name, code] of Object.entries(places.areas.names)) {
  const within = subdivisionByCode.get(code);
  index(name, { code: `area:${name}`, country: within?.country ?? code, kind: 'area', name }, 'full');
}

export interface ResolvedRegion {
  region: Region;
  /** Written in a form every style accepts (`D.C.` in `Washington, D.C.`). */
  anyStyle: boolean;
  /** How it was written: a full name, an AP abbreviation, or a postal code. */
  style: RegionStyle;
  /** Written in a form that is also another style (AP never abbreviates "Texas"). */
  alsoAp: boolean;
}

/**
 * What a written region is: a US state, a Canadian province or Australian
 * state, or a country; within `country` when it is known. Two-letter codes are
 * only taken as postal codes (a bare "CA" is California, not Canada).
 */
export function resolveRegion(written: string, country?: string): ResolvedRegion | undefined {
  // A ZIP or postal code after the state ("NY 10011", "ON M5V 2T6") is an address's, not part of the region.
  const text = written.replace(/\s+(\d{5}(-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d)$/, '');
  const found = (byWritten.get(placeKey(text)) ?? []).filter((entry) => !country || entry.region.country === country);
  // "PA" is the postal code and "Pa." the AP abbreviation, though both read "pa".
  const writtenAs: RegionStyle | undefined = /^[A-Z]{2,3}$/.test(text) ? 'postal' : text.includes('.') ? 'ap' : undefined;
  found.sort((a, b) => Number(b.style === writtenAs) - Number(a.style === writtenAs));
  // A state or province wins over a country of the same spelling (Georgia).
  const best = found.find((entry) => entry.region.kind === 'state' || entry.region.kind === 'province') ?? found[0];
  if (!best) return undefined;
  const { region, style } = best;
  return {
    region,
    style,
    alsoAp: style === 'full' && region.kind !== 'country' && region.ap === region.name,
    anyStyle: region.code === 'US-DC' && places.districtOfColumbia.forms.some((form) => placeKey(form) === placeKey(text)),
  };
}

/** A country by name, everyday name, or ISO 3166-1 alpha-2 or alpha-3 code (`country: US` in a mapping). */
export function resolveCountry(text: string): Region | undefined {
  const code = text.trim().toUpperCase();
  const byCode = iso31661.find((country) => country.alpha2 === code || country.alpha3 === code);
  if (byCode) return countries.find((region) => region.code === byCode.alpha2);
  return byWritten.get(placeKey(text))?.find((entry) => entry.region.kind === 'country')?.region;
}

export const isCheckedCountry = (alpha2: string) => CHECKED_COUNTRIES.has(alpha2);

/** The nearest real regions to a misspelt one ("Californa" → California). */
export function nearestRegions(text: string): string[] {
  const names = [...subdivisions.map((region) => region.name), ...countries.map((region) => region.name)];
  return didYouMean(text, names, Math.max(2, Math.floor(text.length / 4)));
}

/** A region as the house style writes it. */
export function writeRegion(region: Region, style: RegionStyle): string {
  if (region.kind === 'country') return region.name;
  if (style === 'postal') return region.postal ?? region.name;
  if (style === 'ap') return region.ap ?? region.name;
  return region.name;
}

export const regionByCode = (code: string) =>
  subdivisions.find((region) => region.code === code) ?? countries.find((region) => region.code === code);
