import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { check, LOAD_CHECKS, RULES } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/rules');
const docs = readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');

async function findings(ruleId: string, kind: 'ok' | 'not-ok') {
  const result = await check({ paths: ['.'], cwd: path.join(FIXTURES, ruleId, kind) });
  return result.files.flatMap((file) => file.messages.map((message) => ({ file, message })));
}

describe('the rule registry', () => {
  test('ids are unique and kebab-case, with a severity and a description', () => {
    const ids = [...RULES.map((rule) => rule.id), ...LOAD_CHECKS.map((check) => check.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.description.length).toBeGreaterThan(20);
    }
  });

  test.each([...RULES.map((rule) => rule.id), ...LOAD_CHECKS.map((check) => check.id)])('%s has a section in docs/rules.md', (id) => {
    expect(docs).toContain(`\n## ${id}\n`);
  });

  describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    test('has fixtures', () => {
      for (const file of ['ok/question.yaml', 'not-ok/question.yaml', 'not-ok/expected.txt'])
        expect(existsSync(path.join(FIXTURES, id, file)), file).toBe(true);
    });

    test('the passing fixture gives nothing', async () => {
      expect((await findings(id, 'ok')).map(({ message }) => `${message.ruleId}: ${message.reason}`)).toEqual([]);
    });

    test('the failing fixture gives exactly the expected findings, stamped by the registry', async () => {
      const all = await findings(id, 'not-ok');
      const own = all.filter(({ message }) => message.ruleId === id);
      const expected = readFileSync(path.join(FIXTURES, id, 'not-ok/expected.txt'), 'utf8')
        .trim()
        .split('\n');
      expect(own.map(({ file, message }) => `${file.path}:${message.line}:${message.column}: ${message.reason}`)).toEqual(expected);
      for (const { message } of own) {
        expect(message.source).toBe('roundup');
        expect(message.url).toBe(`${pathToFileURL(path.join(ROOT, 'docs/rules.md')).href}#${id}`);
        expect(message.fatal).toBe(rule.severity === 'error' ? true : rule.severity === 'warning' ? false : undefined);
        expect(message.note).toBeTruthy();
      }
    });
  });
});
