import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { BIN, makeRoundup, minimalExpert, runCli, tempDir } from './helpers.js';

const ROUNDUPS = 300;
const KILLS = 10;

/** Every file of a folder with its bytes, hidden ones included. */
const contents = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name)).toString('base64')]));

test(`${KILLS} kill -9 at random moments of a build of ${ROUNDUPS} roundups, then one rebuild: exactly the files of a clean build, no temporary file`, async () => {
  const content = tempDir();
  for (let index = 0; index < ROUNDUPS; index++) {
    makeRoundup({
      parent: content,
      name: `roundup-${String(index).padStart(3, '0')}`,
      experts: {
        'jane-doe': minimalExpert('Jane Doe', 'location: Austin, Texas\n'),
        'kip-lee': minimalExpert('Kip Lee', 'location: Los Angeles\n'),
      },
    });
  }
  const base = tempDir();
  const formats = ['--format', 'html,json,text'];
  // Each run has every roundup to redo, so that the kills land in the middle of the work, cache saves included.
  const retitle = (run: number) => {
    for (const name of readdirSync(content))
      writeFileSync(path.join(content, name, 'question.yaml'), `title: Question ${run} of ${name}?\nbyline: Jane Editor\n`);
  };

  const out = path.join(base, 'out');
  const cacheDir = path.join(base, 'cache');
  const args = [BIN, 'build', content, '--out', out, ...formats, '--cache-dir', cacheDir];
  // A fixed sequence of moments (a linear congruential generator), so a failure can be replayed.
  let seed = 20261202;
  const nextDelay = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return 100 + (seed % 1500);
  };
  let killed = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    retitle(kill % 3);
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
    await new Promise((resolve) => setTimeout(resolve, nextDelay()));
    child.kill('SIGKILL');
    if ((await exited) === 'SIGKILL') killed++;
  }
  // Most kills must have landed before the build ended, or this tests nothing.
  expect(killed).toBeGreaterThanOrEqual(KILLS / 2);

  retitle(1);
  const clean = await runCli(['build', content, '--out', path.join(base, 'clean'), ...formats, '--no-cache']);
  expect(clean.code).toBe(0);

  const rebuilt = await runCli(args.slice(1));
  expect(rebuilt.code, rebuilt.stderr.slice(-2000)).toBe(0);
  expect(contents(out)).toEqual(contents(path.join(base, 'clean')));
  const temporary = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.tmp')) : []);
  expect(temporary(out)).toEqual([]);
  expect(temporary(cacheDir)).toEqual([]);
  // And the cache left behind is whole: a second rebuild changes nothing.
  const again = await runCli(args.slice(1));
  expect(again.stderr).toMatch(new RegExp(`${ROUNDUPS} roundups: 0 files written, ${ROUNDUPS} unchanged`));
}, 240_000);
