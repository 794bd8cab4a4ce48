/// <reference lib="dom" />
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { COMMANDS, GLOBAL_OPTIONS } from '../src/cli/completion.js';
import { BIN, ROOT, makeRoundup, minimalExpert, runCli, tempDir } from './helpers.js';

describe('from roundup init to a built article', () => {
  test('init, new expert, write the answer, a clean check, a build', async () => {
    const cwd = tempDir();
    const init = await runCli(['init', 'my-roundup'], { cwd });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Created my-roundup/question.yaml, my-roundup/experts/alex-rivera.md');
    expect(init.stdout).toContain('roundup new expert my-roundup "Jane Doe" --credentials "LCSW" --location "Austin, Texas"');
    // No install of roundup in this project: the schema of the copy that runs, which exists.
    const schema = /^# yaml-language-server: \$schema=(\S+)\n/.exec(readFileSync(path.join(cwd, 'my-roundup/question.yaml'), 'utf8'))?.[1];
    expect(path.resolve(cwd, 'my-roundup', schema ?? '')).toBe(path.join(ROOT, 'schema/question.json'));

    const added = await runCli(['new', 'expert', 'my-roundup', 'Jane Doe', '--credentials', 'LCSW', '--location', 'Austin, Texas'], {
      cwd,
    });
    expect([added.code, added.stdout, added.stderr]).toEqual([
      0,
      'Created my-roundup/experts/jane-doe.md: write the answer below its front matter.\n',
      '',
    ]);
    const file = path.join(cwd, 'my-roundup/experts/jane-doe.md');
    expect(readFileSync(file, 'utf8')).toBe(
      '---\nname: Jane Doe\ncredentials:\n  - LCSW\nlocation: Austin, Texas\n---\nWrite Jane Doe’s answer here, in Markdown.\n',
    );
    // The one edit by hand: the answer.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'Write Jane Doe’s answer here, in Markdown.',
        'Crying with a client can strengthen trust, as long as the focus stays on them.',
      ),
    );

    // The example expert still holds the scaffold's placeholder, which stops the build until it goes.
    const placeholder = await runCli(['check', 'my-roundup'], { cwd });
    expect([placeholder.code, placeholder.stderr]).toEqual([1, expect.stringContaining('[answer-placeholder]')]);
    rmSync(path.join(cwd, 'my-roundup/experts/alex-rivera.md'));
    const checked = await runCli(['check', 'my-roundup', '--strict'], { cwd });
    expect(checked.code).toBe(0);
    expect(checked.stderr).toMatch(/^1 roundup checked: 0 errors, 0 warnings in \d+\.\d\d s\n$/);
    const built = await runCli(['build', 'my-roundup', '--format', 'html,json,text'], { cwd });
    expect(built.code).toBe(0);
    expect(
      JSON.parse(readFileSync(path.join(cwd, 'dist/my-roundup.json'), 'utf8')).experts.map((expert: { name: string }) => expert.name),
    ).toEqual(['Jane Doe']);
  });

  test('init from a subfolder of a project links the schema of the project’s install, relative to the file', async () => {
    const project = tempDir();
    mkdirSync(path.join(project, 'node_modules/expert-roundup/schema'), { recursive: true });
    writeFileSync(path.join(project, 'node_modules/expert-roundup/schema/question.json'), '{}');
    mkdirSync(path.join(project, 'content'));
    const init = await runCli(['init', '2026/first-session'], { cwd: path.join(project, 'content') });
    expect(init.code).toBe(0);
    expect(readFileSync(path.join(project, 'content/2026/first-session/question.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/node_modules\/expert-roundup\/schema\/question\.json\n/,
    );
  });

  test('init never overwrites', async () => {
    const dir = makeRoundup();
    const { code, stderr } = await runCli(['init', path.basename(dir)], { cwd: path.dirname(dir) });
    expect([code, stderr]).toEqual([
      2,
      `roundup: ${path.basename(dir)}: the folder exists and is not empty; roundup init never overwrites anything\n`,
    ]);
  });

  test('new expert: an unknown credential is reported and the file written; an unknown region writes nothing; no overwrite', async () => {
    const dir = makeRoundup();
    const cwd = path.dirname(dir);
    const warned = await runCli(['new', 'expert', 'my-roundup', 'Kip Lee', '--credentials', 'LCMCH'], { cwd });
    expect([warned.code, warned.stderr]).toEqual([0, 'warning: Unexpected unknown credential `LCMCH`, did you mean `LCMHC`?\n']);
    expect(existsSync(path.join(dir, 'experts/kip-lee.md'))).toBe(true);
    const refused = await runCli(['new', 'expert', 'my-roundup', 'Ann Bo', '--location', 'Austin, Texsa'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'error: Unexpected region `Texsa`, expected a US state, a Canadian province, an Australian state or a country; did you mean `Texas`?',
    );
    expect(existsSync(path.join(dir, 'experts/ann-bo.md'))).toBe(false);
    const again = await runCli(['new', 'expert', 'my-roundup', 'Kip Lee'], { cwd });
    expect([again.code, again.stderr]).toEqual([2, 'roundup: my-roundup/experts/kip-lee.md exists; roundup new never overwrites a file\n']);
  });

  test('new expert --interactive asks for each field', async () => {
    const dir = makeRoundup();
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    let prompts = '';
    const { run } = await import('../src/cli.js');
    const answers = ['Rosa Diaz', 'LMFT', 'Family therapist', 'Denver, Colorado'];
    stdin.on('resume', () => {});
    const done = run(['new', 'expert', 'my-roundup', '--interactive'], {
      cwd: path.dirname(dir),
      stdin,
      env: {},
      stdout: { write: () => true },
      stderr: {
        write: (text: string) => {
          prompts += text;
          if (text.endsWith(': ')) stdin.write(`${answers.shift()}\n`);
          return true;
        },
      },
    });
    expect(await done).toBe(0);
    expect(prompts).toContain('Full name: ');
    expect(prompts).toContain('Location (City, Region): ');
    expect(readFileSync(path.join(dir, 'experts/rosa-diaz.md'), 'utf8')).toContain(
      'name: Rosa Diaz\ncredentials:\n  - LMFT\nrole: Family therapist\nlocation: Denver, Colorado\n',
    );
  });
});

describe('shell completion', () => {
  test.each(['bash', 'zsh'] as const)('the %s script is valid shell', async (shell) => {
    const { stdout } = await runCli(['completion', shell]);
    const result = spawnSync('bash', ['-n'], { input: stdout, encoding: 'utf8' });
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(stdout).toContain('complete -o filenames -F _roundup roundup');
  });

  test('the fish script completes every command', async () => {
    const { stdout } = await runCli(['completion', 'fish']);
    expect(stdout).toContain(`-a "${Object.keys(COMMANDS).join(' ')}"`);
  });

  test('every command has --help with examples, also as roundup help <command>', async () => {
    for (const command of Object.keys(COMMANDS).filter((name) => name !== 'help')) {
      const { code, stdout } = await runCli([command, '--help']);
      expect([code, stdout.includes('Examples:\n  $ ')], command).toEqual([0, true]);
      expect((await runCli(['help', command])).stdout).toBe(stdout);
    }
  });

  test('the completions list every command and option the CLI has', async () => {
    const [options, commandList] = (await runCli(['--help'])).stdout.split('Commands:') as [string, string];
    const commands = [...commandList.matchAll(/^ {2}([a-z-]+)(?: \[options\]| <|\s)/gm)].map((match) => match[1]);
    expect(commands.sort()).toEqual(Object.keys(COMMANDS).sort());
    expect([...options.matchAll(/--[a-z-]+/g)].map((match) => match[0])).toEqual(['--version', ...GLOBAL_OPTIONS, '--help']);
    for (const [command, options] of Object.entries(COMMANDS)) {
      if (command === 'help') continue;
      const text = (await runCli([command, '--help'])).stdout.split('Options:')[1]!.split('Examples:')[0]!;
      const declared = [...text.matchAll(/--[a-z-]+/g)].map((match) => match[0]).filter((option) => option !== '--version');
      expect(options.sort(), command).toEqual([...new Set(declared)].sort());
    }
  });
});

describe('the terminal', () => {
  // A terminal that has colors, in an environment of its own: the runner's color variables left out (set at all, even empty, they decide).
  const inTerminal = (command: string, env: Record<string, string> = {}) => {
    const clean: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
    for (const name of ['NO_COLOR', 'FORCE_COLOR', 'NODE_DISABLE_COLORS', 'CI']) delete clean[name];
    return spawnSync('script', ['-qfec', command, '/dev/null'], { encoding: 'utf8', env: { ...clean, ...env } }).stdout;
  };

  test('diagnostics in a pseudo-terminal are colored and show the line with a caret', () => {
    const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, Texsa\n') } });
    const output = inTerminal(`cd ${dir} && node ${BIN} check .`);
    expect(output).toContain('\u001b[31m');
    expect(output.replace(/\u001b\[[0-9;]*m/g, '')).toContain('   4 | location: Austin, Texsa\r\n     |                   ^^^^^\r\n');
  });

  test('NO_COLOR turns the colors off, also on a terminal', () => {
    const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, Texsa\n') } });
    const output = inTerminal(`cd ${dir} && node ${BIN} check .`, { NO_COLOR: '1' });
    expect(output).toContain('error');
    expect(output).not.toContain('\u001b[');
  });

  test('a dumb terminal and --no-color get no colors; FORCE_COLOR=0 neither', () => {
    const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, Texsa\n') } });
    for (const [args, env] of [
      ['', { TERM: 'dumb' }],
      [' --no-color', {}],
      ['', { FORCE_COLOR: '0' }],
    ] as const) {
      const output = inTerminal(`cd ${dir} && node ${BIN} check .${args}`, env);
      expect(output, args || JSON.stringify(env)).toContain('error');
      expect(output, args || JSON.stringify(env)).not.toContain('\u001b[');
    }
  });
});

/** The status of a request sent as written: the path as is, the Host header as given. */
function rawStatus(base: string, pathname: string, host: string, origin?: string): Promise<number> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const headers = origin ? { host, origin } : { host };
    const request = httpRequest({ host: '127.0.0.1', port, path: pathname, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('roundup preview', () => {
  test('serves the page, reloads it on an edit, shows a broken edit as an overlay, and keeps running', async () => {
    const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, Texas\n') } });
    const expertFile = path.join(dir, 'experts', 'jane-doe.md');
    const previewFolders = new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('roundup-preview-')));
    const child = spawn(process.execPath, [BIN, 'preview', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (data: Buffer) => {
        const match = /Preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(String(data));
        if (match) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error('preview exited')));
    });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(url);
      expect(await page.textContent('h1')).toBe('A question?');
      expect(await page.textContent('.answer')).toContain('An answer.');

      // An edit: the open page reloads with the new text.
      const reloaded = page.waitForEvent('load');
      writeFileSync(expertFile, minimalExpert('Jane Doe', 'location: Austin, Texas\n').replace('An answer.', 'A revised answer.'));
      await reloaded;
      await page.waitForSelector('text=A revised answer.');

      // A broken edit: the page stays, with the diagnostics over it.
      writeFileSync(expertFile, '---\nname: [\n---\nHi\n');
      const overlay = await page.waitForSelector('#roundup-overlay', { timeout: 10_000 });
      expect(await overlay.textContent()).toContain('experts/jane-doe.md:2:8: error: Unexpected YAML');
      expect(await page.textContent('.answer')).toContain('A revised answer.');

      // Fixed: the overlay goes, and the server kept running all along.
      const fixed = page.waitForEvent('load');
      writeFileSync(expertFile, minimalExpert('Jane Doe', 'location: Austin, Texas\n').replace('An answer.', 'Fixed.'));
      await fixed;
      await page.waitForSelector('text=Fixed.');
      expect(await page.$('#roundup-overlay')).toBeNull();
      expect((await fetch(new URL('/missing', url))).status).toBe(404);
      // A path that is no URL is a bad request, and a page on another site (DNS rebinding) is turned away.
      expect(await rawStatus(url, '//', '127.0.0.1')).toBe(400);
      expect(await rawStatus(url, '/', 'evil.example')).toBe(403);
      expect(await rawStatus(url, '/', 'localhost')).toBe(200);
      expect(await rawStatus(url, '/__roundup/events', '127.0.0.1', 'https://evil.example')).toBe(403);
      expect(child.exitCode).toBeNull();
    } finally {
      await browser.close();
      child.kill('SIGINT');
    }
    // Its temporary folder goes with it.
    if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('roundup-preview-') && previewFolders.has(name) === false)).toEqual([]);
  }, 60_000);
});

/** `roundup build … --watch` in `cwd`, with a way to wait for its stderr and to edit until it rebuilds. */
function watchBuild(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, 'build', ...args, '--watch'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += String(data)));
  const waitFor = async (pattern: RegExp) => {
    while (!pattern.test(stderr)) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const builds = () => stderr.match(/1 roundup: 1 file written, 0 unchanged/g)?.length ?? 0;
  // Node's recursive watch on Linux adds the subfolders' watchers a moment later: edit until a rebuild is seen.
  const editUntilRebuilt = async (file: string) => {
    const before = builds();
    for (let attempt = 0; attempt < 40 && builds() === before; attempt++) {
      writeFileSync(file, minimalExpert('Jane Doe', 'location: Austin, Texas\n').replace('An answer.', `Changed. ${attempt}`));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(builds()).toBeGreaterThan(before);
  };
  return { child, waitFor, editUntilRebuilt, stderr: () => stderr };
}

test.each([
  ['a roundup folder', ['.', '--out', 'out'], '.', 'out'],
  ['its question.yaml', ['r/question.yaml', '--out', 'out'], 'r', 'out'],
  ['a parent folder that is also the output folder', ['.', '--out', '.'], 'r', '.'],
])(
  'build --watch given %s rebuilds on an expert edit',
  async (_, args, roundup, out) => {
    const parent = tempDir();
    const dir = makeRoundup({ parent, name: 'r', experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, Texas\n') } });
    const cwd = roundup === '.' ? dir : parent;
    const watching = watchBuild(args, cwd);
    try {
      await watching.waitFor(/Watching for changes/);
      await watching.editUntilRebuilt(path.join(dir, 'experts', 'jane-doe.md'));
      expect(readFileSync(path.join(cwd, out, 'r.html'), 'utf8')).toContain('Changed.');
    } finally {
      watching.child.kill('SIGINT');
    }
  },
  40_000,
);

test('build --watch survives its roundup folder moving away and back', async () => {
  const parent = tempDir();
  const dir = makeRoundup({ parent, name: 'r', experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, Texas\n') } });
  const watching = watchBuild(['r', '--out', 'out'], parent);
  try {
    await watching.waitFor(/Watching for changes/);
    renameSync(dir, `${dir}-away`);
    await watching.waitFor(/roundup: r is gone; waiting for it to come back \(Ctrl-C to stop\)…/);
    expect(watching.child.exitCode).toBe(null);
    renameSync(`${dir}-away`, dir);
    await watching.waitFor(/gone[\s\S]*1 roundup: /);
    await watching.editUntilRebuilt(path.join(dir, 'experts', 'jane-doe.md'));
    expect(watching.stderr()).not.toMatch(/internal error|no such file/);
  } finally {
    watching.child.kill('SIGINT');
  }
}, 40_000);
