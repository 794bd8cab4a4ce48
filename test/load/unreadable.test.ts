import { chmodSync } from 'node:fs';
import path from 'node:path';
import { expect, test, vi } from 'vitest';
import { check } from '../../src/index.js';
import { makeRoundup, minimalExpert } from '../helpers.js';

// Root reads any folder, so the permission error is also injected where `experts/` is listed.
const denied = vi.hoisted(() => ({ folder: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((dir: string, ...rest: unknown[]) => {
    if (denied.folder && path.resolve(String(dir)) === denied.folder)
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), { code: 'EACCES' });
    return (original.readdirSync as (...args: unknown[]) => unknown)(dir, ...rest);
  }) as typeof original.readdirSync;
  return { ...original, default: { ...original, readdirSync }, readdirSync };
});

const expectPermissionError = async (dir: string) => {
  const result = await check({ paths: [dir] });
  expect(result.code).toBe(1);
  expect(result.files.flatMap((file) => file.messages.map((message) => `${message.ruleId}: ${message.reason}`))).toEqual([
    `read-error: Cannot read the folder \`${path.join(path.relative(process.cwd(), dir), 'experts')}\`: permission denied (EACCES)`,
  ]);
};

test('an experts folder that cannot be read says EACCES, not "Missing experts"', async () => {
  const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert() } });
  denied.folder = path.join(dir, 'experts');
  try {
    await expectPermissionError(dir);
  } finally {
    denied.folder = undefined;
  }
});

test.skipIf(process.getuid?.() === 0)('the same with a real folder without read permission', async () => {
  const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert() } });
  chmodSync(path.join(dir, 'experts'), 0o000);
  try {
    await expectPermissionError(dir);
  } finally {
    chmodSync(path.join(dir, 'experts'), 0o755);
  }
});
