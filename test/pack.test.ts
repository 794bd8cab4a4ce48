import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

/**
 * The package as a user gets it: `npm pack`, then `npm install <tarball>` in a
 * fresh project, with no network. A fresh `npm install` needs the registry's
 * metadata for every dependency, which the npm cache does not hold after
 * `npm ci` (only the tarballs), so the project starts with a lockfile made of
 * this repository's production entries: npm takes versions from it and
 * tarballs from the cache, and installs exactly what the rest of the suite
 * tested.
 */

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  license: string;
  dependencies: Record<string, string>;
  bin: Record<string, string>;
  engines: Record<string, string>;
};

/** The environment without what `npm test` sets for this package (npm_config_local_prefix would send the install here). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) || key === 'npm_config_cache') env[key] = value;
  return { ...env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', NO_COLOR: '1' };
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 180_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A lockfile for a project that depends on the tarball alone. */
function seedLockfile(tarball: string) {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; link?: boolean }>;
  };
  const packages: Record<string, unknown> = { '': { name: 'pack-test', dependencies: { [manifest.name]: `file:${tarball}` } } };
  for (const [key, entry] of Object.entries(lock.packages)) if (key && !entry.dev && !entry.link) packages[key] = entry;
  packages[`node_modules/${manifest.name}`] = {
    version: manifest.version,
    resolved: `file:${tarball}`,
    license: manifest.license,
    dependencies: manifest.dependencies,
    bin: manifest.bin,
    engines: manifest.engines,
  };
  return { name: 'pack-test', lockfileVersion: 3, requires: true, packages };
}

let files: string[] = [];
let project = '';
const content = () => path.join(project, 'content');
const roundup = (args: string[], cwd = project) => run(process.execPath, [path.join(project, 'node_modules/.bin/roundup'), ...args], cwd);

describe('the packed tarball, installed offline in a fresh project', () => {
  beforeAll(() => {
    expect(existsSync(path.join(ROOT, 'dist/bundle/cli.js')), 'run npm run build first').toBe(true);
    const base = tempDir('roundup-pack-');
    // --ignore-scripts: `prepare` would rebuild dist/ under the other test files that run it.
    const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', base], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    files = info?.files.map((file) => file.path) ?? [];
    const tarball = `../${info?.filename}`;

    project = path.join(base, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'pack-test', private: true, type: 'module' })}\n`);
    writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify(seedLockfile(tarball)));
    const installed = run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund'], project);
    expect(installed.code, installed.stderr).toBe(0);
  }, 240_000);

  test('the tarball: command, library, schemas, docs and license; no source maps, no sources', () => {
    for (const file of [
      'LICENSE',
      'README.md',
      'package.json',
      'bin/roundup.js',
      'dist/bundle/cli.js',
      'dist/bundle/worker.js',
      'dist/index.js',
      'dist/index.d.ts',
      'docs/rules.md',
      'docs/credentials.md',
      'schema/question.json',
      'schema/expert.json',
      'schema/config.json',
      'schema/roundup.output.json',
    ])
      expect(files).toContain(file);
    expect(files.filter((file) => file.endsWith('.map') || /^(src|test|examples|docs\/screenshots)\//.test(file))).toEqual([]);
  });

  test('npx roundup --version', () => {
    expect(run('npx', ['roundup', '--version'], project)).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
  });

  test('roundup init from a subfolder links the installed schema, relative to question.yaml', () => {
    mkdirSync(content());
    const init = roundup(['init', 'my-roundup'], content());
    expect(init.code, init.stderr).toBe(0);
    const question = readFileSync(path.join(content(), 'my-roundup/question.yaml'), 'utf8');
    expect(question.split('\n')[0]).toBe(`# yaml-language-server: $schema=../../node_modules/${manifest.name}/schema/question.json`);
    expect(existsSync(path.join(content(), 'my-roundup/../../node_modules', manifest.name, 'schema/question.json'))).toBe(true);
  });

  test('roundup check: the scaffold’s placeholder, with a url that opens the installed docs; then clean', () => {
    const found = roundup(['check', 'content/my-roundup', '--reporter', 'json']);
    expect(found.code).toBe(1);
    const [finding] = JSON.parse(found.stdout) as { ruleId: string; url: string }[];
    expect(finding?.ruleId).toBe('answer-placeholder');
    const [file, anchor] = (finding?.url ?? '').split('#');
    expect(fileURLToPath(file ?? '')).toBe(path.join(project, 'node_modules', manifest.name, 'docs/rules.md'));
    expect(existsSync(fileURLToPath(file ?? ''))).toBe(true);
    expect(readFileSync(fileURLToPath(file ?? ''), 'utf8')).toContain(`\n## ${anchor}\n`);

    const expert = path.join(content(), 'my-roundup/experts/alex-rivera.md');
    writeFileSync(
      expert,
      readFileSync(expert, 'utf8').replace(/^Write the expert's answer here[^]*$/m, 'Ask what a first session looks like.\n'),
    );
    const clean = roundup(['check', 'content/my-roundup', '--strict']);
    expect(clean.code, clean.stderr).toBe(0);
  });

  test('roundup build', () => {
    const built = roundup(['build', 'content/my-roundup', '--format', 'html,json,text', '--out', 'public']);
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(path.join(project, 'public/my-roundup.html'), 'utf8')).toContain('Alex Rivera');
    expect(JSON.parse(readFileSync(path.join(project, 'public/my-roundup.json'), 'utf8')).experts).toHaveLength(1);
    expect(existsSync(path.join(project, 'public/my-roundup.txt'))).toBe(true);
  });

  test('roundup rules prints a rule’s documentation from the installed docs', () => {
    const rule = roundup(['rules', 'name-quotes']);
    expect(rule.code).toBe(0);
    expect(rule.stdout).toMatch(/^## name-quotes\n\n\*\*Warning\.\*\*[^]*\nFails: [^]*\nPasses: /);
  });

  test('the README’s API example, as an ES module importing the package by name', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /\n## Library\n[^]*?```js\n([^]*?)```/.exec(readme)?.[1];
    expect(example).toContain(`from '${manifest.name}'`);
    writeFileSync(path.join(content(), 'build.mjs'), example ?? '');
    const result = run(process.execPath, ['build.mjs'], content());
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(content(), 'dist/my-roundup.html'), 'utf8')).toContain('Alex Rivera');
    expect(existsSync(path.join(content(), 'dist/my-roundup.json'))).toBe(true);
  });

  test('the schemas and the manifest resolve through exports', () => {
    const resolved = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `console.log(import.meta.resolve('${manifest.name}/schema/expert.json')); console.log(import.meta.resolve('${manifest.name}/package.json'))`,
      ],
      project,
    );
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(
      resolved.stdout
        .trim()
        .split('\n')
        .map((url) => fileURLToPath(url)),
    ).toEqual([
      path.join(project, 'node_modules', manifest.name, 'schema/expert.json'),
      path.join(project, 'node_modules', manifest.name, 'package.json'),
    ]);
  });
});
