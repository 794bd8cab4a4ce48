import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { build, check } from '../../src/index.js';
import { EXAMPLE, ROOT, makeRoundup, minimalExpert, runCli, spawnCli, tempDir } from '../helpers.js';

const findings = (result: Awaited<ReturnType<typeof check>>) =>
  result.files.flatMap((file) => file.messages.map((message) => `${path.basename(file.path)} ${message.ruleId}`));

const NATALIE = 'examples/therapists-cry/experts/natalie-moore.md';

describe('files as arguments (lint-staged, pre-commit)', () => {
  test('an expert file checks its roundup and reports only its own findings', async () => {
    const result = await check({ paths: [path.join(EXAMPLE, 'experts/natalie-moore.md')] });
    expect(findings(result)).toEqual(['natalie-moore.md location-region-missing']);
    expect(result.summary).toMatchObject({ roundups: 1, errors: 0, warnings: 1 });
    expect(result.code).toBe(0);
  });

  test('question.yaml reports its own findings, such as expert-count', async () => {
    const result = await check({ paths: [path.join(EXAMPLE, 'question.yaml')] });
    expect(findings(result)).toEqual(['question.yaml expert-count']);
  });

  test('several files of one roundup check it once and report the union', async () => {
    const result = await check({
      paths: [
        path.join(EXAMPLE, 'experts/natalie-moore.md'),
        path.join(EXAMPLE, 'question.yaml'),
        path.join(EXAMPLE, 'experts/natalie-moore.md'),
      ],
    });
    expect(result.summary.roundups).toBe(1);
    expect(findings(result).sort()).toEqual(['natalie-moore.md location-region-missing', 'question.yaml expert-count']);
  });

  test('the folder beside one of its files wins: the whole roundup is reported', async () => {
    const result = await check({ paths: [path.join(EXAMPLE, 'experts/natalie-moore.md'), EXAMPLE] });
    expect(result.summary.roundups).toBe(1);
    expect(findings(result)).toHaveLength(5);
  });

  test('build given a file builds and reports its whole roundup', async () => {
    const result = await build({ paths: [path.join(EXAMPLE, 'experts/natalie-moore.md')], write: false });
    expect(result.roundups.map((roundup) => roundup.outputs.length)).toEqual([1]);
    expect(findings(result)).toHaveLength(5);
  });

  test('a duplicate expert is reported when either of the two files is given', async () => {
    const dir = makeRoundup({ experts: { 'jane-a': minimalExpert(), 'jane-b': minimalExpert(), kip: minimalExpert('Kip Lee') } });
    const first = await check({ paths: [path.join(dir, 'experts/jane-a.md')] });
    expect(findings(first)).toEqual(['jane-b.md expert-duplicate']);
    const second = await check({ paths: [path.join(dir, 'experts/jane-b.md')] });
    expect(findings(second)).toEqual(['jane-b.md expert-duplicate']);
    const other = await check({ paths: [path.join(dir, 'experts/kip.md')] });
    expect(findings(other)).toEqual([]);
  });

  test('an error that stops the roundup is reported from whichever file has it', async () => {
    const dir = makeRoundup({ question: 'title: [a\n', experts: { 'jane-doe': minimalExpert() } });
    const result = await check({ paths: [path.join(dir, 'experts/jane-doe.md')] });
    expect(findings(result)).toEqual(['question.yaml yaml-syntax']);
    expect(result.code).toBe(1);
  });

  test('files that are no roundup input are passed over with a reason, not an error', async () => {
    const dir = makeRoundup({ name: 'r' });
    const cwd = path.dirname(dir);
    writeFileSync(path.join(cwd, 'README.md'), '# Notes\n');
    mkdirSync(path.join(cwd, 'docs/experts'), { recursive: true });
    writeFileSync(path.join(cwd, 'docs/experts/x.md'), '# Not an expert\n');
    writeFileSync(path.join(dir, 'notes.md'), 'Not read.\n');
    const result = await check({ paths: ['README.md', 'docs/experts/x.md', 'r/notes.md'], cwd });
    expect(result.summary.roundups).toBe(0);
    expect(result.code).toBe(0);
    expect(result.skipped.map((skip) => skip.file)).toEqual(['README.md', 'docs/experts/x.md', 'r/notes.md']);
    expect(result.skipped[0]!.reason).toBe('not a roundup input (a question.yaml, or an experts/*.md beside one)');
  });

  test('a misnamed question file is an error: its roundup would never be checked', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'question.yml'), 'title: A\n');
    await expect(check({ paths: ['question.yml'], cwd: dir })).rejects.toThrow('question.yml is not read: rename it question.yaml');
  });

  test('an input file that --ignore leaves out is passed over', async () => {
    const dir = makeRoundup({ name: 'r' });
    const cwd = path.dirname(dir);
    const result = await check({ paths: ['r/experts/jane-doe.md'], cwd, ignore: ['r'] });
    expect([result.summary.roundups, result.skipped]).toEqual([0, [{ file: 'r/experts/jane-doe.md', reason: 'ignored' }]]);
  });
});

describe('the CLI given files', () => {
  test('the done-when of #13: exit 0 with the one finding, exit 1 under --strict', () => {
    const plain = spawnCli(['check', NATALIE]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain(`${NATALIE}:5:11: warning: Unexpected location \`Los Angeles\` without a region`);
    expect(plain.stderr).toContain('1 roundup checked: 0 errors, 1 warning');
    expect(plain.stderr).not.toContain('question.yaml');
    expect(spawnCli(['check', '--strict', NATALIE]).code).toBe(1);
  });

  test('--verbose says which files were passed over; a lone README.md exits 0', async () => {
    const verbose = await runCli(['check', '--verbose', NATALIE, 'README.md']);
    expect(verbose.stderr).toContain('Skipped README.md: not a roundup input');
    const alone = await runCli(['check', 'README.md']);
    expect([alone.code, alone.stderr]).toEqual([0, expect.stringContaining('0 roundups checked')]);
    expect(alone.stderr).not.toContain('Skipped');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const [hook] = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];

  test('declares a node hook that runs roundup check', () => {
    expect(hook).toMatchObject({ id: 'roundup-check', entry: 'roundup check', language: 'node', require_serial: true });
  });

  test('its files pattern takes the roundup inputs and nothing else', () => {
    const files = new RegExp(String(hook!.files));
    for (const input of ['question.yaml', 'content/a/question.yaml', 'content/a/experts/jane-doe.md'])
      expect(files.test(input), input).toBe(true);
    for (const other of ['README.md', 'content/a/notes.md', 'experts/x/y.md', 'content/a/question.yml', 'roundup.config.yaml'])
      expect(files.test(other), other).toBe(false);
  });
});
