import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/index.js';
import { EXAMPLE, makeRoundup, minimalExpert, runCli, tempDir } from '../helpers.js';

describe('roundup check on the reference article', () => {
  test('reports exactly the article’s slips, each at its place, and nothing else', async () => {
    const { code, stdout } = await runCli(['check', EXAMPLE, '--reporter', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      file: string;
      line: number;
      column: number;
      severity: string;
      ruleId: string;
      fix: string;
      expected: string[];
    }[];
    expect(
      report.map(({ file, line, column, severity, ruleId }) => `${path.basename(file)}:${line}:${column} ${severity} ${ruleId}`),
    ).toEqual([
      'question.yaml:12:21 warning expert-count',
      'anne-rodgers-watson.md:3:16 warning name-quotes',
      'anne-rodgers-watson.md:4:21 info credential-ambiguous',
      'anne-rodgers-watson.md:5:7 info role-credential',
      'natalie-moore.md:5:11 warning location-region-missing',
    ]);
    expect(report.find((entry) => entry.ruleId === 'location-region-missing')?.expected).toEqual(['Los Angeles, California']);
    expect(report.find((entry) => entry.ruleId === 'expert-count')?.expected).toEqual(['6 Answers']);
  });
});

describe('exit codes', () => {
  test('0 on warnings only, 1 on warnings with --strict, 1 on an error', async () => {
    const warned = makeRoundup({ experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, TX\n') } });
    writeFileSync(path.join(warned, 'roundup.config.yaml'), 'locations:\n  style: full\n');
    expect((await runCli(['check', '.'], { cwd: warned })).code).toBe(0);
    expect((await runCli(['check', '.', '--strict'], { cwd: warned })).code).toBe(1);
    const failed = makeRoundup({ experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, Texsa\n') } });
    const { code, stderr } = await runCli(['check', '.'], { cwd: failed });
    expect(code).toBe(1);
    expect(stderr).toContain(
      'experts/jane-doe.md:4:19: error: Unexpected region `Texsa`, expected a US state, a Canadian province, an Australian state or a country; did you mean `Texas`? [location-region-unknown]',
    );
  });

  test('a roundup with a rule error is not written', async () => {
    const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, Texsa\n') } });
    expect((await runCli(['build', '.', '--out', 'out'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['build', '.', '--out', 'out', '--quiet'], { cwd: dir })).stderr).not.toContain('warning:');
  });
});

describe('the github reporter', () => {
  const COMMAND = /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=[a-z-]+::[^\r\n]+$/;

  test('every line of the example’s report parses as a workflow command', async () => {
    const { stdout } = await runCli(['check', EXAMPLE, '--reporter', 'github']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toMatch(COMMAND);
    expect(lines[4]).toBe(
      '::warning file=examples/therapists-cry/experts/natalie-moore.md,line=5,col=11,endLine=5,endColumn=22,title=location-region-missing::Unexpected location `Los Angeles` without a region, expected `City, Region` (add the state: `Los Angeles, California`) (fix: Write `Los Angeles, California`.)',
    );
  });

  test('content cannot inject a workflow command, and GitHub’s per-step limit is announced', async () => {
    const experts = Object.fromEntries(
      Array.from({ length: 12 }, (_, index) => [
        `expert-${index}`,
        minimalExpert(`Expert ${index}`, `location: "Austin\\n::error::pwned, TX"\n`),
      ]),
    );
    const dir = makeRoundup({ experts });
    writeFileSync(path.join(dir, 'roundup.config.yaml'), 'locations:\n  style: full\n');
    const { stdout } = await runCli(['check', '.', '--reporter', 'github'], { cwd: dir });
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::error::'))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('::warning'))).toHaveLength(10);
    expect(lines.at(-1)).toBe(
      '::notice title=roundup::2 warnings not annotated: GitHub shows 10 of each kind per step. They are listed in this log.',
    );
    expect(lines[0]).toContain('%0A::error::pwned');
  });
});

describe('roundup.config.yaml', () => {
  function withConfig(config: string, expertExtra = 'credentials: LCSW\nlocation: Austin, TX\n') {
    const parent = tempDir();
    writeFileSync(path.join(parent, 'roundup.config.yaml'), config);
    mkdirSync(path.join(parent, 'content'));
    return makeRoundup({
      parent: path.join(parent, 'content'),
      experts: { 'jane-doe': `---\nname: Jane Doe\n${expertExtra}---\nAn answer.\n` },
    });
  }

  test('is found in a folder above the roundup and changes severities', async () => {
    const dir = withConfig('locations:\n  style: full\nrules:\n  location-style: error\n');
    const result = await check({ paths: ['.'], cwd: dir });
    expect(result.code).toBe(1);
    expect(result.files.map((file) => path.basename(file.path))).toEqual(['jane-doe.md']);
    expect(result.files[0]!.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['location-style', true]]);
  });

  test('turns a rule off, and sets the house style', async () => {
    expect(
      (await check({ paths: ['.'], cwd: withConfig('rules:\n  location-style: off\n') })).files.flatMap((file) => file.messages),
    ).toEqual([]);
    expect(
      (await check({ paths: ['.'], cwd: withConfig('locations:\n  style: postal\n') })).files.flatMap((file) => file.messages),
    ).toEqual([]);
  });

  test('locations.required makes a missing location an error', async () => {
    const result = await check({ paths: ['.'], cwd: withConfig('locations:\n  required: true\n', 'credentials: LCSW\n') });
    expect(result.files.flatMap((file) => file.messages.map((message) => [message.ruleId, message.fatal]))).toEqual([
      ['location-missing', true],
    ]);
  });

  test('extra credentials are known to every rule', async () => {
    const result = await check({
      paths: ['.'],
      cwd: withConfig(
        'credentials:\n  extra:\n    - abbr: XYZ\n      expansion: Example Credential\n      kind: national-certification\n',
        'credentials: XYZ\nlocation: Austin, Texas\n',
      ),
    });
    expect(result.files.flatMap((file) => file.messages)).toEqual([]);
  });

  test('a broken config is reported at its place and exits 2', async () => {
    const dir = withConfig('locations:\n  style: fancy\nrules:\n  credential-ordr: off\n  schema: off\n');
    const { code, stderr } = await runCli(['check', '.'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr.split('\n').filter((line) => line.startsWith('../../'))).toEqual([
      '../../roundup.config.yaml:2:10: error: Unexpected string `fancy` for `locations.style`, expected `full` (Texas), `ap` (Calif.) or `postal` (CA) [schema]',
      '../../roundup.config.yaml:4:3: error: Unexpected rule `credential-ordr` in `rules`, did you mean `credential-order`? [schema]',
      '../../roundup.config.yaml:5:3: error: Unexpected rule `schema` in `rules`, expected an editorial rule: `schema` problems always stop the build [schema]',
    ]);
  });

  test('--config names the file explicitly', async () => {
    const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, TX\n') } });
    writeFileSync(path.join(dir, 'house.yaml'), 'locations:\n  style: postal\n');
    const { code, stderr } = await runCli(['check', '.', '--config', 'house.yaml', '--strict'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^1 roundup checked: 0 errors, 0 warnings in \d+\.\d\d s\n$/);
  });
});

describe('roundup credentials', () => {
  test('explains a credential with its issuer, states, boards and source, and suggests the nearest for an unknown one', async () => {
    const known = await runCli(['credentials', 'LCMHC']);
    expect(known.code).toBe(0);
    expect(known.stdout).toContain('LCMHC: Licensed Clinical Mental Health Counselor\n  kind: state-license\n');
    expect(known.stdout).toMatch(/\n  issued in: [^\n]*North Carolina/);
    expect(known.stdout).toMatch(/\n    North Carolina: [^\n]+ \(https?:\/\/[^)]+\)\n/);
    expect(known.stdout).toMatch(/\n  source: https?:\/\/\S+\n/);
    const unknown = await runCli(['credentials', 'LCMCH']);
    expect([unknown.code, unknown.stdout]).toEqual([1, 'LCMCH: unknown; did you mean LCMHC?\n']);
  });

  test('--json: the whole registry, each entry with a named issuer, a source, a kind and its countries', async () => {
    const { stdout } = await runCli(['credentials', '--json']);
    const registry = JSON.parse(stdout) as {
      query: string;
      entries: { abbr: string; issuer: string; source: string; kind: string; countries: string[] }[];
    }[];
    expect(registry.length).toBeGreaterThanOrEqual(1000);
    for (const { entries } of registry) {
      const [entry] = entries;
      expect(entry!.issuer, entry!.abbr).toMatch(/\w/);
      expect(entry!.source, entry!.abbr).toMatch(/^https?:\/\//);
      expect(entry!.countries.length, entry!.abbr).toBeGreaterThan(0);
    }
  });
});
