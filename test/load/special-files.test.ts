import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { check } from '../../src/index.js';
import { makeRoundup, minimalExpert } from '../helpers.js';

test('a pipe as an expert file (or a link to one) and a folder named question.yaml are refused with a message, without waiting', async () => {
  const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert() } });
  execFileSync('mkfifo', [path.join(dir, 'experts/kip.md')]);
  symlinkSync(path.join(dir, 'experts/kip.md'), path.join(dir, 'experts/sam.md'));
  const result = await check({ paths: [dir] });
  expect(result.files.flatMap((file) => file.messages.map((message) => `${path.basename(file.path)}: ${message.reason}`))).toEqual([
    'kip.md: Cannot read file: it is a pipe, socket or device, expected a regular file',
    'sam.md: Cannot read file: it is a pipe, socket or device, expected a regular file',
  ]);

  rmSync(path.join(dir, 'question.yaml'));
  mkdirSync(path.join(dir, 'question.yaml'));
  const folder = await check({ paths: [dir] });
  expect(folder.files.flatMap((file) => file.messages.map((message) => message.reason))).toContain(
    'Cannot read file: it is a folder, expected a regular file',
  );
});
