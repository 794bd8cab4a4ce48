import { existsSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { build, check } from '../../src/index.js';
import { makeRoundup, minimalExpert, runCli, tempDir } from '../helpers.js';

describe('slug collisions', () => {
  test.each(['"slug": alpha', '? slug\n: alpha', '"\\x73lug": alpha'])(
    'a slug written as %s is read from the parsed YAML',
    async (slug) => {
      const parent = tempDir();
      makeRoundup({ parent, name: 'alpha', experts: { 'jane-doe': minimalExpert() } });
      makeRoundup({ parent, name: 'beta', question: `title: B\nbyline: K\n${slug}\n`, experts: { 'jane-doe': minimalExpert() } });
      const result = await check({ paths: [parent] });
      expect(result.files.flatMap((file) => file.messages.map((message) => message.ruleId))).toContain('slug-collision');
      expect(result.code).toBe(1);
    },
  );

  test('neither of two roundups with one slug is written, and each error names the other', async () => {
    const parent = tempDir();
    makeRoundup({ parent, name: 'alpha', experts: { 'jane-doe': minimalExpert() } });
    makeRoundup({ parent, name: 'beta', question: 'title: B\nbyline: K\n"slug": alpha\n', experts: { 'jane-doe': minimalExpert() } });
    const out = path.join(parent, 'out');
    const result = await build({ paths: [parent], outDir: out, cache: false });
    const reasons = result.files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.reason}`));
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(/alpha.question\.yaml: .*also the slug of the roundup in `.*beta`/);
    expect(reasons[1]).toMatch(/beta.question\.yaml: .*also the slug of the roundup in `.*alpha`/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  test('a slug shared by roundups in two different shards stops both shards', async () => {
    const parent = tempDir();
    // Enough roundups that the two sharing a slug land in different shards of two.
    for (let index = 0; index < 6; index++) makeRoundup({ parent, name: `r${index}`, experts: { 'jane-doe': minimalExpert() } });
    makeRoundup({ parent, name: 'twin', question: 'title: T\nbyline: K\nslug: r0\n', experts: { 'jane-doe': minimalExpert() } });
    const errors = [];
    for (const index of [1, 2]) {
      const result = await check({ paths: [parent], shard: { index, count: 2 } });
      errors.push(
        ...result.files
          .filter((file) => file.messages.some((message) => message.ruleId === 'slug-collision'))
          .map((file) => path.basename(path.dirname(file.path))),
      );
    }
    expect(errors.sort()).toEqual(['r0', 'twin']);
  });
});

describe('inputs are never outputs', () => {
  test.each(['experts', '.', 'images'])('--out inside the roundup (%s) is refused before anything is written', async (inside) => {
    const dir = makeRoundup({ name: 'r', experts: { 'jane-doe': minimalExpert() } });
    const before = readFileSync(path.join(dir, 'experts/jane-doe.md'), 'utf8');
    const { code, stderr } = await runCli(['build', dir, '--out', path.join(dir, inside), '--format', 'md']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is inside the roundup .*r, whose files it would overwrite/);
    expect(readdirSync(path.join(dir, 'experts'))).toEqual(['jane-doe.md']);
    expect(readFileSync(path.join(dir, 'experts/jane-doe.md'), 'utf8')).toBe(before);
  });

  test('also when the roundup or the output folder is reached through a symbolic link', async () => {
    const parent = tempDir();
    const dir = makeRoundup({ parent, name: 'r', experts: { 'jane-doe': minimalExpert() } });
    symlinkSync(dir, path.join(parent, 'link'));
    for (const [input, out] of [
      [path.join(parent, 'link'), path.join(dir, 'experts')],
      [dir, path.join(parent, 'link', 'images')],
    ]) {
      const { code, stderr } = await runCli(['build', input!, '--out', out!, '--format', 'md']);
      expect(code).toBe(2);
      expect(stderr).toMatch(/is inside the roundup .*, whose files it would overwrite/);
    }
    expect(readdirSync(path.join(dir, 'experts'))).toEqual(['jane-doe.md']);
  });
});

describe('no silent skips', () => {
  test('an expert file ending in .MD is reported, not silently left out', async () => {
    const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert() } });
    writeFileSync(path.join(dir, 'experts/Kip-Lee.MD'), minimalExpert('Kip Lee'));
    const result = await check({ paths: [dir] });
    expect(result.files.flatMap((file) => file.messages.map((message) => `${message.ruleId}: ${message.reason}`))).toEqual([
      `file-name: Unexpected file \`${path.join(path.relative(process.cwd(), dir), 'experts/Kip-Lee.MD')}\`, expected a name ending in \`.md\`: it is left out of the article`,
    ]);
  });

  test('a folder with question.yml beside roundups is reported, and alone it is named in the error', async () => {
    const parent = tempDir();
    makeRoundup({ parent, name: 'good', experts: { 'jane-doe': minimalExpert() } });
    const misnamed = makeRoundup({ parent, name: 'yml', experts: { 'jane-doe': minimalExpert() } });
    renameSync(path.join(misnamed, 'question.yaml'), path.join(misnamed, 'question.yml'));
    const both = await runCli(['check', parent]);
    expect(both.stderr).toContain(
      'yml/question.yml is not read: roundup reads question.yaml, so this roundup is left out; rename the file',
    );
    const alone = await runCli(['check', misnamed]);
    expect([alone.code, alone.stderr]).toEqual([2, expect.stringContaining('yml/question.yml is not read: rename it question.yaml)')]);
  });
});

describe('the summary and the early refusals', () => {
  test('a broken config counts in the summary line', async () => {
    const parent = tempDir();
    makeRoundup({ parent, experts: { 'jane-doe': minimalExpert() } });
    writeFileSync(path.join(parent, 'roundup.config.yaml'), 'rules:\n  nope: off\n');
    const { code, stderr } = await runCli(['check', parent]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/1 roundup checked: 1 error, 0 warnings in/);
  });

  test('--out - with several roundups, and an output folder under /proc, are refused before any work', async () => {
    const parent = tempDir();
    makeRoundup({ parent, name: 'a', experts: { 'jane-doe': minimalExpert() } });
    makeRoundup({ parent, name: 'b', experts: { 'jane-doe': minimalExpert() } });
    expect(await runCli(['build', parent, '--out', '-', '--format', 'json'])).toMatchObject({
      code: 2,
      stderr: 'roundup: --out - prints a single roundup; 2 were found\n',
    });
    const proc = await runCli(['build', path.join(parent, 'a'), '--out', '/proc/roundup']);
    expect([proc.code, proc.stderr]).toEqual([2, expect.stringContaining('a system folder (/proc, /sys, /dev) cannot hold outputs')]);
  });
});

test('a cache folder that cannot be written turns the cache off with one warning, and the build succeeds', async () => {
  const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert() } });
  const blocker = path.join(tempDir(), 'a-file');
  writeFileSync(blocker, '');
  const { code, stderr } = await runCli(['build', dir, '--out', path.join(tempDir(), 'out'), '--cache-dir', path.join(blocker, 'cache')]);
  expect(code).toBe(0);
  expect(stderr).toContain('(ENOTDIR); the next build redoes this work. Give --cache-dir a writable folder, or use --no-cache.');
  expect(stderr).not.toContain('internal error');
});

test('an output folder that cannot be made is one clear error with exit 2, not one per roundup; a folder given twice is read once', async () => {
  const parent = tempDir();
  makeRoundup({ parent, name: 'a', experts: { 'jane-doe': minimalExpert() } });
  makeRoundup({ parent, name: 'b', experts: { 'jane-doe': minimalExpert() } });
  const blocker = path.join(tempDir(), 'a-file');
  writeFileSync(blocker, '');
  const { code, stderr } = await runCli(['build', parent, parent, '--out', path.join(blocker, 'out')]);
  expect(code).toBe(2);
  expect(stderr).toBe(
    `roundup: cannot write to the output folder ${path.join(blocker, 'out')}: a file stands where a folder of its path should be (ENOTDIR); choose another --out\n`,
  );
});

describe('limits a config or a flag cannot lift', () => {
  test('a config raising a size or time limit past its ceiling is an error naming the ceiling', async () => {
    const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert() } });
    writeFileSync(path.join(dir, 'roundup.config.yaml'), 'limits:\n  maxFileBytes: 1000000000\n  renderTimeoutMs: 600000\n');
    const result = await check({ paths: [dir] });
    expect(result.code).toBe(2);
    expect(result.files.flatMap((file) => file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`))).toEqual([
      '2:17 Unexpected number `1000000000` for `limits.maxFileBytes`, expected at most 8388608 bytes (8 MiB): a hard ceiling that keeps a build bounded',
      '3:20 Unexpected number `600000` for `limits.renderTimeoutMs`, expected at most 10000 milliseconds: a hard ceiling that keeps a build bounded',
    ]);
  });

  test('--jobs beyond the core count is capped, with a note', async () => {
    const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert() } });
    const result = await build({ paths: [dir], jobs: 1000, outDir: path.join(dir, '..', 'out'), cache: false });
    expect(result.warnings).toEqual([expect.stringMatching(/^--jobs 1000 is more than the \d+ cores? of this machine; using \d+$/)]);
    expect(result.code).toBe(0);
  });
});
