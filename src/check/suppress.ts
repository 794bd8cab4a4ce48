import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { findDirectives, type IgnoreDirective } from '../load/directives.js';
import type { LoadedRoundup } from '../load/roundup.js';
import { addDiagnostic } from '../util/diagnostics.js';
import { didYouMean } from '../util/did-you-mean.js';
import { LOAD_CHECKS, RULES } from './catalog.js';

const EDITORIAL = new Set(RULES.map((rule) => rule.id));
const NAMES = ['roundup-ignore-next-line', 'roundup-ignore-file'];

/**
 * Apply the `# roundup-ignore-next-line` and `# roundup-ignore-file` comments
 * of question.yaml and of each expert's front matter to the editorial
 * findings on that file (modelled on ESLint's `eslint-disable-next-line`).
 * Only what a config's `rules:` can turn off can be suppressed: load checks
 * (`schema`, `yaml-syntax`, …) mean the article cannot be built, and a
 * directive that names one is reported. Runs after the rules, before the
 * build decides whether errors stop it.
 */
export function applyIgnoreDirectives(loaded: LoadedRoundup, options: { reportUnused?: boolean } = {}): void {
  applyTo(loaded.question.file, undefined, options);
  for (const expert of loaded.experts) applyTo(expert.file, expert.bodyOffset, options);
}

function applyTo(file: VFile, end: number | undefined, options: { reportUnused?: boolean }) {
  const text = String(file.value ?? '');
  const { directives, misspelled } = findDirectives(text, end);
  if (directives.length === 0 && misspelled.length === 0) return;
  const lines = location(text);
  const lineOf = (offset: number) => lines.toPoint(offset)?.line ?? 1;
  const active = directives.map((directive) => ({
    directive,
    line: lineOf(directive.span.start),
    // With no ids, every editorial rule; ids that are no editorial rule are reported below and match nothing.
    all: directive.rules.length === 0,
    ids: new Set(directive.rules.map((rule) => rule.id).filter((id) => EDITORIAL.has(id))),
    used: new Set<string>(),
  }));
  file.messages = file.messages.filter((message) => {
    if (!EDITORIAL.has(message.ruleId ?? '')) return true;
    let suppressed = false;
    for (const entry of active) {
      if (entry.directive.kind === 'next-line' && message.line !== entry.line + 1) continue;
      if (!entry.all && !entry.ids.has(message.ruleId!)) continue;
      entry.used.add(entry.all ? '*' : message.ruleId!);
      suppressed = true;
    }
    return !suppressed;
  });
  for (const { name, span } of misspelled) {
    const near = didYouMean(name, NAMES, 4);
    addDiagnostic(file, {
      ruleId: 'ignore-directive',
      severity: 'warning',
      span,
      reason: `Unexpected \`${name}\`, expected \`roundup-ignore-next-line\` or \`roundup-ignore-file\`: this comment suppresses nothing`,
      note: near[0] ? `Write \`${near[0]}\`.` : 'Write `roundup-ignore-next-line RULE-ID -- reason`.',
      expected: near,
    });
  }
  for (const entry of active) {
    for (const rule of entry.directive.rules) if (!EDITORIAL.has(rule.id)) reportBadId(file, entry.directive, rule);
    if (!options.reportUnused) continue;
    const where = entry.directive.kind === 'file' ? 'in this file' : `on line ${entry.line + 1}`;
    if (entry.all && !entry.used.has('*'))
      reportUnused(file, entry.directive.span, `roundup-ignore-${entry.directive.kind}`, `a finding ${where}`);
    for (const rule of entry.directive.rules) {
      if (entry.ids.has(rule.id) && !entry.used.has(rule.id))
        reportUnused(file, rule.span, `${rule.id}\` in \`roundup-ignore-${entry.directive.kind}`, `a \`${rule.id}\` finding ${where}`);
    }
  }
}

function reportBadId(file: VFile, directive: IgnoreDirective, rule: { id: string; span: { start: number; end: number } }) {
  const name = `roundup-ignore-${directive.kind}`;
  const loadCheck = LOAD_CHECKS.some((check) => check.id === rule.id);
  const near = loadCheck ? [] : didYouMean(rule.id, EDITORIAL);
  addDiagnostic(file, {
    ruleId: 'ignore-directive',
    severity: 'warning',
    span: rule.span,
    reason: loadCheck
      ? `Unexpected \`${rule.id}\` in \`${name}\`, expected an editorial rule: \`${rule.id}\` problems cannot be suppressed`
      : `Unexpected rule \`${rule.id}\` in \`${name}\`${near[0] ? `, did you mean \`${near[0]}\`?` : ', expected a rule id from docs/rules.md'}`,
    note: loadCheck
      ? 'Fix the problem itself; only editorial rules can be ignored.'
      : near[0]
        ? `Write \`${near[0]}\`.`
        : 'Fix or remove the id.',
    expected: near,
  });
}

function reportUnused(file: VFile, span: { start: number; end: number }, what: string, expected: string) {
  addDiagnostic(file, {
    ruleId: 'unused-ignore',
    severity: 'warning',
    span,
    reason: `Unexpected \`${what}\` that suppresses nothing, expected ${expected}`,
    note: 'Remove it: what it accepted is no longer reported.',
  });
}
