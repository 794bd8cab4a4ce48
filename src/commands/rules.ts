import { readFileSync } from 'node:fs';
import { LOAD_CHECKS, RULES } from '../check/catalog.js';
import { docsUrl } from '../util/diagnostics.js';
import { didYouMean } from '../util/did-you-mean.js';
import { UsageError } from '../util/errors.js';
import { packageFile } from '../util/package-root.js';
import type { CommandContext } from './io.js';

/** A rule's section of docs/rules.md, the one text that explains the rules: from its `## id` heading to the next heading of level 1 or 2. */
function ruleSection(markdown: string, id: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.indexOf(`## ${id}`);
  if (start === -1) return undefined;
  const end = lines.findIndex((line, index) => index > start && /^#{1,2} /.test(line));
  return lines
    .slice(start, end === -1 ? undefined : end)
    .join('\n')
    .trim();
}

/** Every rule id and its one line, editorial rules with their default severity, then the load checks. */
function listRules(): string {
  const width = Math.max(...[...RULES, ...LOAD_CHECKS].map((rule) => rule.id.length)) + 2;
  return [
    'Editorial rules (default severity; change it or turn a rule off under `rules:` in roundup.config.yaml):',
    ...RULES.map((rule) => `  ${rule.id.padEnd(width)}${rule.severity.padEnd(9)}${rule.description}`),
    '',
    'Load checks (found while files are read; they stop the roundup and cannot be turned off):',
    ...LOAD_CHECKS.map((check) => `  ${check.id.padEnd(width)}${check.description}`),
    '',
    'Run roundup rules <id> for a rule’s documentation.',
    '',
  ].join('\n');
}

/** `roundup rules [id]`: the list, or one rule's documentation from docs/rules.md. */
export function rulesCommand(id: string | undefined, { io }: CommandContext): number {
  if (id === undefined) {
    io.stdout.write(listRules());
    return 0;
  }
  const ids = [...RULES, ...LOAD_CHECKS].map((rule) => rule.id);
  if (!ids.includes(id)) {
    const near = didYouMean(id, ids);
    throw new UsageError(
      `unknown rule \`${id}\`${near.length > 0 ? `, did you mean ${near.map((name) => `\`${name}\``).join(' or ')}?` : ''} (roundup rules lists them)`,
    );
  }
  const section = ruleSection(readFileSync(packageFile('docs', 'rules.md'), 'utf8'), id);
  if (!section) throw new Error(`docs/rules.md has no section for \`${id}\``);
  io.stdout.write(`${section}\n\n${docsUrl(id)}\n`);
  return 0;
}
