import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { LOAD_CHECKS, RULES } from '../../src/index.js';
import { ROOT, runCli } from '../helpers.js';

const docs = readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
const docsUrl = (id: string) => `${pathToFileURL(path.join(ROOT, 'docs/rules.md')).href}#${id}`;

describe('roundup rules', () => {
  test('without an id: every rule with its default severity and one line, then the load checks', async () => {
    const { code, stdout, stderr } = await runCli(['rules']);
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.split('\n');
    for (const rule of RULES) expect(lines).toContain(`  ${rule.id.padEnd(25)}${rule.severity.padEnd(9)}${rule.description}`);
    for (const check of LOAD_CHECKS) expect(lines).toContain(`  ${check.id.padEnd(25)}${check.description}`);
    expect(lines.indexOf(`  ${'heading-level'.padEnd(25)}info     ${RULES.at(-1)?.description}`)).toBeLessThan(
      lines.findIndex((line) => line.startsWith('Load checks')),
    );
    expect(stdout).toContain('Run roundup rules <id> for a rule’s documentation.\n');
  });

  test('with an id: that rule’s section of docs/rules.md, whole and alone, then where the file is', async () => {
    const { code, stdout } = await runCli(['rules', 'credential-format']);
    expect(code).toBe(0);
    expect(stdout.startsWith('## credential-format\n\n**Warning.** A credential spelled against the house style.')).toBe(true);
    expect(stdout).toContain('\nFails: `credentials: Ph.D., L.C.S.W.` with `periods: none`;');
    expect(stdout).toContain('\nPasses: `credentials: PhD, LCSW`');
    expect(stdout).toContain('\nConfigure: `credentials.periods`.\n');
    expect(stdout).not.toContain('credential-duplicate');
    expect(stdout.endsWith(`\n\n${docsUrl('credential-format')}\n`)).toBe(true);
  });

  test.each([...RULES, ...LOAD_CHECKS].map((rule) => rule.id))('%s: its section, up to the next heading', async (id) => {
    const { code, stdout } = await runCli(['rules', id]);
    expect(code).toBe(0);
    const section = docs
      .slice(docs.indexOf(`\n## ${id}\n`) + 1)
      .split(/\n(?=#{1,2} )/)[0]
      ?.trim();
    expect(stdout).toBe(`${section}\n\n${docsUrl(id)}\n`);
  });

  test('the last section of the file ends at the end of the file', async () => {
    const { stdout } = await runCli(['rules', 'internal-error']);
    expect(stdout).toBe(`${docs.slice(docs.indexOf('## internal-error')).trim()}\n\n${docsUrl('internal-error')}\n`);
  });

  test('an unknown id: did you mean, exit 2', async () => {
    expect(await runCli(['rules', 'crdential-format'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'roundup: unknown rule `crdential-format`, did you mean `credential-format`? (roundup rules lists them)\n',
    });
    expect(await runCli(['rules', 'zzzzzzzz'])).toMatchObject({
      code: 2,
      stderr: 'roundup: unknown rule `zzzzzzzz` (roundup rules lists them)\n',
    });
  });
});
