import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { build, check } from '../../src/index.js';
import { makeRoundup, runCli, tempDir } from '../helpers.js';

/** One expert with credential-order (info) and credential-duplicate (warning) on line 3; one clean guest. */
const EXPERTS = {
  'jane-doe': '---\nname: Jane Doe\ncredentials: LCSW, PhD, LCSW\n---\nAn answer.\n',
  'guest-kip': '---\nname: Kip Lee\ncredentials: LCSW, PhD, LCSW\n---\nAn answer.\n',
};

function content(config: string, extra: Record<string, string> = {}) {
  const cwd = tempDir();
  makeRoundup({ parent: path.join(cwd, 'news'), name: 'a', experts: EXPERTS });
  makeRoundup({ parent: path.join(cwd, 'features'), name: 'b', experts: EXPERTS });
  writeFileSync(path.join(cwd, 'roundup.config.yaml'), config);
  for (const [file, text] of Object.entries(extra)) writeFileSync(path.join(cwd, file), text);
  return cwd;
}

const findings = async (cwd: string) =>
  (await check({ paths: ['.'], cwd })).files.flatMap((file) =>
    file.messages.map(
      (message) => `${file.path} ${message.ruleId} ${message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'}`,
    ),
  );

describe('overrides', () => {
  test('rules apply to the findings on the files the globs match, relative to the config', async () => {
    const cwd = content(
      'rules: {credential-order: off}\noverrides:\n  - files: "**/experts/guest-*.md"\n    rules: {credential-duplicate: off}\n  - files: [news/**]\n    rules: {credential-duplicate: error, credential-order: warning}\n',
    );
    expect((await findings(cwd)).sort()).toEqual(
      [
        'features/b/experts/jane-doe.md credential-duplicate warning',
        // news/** comes later: it wins over the guest override for news/a's guest.
        'news/a/experts/guest-kip.md credential-duplicate error',
        'news/a/experts/guest-kip.md credential-order warning',
        'news/a/experts/jane-doe.md credential-duplicate error',
        'news/a/experts/jane-doe.md credential-order warning',
      ].sort(),
    );
  });

  test('house style follows the roundup whose question.yaml is matched', async () => {
    const cwd = content('overrides:\n  - files: news/*/question.yaml\n    credentials: {periods: all}\n');
    const result = await findings(cwd);
    const folders = result.filter((line) => line.includes('credential-format')).map((line) => line.split('/')[0]);
    expect([new Set(folders), folders.length > 0]).toEqual([new Set(['news']), true]);
  });

  test('overrides from an extended config have their globs relative to the config in use, as in ESLint', async () => {
    const cwd = content('extends: ./shared/house.yaml\n');
    const shared = path.join(cwd, 'shared');
    mkdirSync(shared);
    writeFileSync(path.join(shared, 'house.yaml'), 'overrides:\n  - files: features/**\n    rules: {credential-duplicate: off}\n');
    expect((await findings(cwd)).filter((line) => line.includes('credential-duplicate')).map((line) => line.split('/')[0])).toEqual([
      'news',
      'news',
    ]);
  });

  test('an unknown rule in an override is a config error (exit 2)', async () => {
    const cwd = content('overrides:\n  - files: news/**\n    rules: {credential-oder: off}\n');
    const { code, stderr } = await runCli(['check', '.'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toContain(
      'roundup.config.yaml:3:13: error: Unexpected rule `credential-oder` in `rules`, did you mean `credential-order`? [schema]',
    );
  });

  test('a broken extended config stops the run with its own position (exit 2)', async () => {
    const cwd = content('extends: ./base.yaml\n', { 'base.yaml': 'rules: {credential-order: loud}\n' });
    const { code, stderr } = await runCli(['check', '.'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^base\.yaml:1:27: error: Unexpected string `loud`/m);
  });

  test('a cycle is reported once and exits 2', async () => {
    const cwd = content('extends: ./base.yaml\n', { 'base.yaml': 'extends: ./roundup.config.yaml\n' });
    const { code, stderr } = await runCli(['check', '.'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toContain(
      'base.yaml:1:10: error: Unexpected cycle in `extends`: `roundup.config.yaml` extends `base.yaml` extends `roundup.config.yaml`',
    );
    expect(stderr.match(/Unexpected cycle/g)).toHaveLength(1);
  });

  test('a change to an extended config rebuilds the roundups that use it', async () => {
    const cwd = content('extends: ./base.yaml\n', { 'base.yaml': 'rules: {credential-order: off}\n' });
    const first = await build({ paths: ['.'], cwd });
    expect(first.summary.unchanged).toBe(0);
    expect((await build({ paths: ['.'], cwd })).summary.unchanged).toBe(2);
    writeFileSync(path.join(cwd, 'base.yaml'), 'rules: {credential-order: warning}\n');
    const third = await build({ paths: ['.'], cwd });
    expect(third.summary.unchanged).toBe(0);
    expect(third.summary.warnings).toBe(8);
  });
});
