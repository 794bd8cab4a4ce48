import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { BIN, makeRoundup, minimalExpert, runCli, tempDir } from './helpers.js';

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
    const cacheDir = path.join(content, 'cache');
    const child = spawn(process.execPath, [BIN, 'build', content, '--out', out, '--format', 'html,json', '--cache-dir', cacheDir], {
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    // In the middle of the build: once the first twenty roundups are written (a loaded machine may take a while to start).
    for (let waited = 0; waited < 20_000 && !(existsSync(out) && readdirSync(out).length >= 40); waited += 20) {
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
    // Interrupted after twenty roundups were written (the last few in flight not yet recorded): the handler saved the rest.
    const interrupted = code !== 0;
    if (interrupted) expect(readdirSync(cacheDir).filter((file) => file.endsWith('.tmp'))).toEqual([]);

    // The work done before the signal was saved: the next build does not redo it.
    const rebuilt = await runCli(['build', content, '--out', out, '--format', 'html,json', '--cache-dir', cacheDir]);
    const [, written, unchanged] = /(\d+) files? written, (\d+) unchanged/.exec(rebuilt.stderr)!.map(Number);
    if (interrupted) expect(unchanged).toBeGreaterThanOrEqual(10);
    expect(written! / 2 + unchanged!).toBe(400);
  },
  60_000,
);
