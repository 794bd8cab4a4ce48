import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { VFile } from 'vfile';
import { run } from '../src/cli.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLE = path.join(ROOT, 'examples/therapists-cry');
export const BIN = path.join(ROOT, 'bin/roundup.js');

/** A fresh temporary folder. */
export const tempDir = (prefix = 'roundup-test-') => mkdtempSync(path.join(tmpdir(), prefix));

export const MINIMAL_QUESTION = 'title: A question?\nbyline: Jane Editor\n';
export const minimalExpert = (name = 'Jane Doe', extra = '') => `---\nname: ${name}\ncredentials: LCSW\n${extra}---\nAn answer.\n`;

/** Write a roundup folder from texts: `question` is question.yaml, `experts` maps ids to file contents. */
export function makeRoundup(options: { question?: string; experts?: Record<string, string>; name?: string; parent?: string } = {}): string {
  const dir = path.join(options.parent ?? tempDir(), options.name ?? 'my-roundup');
  mkdirSync(path.join(dir, 'experts'), { recursive: true });
  writeFileSync(path.join(dir, 'question.yaml'), options.question ?? MINIMAL_QUESTION);
  for (const [id, text] of Object.entries(options.experts ?? { 'jane-doe': minimalExpert() })) {
    writeFileSync(path.join(dir, 'experts', `${id}.md`), text);
  }
  return dir;
}

/** A file with text, as the loader sees it after reading. */
export const vfile = (value: string, filePath = 'experts/jane-doe.md') => new VFile({ path: filePath, value });

/** Messages as `line:column: ruleId: reason` lines: the shape assertions compare. */
export const messageLines = (file: VFile) =>
  file.messages.map((message) => `${message.line}:${message.column}: ${message.ruleId}: ${message.reason}`);

/**
 * Compare with a golden file. Never written implicitly: set UPDATE_GOLDEN=1 to
 * regenerate on purpose, then review the diff.
 */
export function expectGolden(actual: string, goldenPath: string) {
  const file = path.join(ROOT, 'test/fixtures/golden', goldenPath);
  if (process.env.UPDATE_GOLDEN === '1' && !process.env.CI) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `golden file ${goldenPath} is missing; run UPDATE_GOLDEN=1 npx vitest run`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Run the CLI in-process, capturing what it prints. */
export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** Run the built binary as a real process. */
export function spawnCli(argv: string[], options: { cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    // A test run inside a GitHub Actions job must not write to that job's summary.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_STEP_SUMMARY: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
