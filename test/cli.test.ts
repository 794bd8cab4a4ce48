import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { EXAMPLE, ROOT, makeRoundup, minimalExpert, runCli, spawnCli, tempDir } from './helpers.js';

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('roundup build (the built binary)', () => {
  test('exit 0: writes html, json and text for the example', () => {
    const out = tempDir();
    const { code, stderr } = spawnCli(['build', EXAMPLE, '--format', 'html,json,text', '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain(
      `⚠ 3 warnings, 2 infos\nWrote ${['html', 'json', 'txt'].map((ext) => path.relative(ROOT, path.join(out, `therapists-cry.${ext}`))).join(', ')}\n`,
    );
    expect(stderr).toMatch(/\n1 roundup: 3 files written, 0 unchanged, 0 errors, 3 warnings in \d+\.\d\d s\n$/);
    expect(readdirSync(out).sort()).toEqual(['therapists-cry.html', 'therapists-cry.json', 'therapists-cry.txt']);
  });

  test('exit 1: a broken expert file gives positioned diagnostics and no output for that roundup', () => {
    const dir = makeRoundup({
      experts: {
        'a-missing-name': '---\ncredentials: LCSW\n---\nHi\n',
        'b-bad-credentials': '---\nname: B\ncredentials: 42\n---\nHi\n',
        'c-yaml-error': '---\nname: "C" x\n---\nHi\n',
        'd-javascript': '---js\n{ name: (globalThis.process.exitCode = 99, "D") }\n---\nHi\n',
      },
    });
    const out = path.join(tempDir(), 'out');
    const { code, stderr } = spawnCli(['build', dir, '--out', out], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr.split('\n').filter((line) => /^experts\//.test(line))).toEqual([
      'experts/a-missing-name.md:2:1: error: Missing required field `name` [schema]',
      'experts/b-bad-credentials.md:3:14: error: Unexpected number `42` for `credentials`, expected a list of credentials, or a comma-separated string such as `LCSW, PhD` [schema]',
      'experts/c-yaml-error.md:2:11: error: Unexpected YAML: unexpected scalar at node end [yaml-syntax]',
      'experts/d-javascript.md:1:4: error: Unexpected front matter language `js`, expected YAML [fm-language]',
    ]);
    expect(stderr).toContain('✖ 4 errors');
    noStackTrace(stderr);
    expect(existsSync(out)).toBe(false);
  });

  test('exit 2: a missing path is bad usage', () => {
    const { code, stderr } = spawnCli(['build', 'no/such/folder']);
    expect([code, stderr]).toEqual([2, 'roundup: no/such/folder: no such file or folder\n']);
  });

  test('exit 2: an unknown format or flag is bad usage, with a hint', () => {
    const format = spawnCli(['build', EXAMPLE, '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('expected one of html, json, text, md, got "pdf"');
    const flag = spawnCli(['build', EXAMPLE, '--colour']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("error: unknown option '--colour'");
    noStackTrace(flag.stderr);
  });

  test('exit 2: a write that fails is reported as a failure, without a stack trace', () => {
    const base = tempDir();
    writeFileSync(path.join(base, 'taken'), 'a file where the output folder should be');
    const { code, stderr } = spawnCli(['build', EXAMPLE, '--out', path.join(base, 'taken')]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `roundup: cannot write to the output folder ${path.join(base, 'taken')}: a file of that name exists (EEXIST); choose another --out\n`,
    );
    noStackTrace(stderr);
    expect(readFileSync(path.join(base, 'taken'), 'utf8')).toBe('a file where the output folder should be');
  });

  test('--out - prints one format to stdout and writes nothing', () => {
    const cwd = tempDir();
    const { code, stdout } = spawnCli(['build', EXAMPLE, '--format', 'text', '--out', '-'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(path.join(ROOT, 'test/fixtures/golden/therapists-cry/article.txt'), 'utf8'));
    expect(readdirSync(cwd)).toEqual([]);
  });

  test('--version and --help', () => {
    const version = spawnCli(['--version']);
    expect([version.code, version.stdout]).toEqual([0, `${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`]);
    const help = spawnCli(['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('$ roundup build examples/therapists-cry --format html,json,text');
  });
});

describe('roundup CLI (in process)', () => {
  test('repeated and comma-separated --format combine', async () => {
    const out = tempDir();
    const { code } = await runCli(['build', EXAMPLE, '--format', 'json', '--format', 'text,html', '--out', out]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['therapists-cry.html', 'therapists-cry.json', 'therapists-cry.txt']);
  });

  test('default format is html and default out is dist/', async () => {
    const dir = makeRoundup();
    const { code } = await runCli(['build', '.'], { cwd: dir });
    expect(code).toBe(0);
    expect(readdirSync(path.join(dir, 'dist'))).toEqual(['my-roundup.html']);
  });

  test('--out - refuses several formats', async () => {
    const { code, stderr } = await runCli(['build', EXAMPLE, '--format', 'html,json', '--out', '-']);
    expect([code, stderr]).toEqual([2, 'roundup: --out - prints a single format; pick one with --format\n']);
  });

  test('no arguments prints help and exits 2', async () => {
    const { code, stdout } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toContain('Usage: roundup');
  });

  test('a failed build leaves earlier outputs as they were', async () => {
    const dir = makeRoundup();
    const out = path.join(dir, 'out');
    expect((await runCli(['build', '.', '--out', 'out'], { cwd: dir })).code).toBe(0);
    const before = readFileSync(path.join(out, 'my-roundup.html'), 'utf8');
    writeFileSync(path.join(dir, 'experts', 'jane-doe.md'), '---\nname: [broken\n---\n');
    expect((await runCli(['build', '.', '--out', 'out'], { cwd: dir })).code).toBe(1);
    expect(readFileSync(path.join(out, 'my-roundup.html'), 'utf8')).toBe(before);
    expect(readdirSync(out)).toEqual(['my-roundup.html']);
  });

  test('one broken roundup does not stop the others', async () => {
    const parent = tempDir();
    makeRoundup({ parent, name: 'good' });
    makeRoundup({ parent, name: 'bad', experts: { 'jane-doe': minimalExpert('Jane', 'credentials: 1\n') } });
    const { code, stderr } = await runCli(['build', '.', '--out', 'out'], { cwd: parent });
    expect(code).toBe(1);
    expect(stderr).toContain('bad/experts/jane-doe.md:4:1: error: Unexpected duplicate key');
    expect(readdirSync(path.join(parent, 'out'))).toEqual(['good.html']);
  });

  test('roundup check writes nothing and prints json diagnostics to stdout', async () => {
    const dir = makeRoundup({ experts: { 'jane-doe': '---\nname: Jane\nlocaton: Austin\n---\nHi\n' } });
    const { code, stdout } = await runCli(['check', '.', '--reporter', 'json'], { cwd: dir });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      {
        file: 'experts/jane-doe.md',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 8,
        severity: 'error',
        ruleId: 'schema',
        message: 'Unexpected field `locaton`, did you mean `location`?',
        fix: 'Rename `locaton` to `location`.',
        expected: ['location'],
        edit: null,
        url: `${pathToFileURL(path.join(ROOT, 'docs/rules.md')).href}#schema`,
      },
    ]);
    expect(readdirSync(dir).sort()).toEqual(['experts', 'question.yaml']);
  });

  test('colors follow FORCE_COLOR over NO_COLOR, and --no-color over both', async () => {
    const dir = makeRoundup({ experts: { 'jane-doe': '---\ncredentials: LCSW\n---\nHi\n' } });
    const plain = await runCli(['check', '.'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(plain.stderr).not.toContain('\u001b[');
    const colored = await runCli(['check', '.'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(colored.stderr).toContain('\u001b[31m');
    const flagged = await runCli(['check', '.', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    const untimed = (text: string) => text.replace(/in \d+\.\d\d s/, 'in … s');
    expect(untimed(flagged.stderr)).toBe(untimed(plain.stderr));
  });
});

describe('--max-warnings', () => {
  // The example has 3 warnings and 2 infos, and no errors.
  test('check: more warnings than allowed fail with a line that says so; as many pass', async () => {
    const over = await runCli(['check', EXAMPLE, '--max-warnings', '2']);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/\n1 roundup checked: 0 errors, 3 warnings in \d+\.\d\d s\n3 warnings, more than --max-warnings 2\n$/);
    const within = await runCli(['check', EXAMPLE, '--max-warnings', '3']);
    expect(within.code).toBe(0);
    expect(within.stderr).not.toContain('--max-warnings');
  });

  test('build: --max-warnings 0 fails on the first warning; the JSON report on stdout stays clean', async () => {
    const out = tempDir();
    const result = await runCli(['build', EXAMPLE, '--out', out, '--max-warnings', '0', '--reporter', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ 3 warnings in \d+\.\d\d s\n3 warnings, more than --max-warnings 0\n$/);
    expect(JSON.parse(result.stdout)).toHaveLength(5);
  });

  test('errors still fail as before, with or without too many warnings; a bad count is bad usage', async () => {
    const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, Texsa\n') } });
    const errors = await runCli(['check', dir, '--max-warnings', '5']);
    expect([errors.code, errors.stderr.includes('--max-warnings')]).toEqual([1, false]);
    const both = await runCli(['check', dir, EXAMPLE, '--max-warnings', '1']);
    expect([both.code, both.stderr.endsWith('\n3 warnings, more than --max-warnings 1\n')]).toEqual([1, true]);
    const bad = await runCli(['check', dir, '--max-warnings', 'ten']);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      "error: option '--max-warnings <n>' argument 'ten' is invalid. expected a whole number, such as 0 or 10\n(run with --help for usage)\n",
    ]);
  });
});
