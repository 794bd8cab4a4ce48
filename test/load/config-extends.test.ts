import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readConfig } from '../../src/load/config.js';
import { messageLines, tempDir } from '../helpers.js';

/** Write files (path → text) under a fresh folder and return it. */
function tree(files: Record<string, string>): string {
  const cwd = tempDir();
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
    writeFileSync(path.join(cwd, file), text);
  }
  return cwd;
}

const problems = (config: ReturnType<typeof readConfig>) =>
  config.layers.flatMap((layer) => messageLines(layer.file).map((line) => `${layer.file.path}:${line}`));

describe('extends', () => {
  test('merges a relative path under the extending config, which wins key by key', () => {
    const cwd = tree({
      'house.yaml':
        'locations: {style: ap, required: true}\nrules: {credential-order: off, location-style: error}\ncredentials:\n  periods: ap\n  expansions: {CHPC: A}\n',
      'site/roundup.config.yaml':
        'extends: ../house.yaml\nlocations: {style: full}\nrules: {credential-order: warning}\ncredentials:\n  expansions: {CHPC: B, CPC: C}\n',
    });
    const config = readConfig('site/roundup.config.yaml', { cwd });
    expect(problems(config)).toEqual([]);
    expect(config.value).toEqual({
      locations: { style: 'full', required: true },
      rules: { 'credential-order': 'warning', 'location-style': 'error' },
      credentials: { periods: 'ap', expansions: { CHPC: 'B', CPC: 'C' } },
    });
    expect(config.layers.map((layer) => layer.file.path)).toEqual(['site/roundup.config.yaml', 'house.yaml']);
    expect(config.raws.map((raw) => raw.path)).toEqual(['site/roundup.config.yaml', 'house.yaml']);
  });

  test('a list extends in order, later ones winning; credentials.extra lists add up, own entries first', () => {
    const extra = (abbr: string) => `credentials:\n  extra: [{abbr: ${abbr}, expansion: E, kind: membership}]\n`;
    const cwd = tree({
      'a.yaml': `names: {honorifics: keep}\n${extra('AAA')}`,
      'b.yaml': 'names: {honorifics: drop}\n',
      'roundup.config.yaml': `extends: [./a.yaml, ./b.yaml]\n${extra('OWN')}`,
    });
    const config = readConfig('roundup.config.yaml', { cwd });
    expect(config.value.names).toEqual({ honorifics: 'drop' });
    expect(config.value.credentials?.extra?.map((entry) => entry.abbr)).toEqual(['OWN', 'AAA']);
  });

  test('a package name resolves from the config’s folder: a YAML main, or roundup.config.yaml at its root', () => {
    const cwd = tree({
      'node_modules/@acme/roundup-style/package.json': '{"name": "@acme/roundup-style", "main": "style.yaml"}',
      'node_modules/@acme/roundup-style/style.yaml': 'locations: {style: postal}\n',
      'node_modules/plain-style/package.json': '{"name": "plain-style"}',
      'node_modules/plain-style/roundup.config.yaml': 'credentials: {periods: all}\n',
      'content/roundup.config.yaml': "extends: ['@acme/roundup-style', plain-style]\n",
    });
    const config = readConfig('content/roundup.config.yaml', { cwd });
    expect(problems(config)).toEqual([]);
    expect(config.value).toEqual({ locations: { style: 'postal' }, credentials: { periods: 'all' } });
  });

  test('a missing file or package is an error at its entry', () => {
    const cwd = tree({
      'node_modules/js-only/package.json': '{"name": "js-only", "main": "index.js"}',
      'node_modules/js-only/index.js': '',
      'roundup.config.yaml': 'extends:\n  - ./nowhere.yaml\n  - no-such-package\n  - js-only\n',
    });
    expect(problems(readConfig('roundup.config.yaml', { cwd }))).toEqual([
      'roundup.config.yaml:2:5: config-extends: Unexpected `./nowhere.yaml` in `extends`: no such file beside this config, expected the path of a roundup.config.yaml',
      'roundup.config.yaml:3:5: config-extends: Unexpected `no-such-package` in `extends`: no such package can be found from this folder, expected an installed package or a path',
      'roundup.config.yaml:4:5: config-extends: Unexpected package `js-only` in `extends` whose main file is `index.js`, expected a YAML config',
    ]);
  });

  test('a cycle is an error naming the whole loop, and reading stops', () => {
    const cwd = tree({
      'a.yaml': 'extends: ./b.yaml\n',
      'b.yaml': 'extends: ./c.yaml\n',
      'c.yaml': 'extends: ./a.yaml\nrules: {credential-order: off}\n',
      'self.yaml': 'extends: ./self.yaml\n',
    });
    expect(problems(readConfig('a.yaml', { cwd }))).toEqual([
      'c.yaml:1:10: config-extends: Unexpected cycle in `extends`: `a.yaml` extends `b.yaml` extends `c.yaml` extends `a.yaml`, expected each config to build on others without coming back',
    ]);
    expect(problems(readConfig('self.yaml', { cwd }))).toEqual([
      'self.yaml:1:10: config-extends: Unexpected cycle in `extends`: `self.yaml` extends `self.yaml`, expected each config to build on others without coming back',
    ]);
  });

  test('a diamond (two configs extending one base) is no cycle', () => {
    const cwd = tree({
      'base.yaml': 'names: {honorifics: drop}\n',
      'a.yaml': 'extends: ./base.yaml\n',
      'c.yaml': 'extends: [./a.yaml, ./base.yaml]\n',
    });
    expect(problems(readConfig('c.yaml', { cwd }))).toEqual([]);
  });

  test('schema errors in an extended file are reported there, and the config counts as empty', () => {
    const cwd = tree({
      'base.yaml': 'locations: {style: fancy}\n',
      'roundup.config.yaml': 'extends: ./base.yaml\nnames: {honorifics: drop}\n',
    });
    const config = readConfig('roundup.config.yaml', { cwd });
    expect(problems(config)).toEqual([
      'base.yaml:1:20: schema: Unexpected string `fancy` for `locations.style`, expected `full` (Texas), `ap` (Calif.) or `postal` (CA)',
    ]);
    expect(config.value).toEqual({});
  });
});
