import { addDiagnostic, relatedPlace, type Severity } from '../util/diagnostics.js';
import type { LoadedConfig } from '../load/config.js';
import { overridesFor } from '../load/config-overrides.js';
import type { ConfigLayer } from '../load/find-config.js';
import type { VFile } from 'vfile';
import { didYouMean } from '../util/did-you-mean.js';
import { yamlEdit } from '../load/yaml-fix.js';
import type { Finding, Rule, RuleContext } from './rule.js';
import { answerEmpty } from './rules/answer-empty.js';
import { answerLength } from './rules/answer-length.js';
import { answerPlaceholder } from './rules/answer-placeholder.js';
import { credentialAmbiguous } from './rules/credential-ambiguous.js';
import { credentialDuplicate } from './rules/credential-duplicate.js';
import { credentialFormat } from './rules/credential-format.js';
import { credentialJurisdiction } from './rules/credential-jurisdiction.js';
import { credentialOrder } from './rules/credential-order.js';
import { credentialUnknown } from './rules/credential-unknown.js';
import { expertCount } from './rules/expert-count.js';
import { expertDuplicate } from './rules/expert-duplicate.js';
import { headingLevel } from './rules/heading-level.js';
import { htmlRemoved } from './rules/html-removed.js';
import { locationMissing } from './rules/location-missing.js';
import { locationRegionMissing } from './rules/location-region-missing.js';
import { locationRegionUnknown } from './rules/location-region-unknown.js';
import { locationStyle } from './rules/location-style.js';
import { nameQuotes } from './rules/name-quotes.js';
import { roleCredential } from './rules/role-credential.js';

/** The editorial rules, in the order they run. */
export const RULES: readonly Rule[] = [
  credentialUnknown,
  credentialFormat,
  credentialDuplicate,
  credentialOrder,
  credentialJurisdiction,
  credentialAmbiguous,
  locationMissing,
  locationRegionMissing,
  locationRegionUnknown,
  locationStyle,
  roleCredential,
  nameQuotes,
  expertCount,
  expertDuplicate,
  answerEmpty,
  answerPlaceholder,
  answerLength,
  htmlRemoved,
  headingLevel,
];

/**
 * Checks that run while files are read, before the model exists. Their
 * findings are always errors (a roundup that fails them cannot be built), so
 * the config cannot turn them off; they are listed for docs and `--help`.
 */
export const LOAD_CHECKS: readonly { id: string; description: string }[] = [
  {
    id: 'schema',
    description:
      'A field of question.yaml, of an expert’s front matter or of roundup.config.yaml is missing, of the wrong type, or unknown.',
  },
  { id: 'fm-missing', description: 'An expert file that does not start with front matter.' },
  { id: 'fm-not-at-start', description: 'Blank lines before the opening `---`.' },
  { id: 'fm-language', description: 'Front matter in another language than YAML (`---js` is never executed).' },
  { id: 'fm-unterminated', description: 'Front matter with no closing `---` line, or closed by `----` or `...`.' },
  { id: 'yaml-syntax', description: 'YAML that cannot be parsed.' },
  { id: 'yaml-duplicate-key', description: 'The same key twice in one mapping.' },
  { id: 'yaml-alias', description: 'A YAML alias (`*name`); refused because aliases can expand without bound.' },
  { id: 'yaml-tag', description: 'A YAML tag such as `!!timestamp`; the value is kept as a string (warning).' },
  { id: 'yaml-too-deep', description: 'YAML nested deeper than 32 levels.' },
  { id: 'invalid-encoding', description: 'A file that is not UTF-8.' },
  { id: 'binary-file', description: 'A file with NUL bytes: binary, or UTF-16.' },
  { id: 'control-char', description: 'A control character (NUL, an ANSI escape…) in a YAML value.' },
  { id: 'suspicious-unicode', description: 'A bidirectional override or zero-width character in a YAML value (warning).' },
  {
    id: 'slug-collision',
    description: 'Two roundups whose slugs differ only in case or Unicode form: their files would overwrite each other.',
  },
  { id: 'file-too-large', description: 'A file over the size cap (512 KiB).' },
  { id: 'read-error', description: 'A file that cannot be read.' },
  { id: 'symlink-outside', description: 'An expert file that links to a file outside the roundup folder.' },
  {
    id: 'file-name',
    description: 'An expert file whose name does not end in `.md` (`Jane.MD`, `jane.markdown`), left out of the article (warning).',
  },
  { id: 'no-experts', description: 'A roundup folder with no `experts/*.md`.' },
  { id: 'expert-id', description: 'An expert file name that is not lowercase letters, digits and hyphens.' },
  { id: 'slug', description: 'A slug (or folder name) that is not a safe file name.' },
  {
    id: 'image-src',
    description: 'An `image:` or `photo:` that is neither an https URL nor a readable picture inside the roundup folder.',
  },
  { id: 'order', description: '`order` names an expert with no file, names one twice, or leaves one out.' },
  {
    id: 'markdown-too-deep',
    description: 'Markdown nested deeper than 32 levels (quotes, lists, emphasis, brackets), refused before rendering.',
  },
  { id: 'markdown-too-slow', description: 'Markdown that does not render within the time limit, or crashes the renderer.' },
  {
    id: 'config-extends',
    description: 'An `extends:` entry of roundup.config.yaml that names no file or package, or that leads back to itself.',
  },
  {
    id: 'ignore-directive',
    description: 'A `# roundup-ignore-…` comment that is misspelled or names no editorial rule (warning).',
  },
  { id: 'unused-ignore', description: 'A `# roundup-ignore-…` comment that suppressed nothing, with `--report-unused-ignores` (warning).' },
  { id: 'internal-error', description: 'roundup failed on a roundup: a bug, or a file system that refused a write (exit code 2).' },
];

export type SeverityOverride = Severity | 'off';

/**
 * Each rule's severity under a config: the default, `locations.required`,
 * `rules:`, then the `rules:` of each override whose `files` match `file` (absolute).
 */
export function severities(config: LoadedConfig, file?: string): Map<string, SeverityOverride> {
  const result = new Map<string, SeverityOverride>(RULES.map((rule) => [rule.id, rule.severity]));
  if (config.value.locations?.required) result.set('location-missing', 'error');
  const levels = [config.value.rules, ...(file ? overridesFor(config, file).map((override) => override.value.rules) : [])];
  for (const rules of levels) for (const [id, severity] of Object.entries(rules ?? {})) if (result.has(id)) result.set(id, severity);
  return result;
}

/** Report `rules:` entries (at the top and in `overrides`) that name no rule, at their key, in every config file read. */
export function checkConfigRules(config: LoadedConfig) {
  for (const layer of config.layers) {
    const raw = layer.raw as { rules?: unknown; overrides?: unknown } | null;
    checkRuleIds(layer, raw?.rules, ['rules']);
    const overrides = Array.isArray(raw?.overrides) ? (raw.overrides as unknown[]) : [];
    overrides.forEach((override, index) =>
      checkRuleIds(layer, (override as { rules?: unknown } | null)?.rules, ['overrides', index, 'rules']),
    );
  }
}

function checkRuleIds(layer: ConfigLayer, rules: unknown, at: (string | number)[]) {
  const known = RULES.map((rule) => rule.id);
  for (const id of rules && typeof rules === 'object' ? Object.keys(rules) : []) {
    if (known.includes(id)) continue;
    const near = didYouMean(id, known);
    const loadCheck = LOAD_CHECKS.some((check) => check.id === id);
    addDiagnostic(layer.file, {
      ruleId: 'schema',
      severity: 'error',
      span: layer.places.key([...at, id]),
      reason: loadCheck
        ? `Unexpected rule \`${id}\` in \`rules\`, expected an editorial rule: \`${id}\` problems always stop the build`
        : `Unexpected rule \`${id}\` in \`rules\`${near[0] ? `, did you mean \`${near[0]}\`?` : ', expected a rule id from docs/rules.md'}`,
      note: loadCheck ? `Remove \`${id}\`.` : near[0] ? `Write \`${near[0]}\`.` : 'Remove the entry or fix its id.',
      expected: near,
    });
  }
}

type Levels = ReadonlyMap<string, SeverityOverride>;

/**
 * Run every rule that is not off; the registry, not the rule, stamps id,
 * severity and docs URL. `levels` may differ from file to file (a config's
 * `overrides`): a rule runs when it is on for any file of the roundup.
 */
export async function runRules(context: RuleContext, levels: Levels | ((file: VFile) => Levels), rules: readonly Rule[] = RULES) {
  const files = [context.question.file, ...context.experts.map((expert) => expert.file)];
  // Where each file's YAML values sit, to turn a rule's changes into an edit of the file.
  const places = new Map([
    [context.question.file, context.question.places],
    ...context.experts.map((expert) => [expert.file, expert.places] as const),
  ]);
  const byFile = new Map(files.map((file) => [file, typeof levels === 'function' ? levels(file) : levels]));
  const levelOf = (rule: Rule, file: VFile) => (byFile.get(file) ?? byFile.get(files[0]!)!).get(rule.id) ?? rule.severity;
  for (const rule of rules) {
    if (files.every((file) => levelOf(rule, file) === 'off')) continue;
    await rule.check(context, ({ file, severity: own, fix, related, ...finding }: Finding) => {
      const severity = levelOf(rule, file);
      if (severity === 'off') return;
      const configured = severity !== rule.severity;
      const index = places.get(file);
      addDiagnostic(file, {
        ...finding,
        edit: fix && index ? yamlEdit(index, fix) : undefined,
        ruleId: rule.id,
        severity: configured ? severity : (own ?? severity),
        cause: related && relatedPlace(related.file, related.span),
      });
    });
  }
}
