import {
  credentialKey,
  createCredentialIndex,
  CREDENTIALS,
  type CredentialEntry,
  type CredentialIndex,
} from '../data/credential-registry.js';
import { resolveLocation } from '../data/locations.js';
import type { Span } from '../util/diagnostics.js';
import type { LoadedConfig } from '../load/config.js';
import type { LoadedRoundup } from '../load/roundup.js';
import type { Location, Roundup } from '../model/roundup.js';
import type { ExpertInput } from '../schema/input.js';
import type { CredentialView, ExpertView, LocationView, RuleContext, RuleSettings } from './rule.js';

/** The registry plus the project's own credentials from its config. */
export function credentialIndexFor(config: LoadedConfig): CredentialIndex {
  const extra: CredentialEntry[] = (config.value.credentials?.extra ?? []).map((credential) => ({
    abbr: credential.abbr,
    expansion: credential.expansion,
    kind: credential.kind,
    issuer: credential.issuer ?? 'named in roundup.config.yaml',
    jurisdictions: credential.states ?? ['*'],
    sources: [config.file?.path ?? 'roundup.config.yaml'],
    confidence: 'high',
  }));
  return extra.length > 0 ? createCredentialIndex([...extra, ...CREDENTIALS]) : DEFAULT_INDEX;
}

const DEFAULT_INDEX = createCredentialIndex(CREDENTIALS);

export function settingsFor(config: LoadedConfig): Omit<RuleSettings, 'budgets' | 'condense'> {
  const { locations, credentials } = config.value;
  return {
    locationStyle: locations?.style ?? 'full',
    locationsRequired: locations?.required ?? false,
    credentialPeriods: credentials?.periods ?? 'none',
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
    return {
      id: model.id,
      file: expert.file,
      places: expert.places,
      input,
      model,
      credentials: credentialViews(model.credentials, input, expert.places, source, credentials),
      location: model.location ? locationView(input, expert.places, model.location, source) : undefined,
      bodyOffset: expert.bodyOffset,
      // The answer's first character, past the blank lines after `---`.
      answerOffset: expert.bodyOffset + (/^\s*/.exec(expert.body)?.[0].length ?? 0),
    };
  });
  return { roundup, question: loaded.question, experts, settings, credentials };
}

function credentialViews(
  list: string[],
  input: ExpertInput,
  places: ExpertView['places'],
  source: string,
  index: CredentialIndex,
): CredentialView[] {
  const whole = places.value(['credentials']);
  let cursor = whole.start;
  return list.map((text, position) => {
    let span: Span;
    if (Array.isArray(input.credentials)) {
      span = places.value(['credentials', position]);
    } else {
      // In the printed form "LCMHC, RPT, RDT", find each credential inside the scalar.
      const at = source.indexOf(text, cursor);
      span = at >= 0 && at < whole.end ? { start: at, end: at + text.length } : whole;
      if (at >= 0) cursor = at + text.length;
    }
    return { text, span, ...index.lookup(text) };
  });
}

function locationView(input: ExpertInput, places: ExpertView['places'], location: Location, source: string): LocationView {
  const span = places.value(['location']);
  if (typeof input.location === 'object') {
    return {
      resolved: resolveLocation(location),
      span,
      citySpan: places.value(['location', 'city']),
      regionSpan: places.value(['location', location.region ? 'region' : 'country']),
    };
  }
  // In "Austin, TX", point at "Austin" and at "TX".
  const inside = (text: string | null, fromEnd: boolean): Span => {
    const written = source.slice(span.start, span.end);
    const at = text ? (fromEnd ? written.lastIndexOf(text) : written.indexOf(text)) : -1;
    return at >= 0 ? { start: span.start + at, end: span.start + at + text!.length } : span;
  };
  return { resolved: resolveLocation(location), span, citySpan: inside(location.city, false), regionSpan: inside(location.region, true) };
}
