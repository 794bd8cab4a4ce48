import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/index.js';
import { makeRoundup, minimalExpert, runCli, tempDir } from '../helpers.js';

const setUp = () => {
  const parent = tempDir();
  for (const name of ['alpha', 'beta']) makeRoundup({ parent, name, experts: { 'jane-doe': minimalExpert() } });
  const out = path.join(parent, 'out');
  const listing = () =>
    readdirSync(out)
      .filter((name) => !name.startsWith('.'))
      .sort();
  return { parent, out, listing };
};

test('outputs of a renamed roundup are a warning, and --clean removes only them', async () => {
  const { parent, out, listing } = setUp();
  await build({ paths: [parent], outDir: out, formats: ['html', 'json'] });
  writeFileSync(path.join(out, 'notes.txt'), 'someone else’s file');
  renameSync(path.join(parent, 'beta'), path.join(parent, 'gamma'));

  const warned = await build({ paths: [parent], outDir: out, formats: ['html', 'json'] });
  expect(warned.warnings).toEqual([
    `2 outputs belong to no roundup any more (a roundup removed or renamed, or its slug or pictures changed): ${path.relative(process.cwd(), path.join(out, 'beta.html'))}, ${path.relative(process.cwd(), path.join(out, 'beta.json'))}; remove them with --clean`,
  ]);
  expect(listing()).toEqual(['alpha.html', 'alpha.json', 'beta.html', 'beta.json', 'gamma.html', 'gamma.json', 'notes.txt']);

  const { code, stderr } = await runCli(['build', parent, '--out', out, '--format', 'html,json', '--clean']);
  expect(code).toBe(0);
  expect(stderr).toContain(`Removed ${path.relative(process.cwd(), path.join(out, 'beta.html'))}\n`);
  expect(listing()).toEqual(['alpha.html', 'alpha.json', 'gamma.html', 'gamma.json', 'notes.txt']);
  expect((await build({ paths: [parent], outDir: out, formats: ['html', 'json'] })).warnings).toEqual([]);
});

test('a format left out of a build, a roundup with errors, and a build of one roundup leave the others’ outputs alone', async () => {
  const { parent, out, listing } = setUp();
  await build({ paths: [parent], outDir: out, formats: ['html', 'json'] });
  expect((await build({ paths: [parent], outDir: out, formats: ['html'] })).warnings).toEqual([]);
  expect((await build({ paths: [path.join(parent, 'alpha')], outDir: out, formats: ['text'], clean: true })).removed).toEqual([]);
  writeFileSync(path.join(parent, 'beta', 'question.yaml'), 'title: 42\n');
  const broken = await build({ paths: [parent], outDir: out, formats: ['html'], clean: true });
  expect(broken.removed).toEqual([]);
  expect(listing()).toEqual(['alpha.html', 'alpha.json', 'alpha.txt', 'beta.html', 'beta.json']);
});

test('a changed slug makes the old outputs orphans', async () => {
  const { parent, out, listing } = setUp();
  await build({ paths: [parent], outDir: out, formats: ['html'] });
  writeFileSync(path.join(parent, 'alpha', 'question.yaml'), 'title: A question?\nbyline: Jane Editor\nslug: first\n');
  const result = await build({ paths: [parent], outDir: out, formats: ['html'], clean: true });
  expect(result.removed).toEqual([path.relative(process.cwd(), path.join(out, 'alpha.html'))]);
  expect(listing()).toEqual(['beta.html', 'first.html']);
});
