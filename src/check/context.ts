import {
  credentialKey,
  createCredentialIndex,
  CREDENTIALS,
  type CredentialEntry,
  type CredentialIndex,
} from '../data/credential-registry.js';
import type { ResolvedLocation } from '../data/locations.js';
import type { Span } from '../util/diagnostics.js';
import type { LoadedConfig } from '../load/config.js';
import type { LoadedRoundup } from '../load/roundup.js';
import type { Expert, Location, Roundup } from '../model/roundup.js';
import type { ExpertInput } from '../schema/input.js';
import type { RegionStyle } from '../data/regions.js';
import type { CredentialView, ExpertView, LocationView, RuleContext, RuleSettings } from './rule.js';

/** The registry plus the project's own credentials from its config. */
export function credentialIndexFor(config: LoadedConfig): CredentialIndex {
  const extra: CredentialEntry[] = (config.value.credentials?.extra ?? []).map((credential) => ({
    abbr: credential.abbr,
    expansion: credential.expansion,
    kind: credential.kind,
    issuer: credential.issuer,
    source: config.file?.path ?? 'roundup.config.yaml',
    countries: [],
    professions: ['any'],
    jurisdictions: credential.states,
    field: 'config',
  }));
  return extra.length > 0 ? createCredentialIndex([...extra, ...CREDENTIALS]) : DEFAULT_INDEX;
}

const DEFAULT_INDEX = createCredentialIndex(CREDENTIALS);

export function settingsFor(config: LoadedConfig): Omit<RuleSettings, 'budgets' | 'condense'> {
  const { locations, credentials } = config.value;
  return {
    locationStyle: locations?.style ?? 'full',
    locationStyleConfigured: locations?.style !== undefined,
    locationsRequired: locations?.required ?? false,
    credentialPeriods: credentials?.periods ?? 'none',
    credentialPeriodsConfigured: credentials?.periods !== undefined,
    expansions: new Map(Object.entries(credentials?.expansions ?? {}).map(([abbr, expansion]) => [credentialKey(abbr), expansion])),
  };
}

/** Everything a rule reads about one roundup: the model, and where each value sits in its file. */
export function createRuleContext(
  loaded: LoadedRoundup,
  roundup: Roundup,
  credentials: CredentialIndex,
  settings: RuleSettings,
): RuleContext {
  const experts = roundup.experts.map((model): ExpertView => {
    const expert = loaded.experts.find((candidate) => candidate.id === model.id)!;
    const input = expert.value as ExpertInput;
    const source = String(expert.file.value);
    const location =
      model.location && model.resolved.location
        ? locationView(input, expert.places, model.location, model.resolved.location, source)
        : undefined;
    return {
      id: model.id,
      file: expert.file,
      places: expert.places,
      input,
      model,
      location,
      credentials: credentialViews(model, input, expert.places, source),
      bodyOffset: expert.bodyOffset,
      // The answer's first character, past the blank lines after `---`.
      answerOffset: expert.bodyOffset + (/^\s*/.exec(expert.body)?.[0].length ?? 0),
    };
  });
  const locationStyle = settings.locationStyleConfigured ? settings.locationStyle : articleStyle(experts);
  const credentialPeriods = settings.credentialPeriodsConfigured ? settings.credentialPeriods : articlePeriods(experts);
  return { roundup, question: loaded.question, experts, settings: { ...settings, locationStyle, credentialPeriods }, credentials };
}

/** The model's credentials, as it resolved them, each with where it is written. */
function credentialViews(model: Expert, input: ExpertInput, places: ExpertView['places'], source: string): CredentialView[] {
  const whole = places.value(['credentials']);
  let cursor = whole.start;
  return model.resolved.credentials.map((credential, position) => {
    const { text } = credential;
    if (Array.isArray(input.credentials))
      return { ...credential, span: places.value(['credentials', position]), path: ['credentials', position] };
    // In the printed form "LCMHC, RPT, RDT", find each credential inside the scalar.
    const at = source.indexOf(text, cursor);
    if (at < 0 || at >= whole.end) return { ...credential, span: whole };
    cursor = at + text.length;
    return { ...credential, span: { start: at, end: at + text.length }, path: ['credentials'] };
  });
}

function locationView(
  input: ExpertInput,
  places: ExpertView['places'],
  location: Location,
  resolved: ResolvedLocation,
  source: string,
): LocationView {
  const span = places.value(['location']);
  if (typeof input.location === 'object') {
    return {
      resolved,
      span,
      citySpan: places.value(['location', 'city']),
      regionSpan: places.value(['location', location.region ? 'region' : 'country']),
      regionPath: ['location', location.region ? 'region' : 'country'],
    };
  }
  // In "Austin, TX", point at "Austin" and at "TX".
  const inside = (text: string | null, fromEnd: boolean): Span => {
    const written = source.slice(span.start, span.end);
    const at = text ? (fromEnd ? written.lastIndexOf(text) : written.indexOf(text)) : -1;
    return at >= 0 ? { start: span.start + at, end: span.start + at + text!.length } : span;
  };
  const regionSpan = inside(location.region, true);
  return {
    resolved,
    span,
    citySpan: inside(location.city, false),
    regionSpan,
    regionPath: regionSpan === span ? undefined : ['location'],
  };
}

/** The style most of the article's states and provinces are written in; full names win a tie. */
function articleStyle(experts: readonly ExpertView[]): RegionStyle {
  const votes: Record<RegionStyle, number> = { full: 0, ap: 0, postal: 0 };
  for (const expert of experts) {
    const region = expert.location?.resolved.region;
    if (!region || region.anyStyle || (region.region.kind !== 'state' && region.region.kind !== 'province')) continue;
    votes[region.style]++;
    if (region.alsoAp) votes.ap++;
  }
  return (['full', 'ap', 'postal'] as const).reduce((best, style) => (votes[style] > votes[best] ? style : best), 'full');
}

/**
 * The article's own style of periods: in every credential when most of its
 * other credentials have them too (L.C.S.W.), AP when most degrees have them
 * (Ph.D.) and nothing else does, otherwise none.
 */
function articlePeriods(experts: readonly ExpertView[]): RuleSettings['credentialPeriods'] {
  const known = experts.flatMap((expert) => expert.credentials.filter((credential) => credential.entries.length > 0));
  const isDegree = (credential: CredentialView) => (credential.entry ?? credential.entries[0])!.kind === 'academic-degree';
  const mostlyDotted = (list: CredentialView[]) =>
    list.length > 0 && list.filter((credential) => credential.text.includes('.')).length * 2 > list.length;
  if (mostlyDotted(known.filter((credential) => !isDegree(credential)))) return 'all';
  return mostlyDotted(known.filter(isDegree)) ? 'ap' : 'none';
}
