import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { build } from '../../src/index.js';
import { makeRoundup, minimalExpert, runCli, tempDir } from '../helpers.js';

// The write layer's file handles, with a disk that fills up after `budget` more bytes once `budget` is set.
const disk = vi.hoisted(() => ({ budget: undefined as number | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof original.open = async (...args) => {
    const handle = await original.open(...args);
    const writeFile = handle.writeFile.bind(handle);
    handle.writeFile = async (data, options) => {
      if (disk.budget !== undefined) {
        disk.budget -= typeof data === 'string' ? Buffer.byteLength(data) : (data as Uint8Array).length;
        if (disk.budget < 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      return writeFile(data, options);
    };
    return handle;
  };
  return { ...original, default: { ...original, open }, open };
});

afterEach(() => {
  disk.budget = undefined;
});

const contents = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));

describe('a disk that fills up in the middle of a build', () => {
  test('is one clear failure with exit 2: no internal error, each roundup’s outputs all old or all new, no temporary file', async () => {
    const parent = tempDir();
    const dirs = ['a', 'b', 'c'].map((name) => makeRoundup({ parent, name, experts: { 'jane-doe': minimalExpert() } }));
    const out = path.join(parent, 'out');
    const options = { paths: dirs, outDir: out, formats: ['html', 'json', 'text'] as const, cache: false };
    expect((await build({ ...options, formats: [...options.formats] })).code).toBe(0);
    const before = contents(out);
    for (const dir of dirs) writeFileSync(path.join(dir, 'question.yaml'), 'title: A new question?\nbyline: Jane Editor\n');

    // Room for the first roundup's three files and part of the next one's.
    disk.budget = before['a.html']!.length + before['a.json']!.length + before['a.txt']!.length + 1000;
    const result = await build({ ...options, formats: [...options.formats] });

    expect(result.code).toBe(2);
    const failed = /^cannot write the outputs of .*([abc]) to .*out: the disk is full \(ENOSPC\)\. Its previous outputs are intact/.exec(
      result.failure ?? '',
    )?.[1];
    expect(failed, result.failure).toBeDefined();
    expect(result.files.flatMap((file) => file.messages.map((message) => message.ruleId))).not.toContain('internal-error');
    const after = contents(out);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const slug of ['a', 'b', 'c']) {
      const changed = ['html', 'json', 'txt'].map((ext) => after[`${slug}.${ext}`] !== before[`${slug}.${ext}`]);
      expect(new Set(changed).size, `${slug}: all old or all new`).toBe(1);
    }
    expect(after[`${failed}.html`]).toBe(before[`${failed}.html`]);
  });
});

// A real full disk when this machine lets the tests mount a small tmpfs (root on Linux); the injected one above always runs.
const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

test.skipIf(!canMount)('on a real full tmpfs, the CLI prints one message, exits 2 and leaves no temporary file', async () => {
  const parent = tempDir();
  const out = path.join(parent, 'out');
  mkdirSync(out);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', out]);
  try {
    const long = `${'An answer that takes room, in a paragraph of its own.\n\n'.repeat(120)}`;
    for (let index = 0; index < 8; index++)
      makeRoundup({ parent, name: `r${index}`, experts: { 'jane-doe': minimalExpert().replace('An answer.\n', long) } });
    const { code, stderr } = await runCli(['build', parent, '--out', out, '--format', 'html,json,text', '--no-cache']);
    expect(code, stderr.slice(0, 2000)).toBe(2);
    expect(stderr.match(/the disk is full \(ENOSPC\)/g)).toHaveLength(1);
    expect(stderr).not.toMatch(/internal error|This is a bug/);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    for (const name of readdirSync(out).filter((file) => file.endsWith('.json')))
      expect(() => JSON.parse(readFileSync(path.join(out, name), 'utf8'))).not.toThrow();
  } finally {
    execFileSync('umount', [out]);
  }
});
