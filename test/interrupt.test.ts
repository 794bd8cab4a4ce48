import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { BIN, makeRoundup, minimalExpert, tempDir } from './helpers.js';

test.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)(
  '%s in the middle of a build leaves whole files and no temporary file',
  async (signal, exitCode) => {
    const content = tempDir();
    for (let index = 0; index < 400; index++) {
      makeRoundup({
        parent: content,
        name: `roundup-${String(index).padStart(3, '0')}`,
        experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, Texas\n') },
      });
    }
    const out = path.join(content, 'out');
    const child = spawn(process.execPath, [BIN, 'build', content, '--out', out, '--format', 'html,json', '--no-cache'], {
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    // In the middle of the build: once the first files are written (a loaded machine may take a while to start).
    for (let waited = 0; waited < 20_000 && !(existsSync(out) && readdirSync(out).length > 0); waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill(signal);
    const code = await exited;
    expect([0, exitCode]).toContain(code);
    const files = readdirSync(out);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    for (const file of files.filter((name) => name.endsWith('.html')))
      expect(readFileSync(path.join(out, file), 'utf8').endsWith('</html>\n')).toBe(true);
    for (const file of files.filter((name) => name.endsWith('.json')))
      expect(() => JSON.parse(readFileSync(path.join(out, file), 'utf8'))).not.toThrow();
  },
  60_000,
);
