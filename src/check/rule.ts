import type { VFile } from 'vfile';
import type { CredentialEntry, CredentialIndex } from '../data/credential-registry.js';
import type { ResolvedLocation } from '../data/locations.js';
import type { RegionStyle } from '../data/regions.js';
import type { Severity, Span } from '../util/diagnostics.js';
import type { ExpertInput } from '../schema/input.js';
import type { LoadedQuestion } from '../load/question.js';
import type { PlaceIndex } from '../load/yaml.js';
import type { Expert, Roundup } from '../model/roundup.js';

/** What a rule says is wrong; the registry stamps id, severity, source and docs URL. */
export interface Finding {
  file: VFile;
  span?: Span;
  reason: string;
  note?: string;
  expected?: string[];
  actual?: string;
}

export interface Rule {
  /** Kebab-case and permanent: it is public API. */
  id: string;
  severity: Severity;
  /** One sentence: what the rule catches. */
  description: string;
  check(context: RuleContext, report: (finding: Finding) => void): void | Promise<void>;
}

export interface CredentialView {
  text: string;
  span: Span;
  entries: CredentialEntry[];
  /** Written exactly as the registry's abbreviation or one of its aliases. */
  exact: boolean;
}

export interface LocationView {
  resolved: ResolvedLocation;
  span: Span;
  citySpan: Span;
  regionSpan: Span;
}

export interface ExpertView {
  id: string;
  file: VFile;
  places: PlaceIndex;
  input: ExpertInput;
  model: Expert;
  credentials: CredentialView[];
  location?: LocationView;
  /** Where the Markdown body starts in the file (Markdown positions count from here). */
  bodyOffset: number;
  answerOffset: number;
}

export interface RuleSettings {
  locationStyle: RegionStyle;
  locationsRequired: boolean;
  credentialPeriods: 'none' | 'ap';
  /** Expansions the editor chose for ambiguous abbreviations. */
  expansions: ReadonlyMap<string, string>;
  /** Each expert's word budget, by id (the expert's own, else the run's, else question.yaml's). */
  budgets: ReadonlyMap<string, number>;
  /** `apply`: over-budget answers are cut after the checks, so their length is not a finding. */
  condense: 'warn' | 'apply';
}

export interface RuleContext {
  roundup: Roundup;
  question: LoadedQuestion;
  experts: ExpertView[];
  settings: RuleSettings;
  credentials: CredentialIndex;
}
