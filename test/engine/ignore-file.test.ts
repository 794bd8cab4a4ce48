import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/index.js';
import { makeRoundup, runCli, tempDir } from '../helpers.js';

/** A content folder with roundups `news/a`, `news/b`, `drafts/c` and `keep/d`, and a `.roundupignore`. */
function content(ignoreFile: string): string {
  const cwd = tempDir();
  for (const dir of ['news/a', 'news/b', 'drafts/c', 'keep/d'])
    makeRoundup({ parent: path.join(cwd, path.dirname(dir)), name: path.basename(dir) });
  writeFileSync(path.join(cwd, '.roundupignore'), ignoreFile);
  return cwd;
}

const checked = async (cwd: string, paths = ['.'], ignore?: string[]) =>
  (await check({ paths, cwd, ignore })).roundups.map((roundup) => roundup.dir);

describe('.roundupignore', () => {
  test('gitignore syntax: comments, folder patterns, negation', async () => {
    const cwd = content('# drafts are not published\ndrafts/\nnews/*\n!news/b\n');
    expect(await checked(cwd)).toEqual(['keep/d', 'news/b']);
  });

  test('a pattern without a slash matches at any depth; an anchored one only at the top', async () => {
    expect(await checked(content('c\n'))).toEqual(['keep/d', 'news/a', 'news/b']);
    expect(await checked(content('/a\n'))).toEqual(['drafts/c', 'keep/d', 'news/a', 'news/b']);
    expect(await checked(content('/news/a\n'))).toEqual(['drafts/c', 'keep/d', 'news/b']);
  });

  test('adds to --ignore', async () => {
    expect(await checked(content('drafts/\n'), ['.'], ['keep'])).toEqual(['news/a', 'news/b']);
  });

  test('is read from the working folder only, with paths relative to it', async () => {
    const cwd = content('');
    writeFileSync(path.join(cwd, 'news/.roundupignore'), 'a/\n');
    expect(await checked(cwd, ['news'])).toEqual(['news/a', 'news/b']);
    expect(await checked(path.join(cwd, 'news'))).toEqual(['b']);
  });

  test('an input file given by a hook inside an ignored folder is passed over', async () => {
    const cwd = content('drafts/\n');
    const result = await check({ paths: ['drafts/c/experts/jane-doe.md', 'news/a/question.yaml'], cwd });
    expect(result.roundups.map((roundup) => roundup.dir)).toEqual(['news/a']);
    expect(result.skipped).toEqual([{ file: 'drafts/c/experts/jane-doe.md', reason: 'ignored' }]);
  });

  test('a .roundupignore that cannot be read is a usage error (exit 2)', async () => {
    const cwd = tempDir();
    makeRoundup({ parent: cwd, name: 'r' });
    mkdirSync(path.join(cwd, '.roundupignore'));
    const { code, stderr } = await runCli(['check', '.'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toContain('.roundupignore: cannot read it (EISDIR)');
  });
});
