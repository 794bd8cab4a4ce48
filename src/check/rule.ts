import type { VFile } from 'vfile';
import type { ResolvedCredential } from '../data/credential-meaning.js';
import type { CredentialIndex } from '../data/credential-registry.js';
import type { ResolvedLocation } from '../data/locations.js';
import type { RegionStyle } from '../data/regions.js';
import type { Severity, Span } from '../util/diagnostics.js';
import type { ExpertInput } from '../schema/input.js';
import type { LoadedQuestion } from '../load/question.js';
import type { KeyPath, PlaceIndex } from '../load/yaml.js';
import type { Change } from '../load/yaml-fix.js';
import type { Expert, Roundup } from '../model/roundup.js';

/** What a rule says is wrong; the registry stamps id, severity, source and docs URL. */
export interface Finding {
  file: VFile;
  span?: Span;
  reason: string;
  note?: string;
  expected?: string[];
  actual?: string;
  /** The one replacement, when there is exactly one: `--fix` applies it (see `yamlEdit`). */
  fix?: Change[];
  /** Another file the finding is about too (the first file of a duplicate): checking that file alone still reports it. */
  related?: { file: VFile; span?: Span };
  /** A finding milder than the rule's default (an unknown credential with no near candidate); a config's `rules:` level wins. */
  severity?: Severity;
}

export interface Rule {
  /** Kebab-case and permanent: it is public API. */
  id: string;
  severity: Severity;
  /** One sentence: what the rule catches. */
  description: string;
  check(context: RuleContext, report: (finding: Finding) => void): void | Promise<void>;
}

export interface CredentialView extends ResolvedCredential {
  span: Span;
  /** The YAML value it is written in (the list item, or the whole string); unset when `span` is not exactly the credential. */
  path?: KeyPath;
}

export interface LocationView {
  resolved: ResolvedLocation;
  span: Span;
  citySpan: Span;
  regionSpan: Span;
  /** The YAML value the region is written in; unset when `regionSpan` is not exactly the region. */
  regionPath?: KeyPath;
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
  /** The house style of regions: the config's, else the one most of the article's locations use (full names on a tie). */
  locationStyle: RegionStyle;
  /** Set by `locations.style` in the config; otherwise the article's own majority decides. */
  locationStyleConfigured?: boolean;
  locationsRequired: boolean;
  /** Periods in credentials: the config's, else the article's own (see `articlePeriods`). */
  credentialPeriods: 'none' | 'ap' | 'all';
  credentialPeriodsConfigured?: boolean;
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
