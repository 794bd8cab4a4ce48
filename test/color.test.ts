import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { colorLevelFor, decideColor } from '../src/commands/color.js';
import { BIN, makeRoundup, minimalExpert } from './helpers.js';

describe('whether to color, by Node’s rules', () => {
  const terminal = { isTTY: true, hasColors: true };
  test.each([
    // [case, inputs, level]
    ['a terminal with colors', { env: {}, ...terminal }, 1],
    ['a pipe', { env: {} }, 0],
    ['a terminal without colors', { env: {}, isTTY: true, hasColors: false }, 0],
    ['a terminal that cannot tell', { env: {}, isTTY: true }, 1],
    ['NO_COLOR on a terminal', { env: { NO_COLOR: '1' }, ...terminal }, 0],
    ['NO_COLOR set but empty', { env: { NO_COLOR: '' }, ...terminal }, 0],
    ['NODE_DISABLE_COLORS', { env: { NODE_DISABLE_COLORS: '1' }, ...terminal }, 0],
    ['TERM=dumb', { env: { TERM: 'dumb' }, ...terminal }, 0],
    ['FORCE_COLOR=1 on a pipe', { env: { FORCE_COLOR: '1' } }, 1],
    ['FORCE_COLOR set but empty', { env: { FORCE_COLOR: '' } }, 1],
    ['FORCE_COLOR=true', { env: { FORCE_COLOR: 'true' } }, 1],
    ['FORCE_COLOR=2', { env: { FORCE_COLOR: '2' } }, 1],
    ['FORCE_COLOR=3', { env: { FORCE_COLOR: '3' } }, 1],
    ['FORCE_COLOR=0 on a terminal', { env: { FORCE_COLOR: '0' }, ...terminal }, 0],
    ['FORCE_COLOR=false on a terminal', { env: { FORCE_COLOR: 'false' }, ...terminal }, 0],
    ['FORCE_COLOR=yes (not one of Node’s values)', { env: { FORCE_COLOR: 'yes' }, ...terminal }, 0],
    ['FORCE_COLOR=1 over NO_COLOR', { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }, 1],
    ['FORCE_COLOR=1 over TERM=dumb', { env: { FORCE_COLOR: '1', TERM: 'dumb' } }, 1],
    ['--color over NO_COLOR on a pipe', { flag: true, env: { NO_COLOR: '1' } }, 1],
    ['--color over FORCE_COLOR=0', { flag: true, env: { FORCE_COLOR: '0' } }, 1],
    ['--no-color over FORCE_COLOR=1', { flag: false, env: { FORCE_COLOR: '1' }, ...terminal }, 0],
    ['--no-color on a terminal', { flag: false, env: {}, ...terminal }, 0],
  ] as const)('%s', (_name, inputs, level) => {
    expect(decideColor(inputs)).toBe(level);
  });

  test('a terminal is asked about its colors with the given environment, FORCE_COLOR left out', () => {
    const asked: object[] = [];
    const stream = { write: () => true, isTTY: true, hasColors: (_count?: number, env?: object) => (asked.push(env ?? {}), false) };
    expect(colorLevelFor(stream, { TERM: 'xterm', FORCE_COLOR: '0' })).toBe(0);
    expect(colorLevelFor(stream, { TERM: 'xterm' })).toBe(0);
    expect(asked).toEqual([
      { TERM: 'xterm', FORCE_COLOR: undefined },
      { TERM: 'xterm', FORCE_COLOR: undefined },
    ]);
    // A pipe is never asked.
    expect(colorLevelFor({ ...stream, isTTY: false }, {})).toBe(0);
    expect(asked).toHaveLength(2);
  });
});

describe('colors from the command line (the built binary, stderr a pipe)', () => {
  const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, Texsa\n') } });
  const run = (args: string[], env: Record<string, string>) => {
    const clean = { ...process.env };
    for (const name of ['NO_COLOR', 'FORCE_COLOR', 'NODE_DISABLE_COLORS', 'TERM', 'CI']) delete clean[name];
    const result = spawnSync(process.execPath, [BIN, 'check', '.', ...args], { cwd: dir, encoding: 'utf8', env: { ...clean, ...env } });
    // The summary line's timing is the one part that changes between runs.
    return [result.status, result.stderr.replace(/in \d+\.\d\d s/, 'in 0.00 s')];
  };
  const plain = [
    'experts/jane-doe.md:4:19: error: Unexpected region `Texsa`, expected a US state, a Canadian province, an Australian state or a country; did you mean `Texas`? [location-region-unknown]',
    '   4 | location: Austin, Texsa',
    '     |                   ^^^^^',
    '  fix: Write `Texas`.',
    '',
    '✖ 1 error',
    '1 roundup checked: 1 error, 0 warnings in 0.00 s',
    '',
  ].join('\n');
  const colored = [
    '\u001b[1mexperts/jane-doe.md:4:19\u001b[22m: \u001b[31m\u001b[1merror\u001b[22m\u001b[39m: Unexpected region `Texsa`, expected a US state, a Canadian province, an Australian state or a country; did you mean `Texas`? \u001b[2m[location-region-unknown]\u001b[22m',
    '\u001b[2m   4 |\u001b[22m location: Austin, Texsa',
    '\u001b[2m     |\u001b[22m                   \u001b[31m^^^^^\u001b[39m',
    '  \u001b[36mfix:\u001b[39m Write `Texas`.',
    '',
    '\u001b[31m✖\u001b[39m 1 error',
    '1 roundup checked: 1 error, 0 warnings in 0.00 s',
    '',
  ].join('\n');

  test('a pipe gets no colors; FORCE_COLOR=1 wins over NO_COLOR=1', () => {
    expect(run([], {})).toEqual([1, plain]);
    expect(run([], { FORCE_COLOR: '1', NO_COLOR: '1' })).toEqual([1, colored]);
    expect(run([], { FORCE_COLOR: '0' })).toEqual([1, plain]);
  });

  test('--no-color beats FORCE_COLOR, --color beats NO_COLOR, before or after the command', () => {
    expect(run(['--no-color'], { FORCE_COLOR: '1' })).toEqual([1, plain]);
    expect(run(['--color'], { NO_COLOR: '1', TERM: 'dumb' })).toEqual([1, colored]);
    const before = spawnSync(process.execPath, [BIN, '--no-color', 'check', '.'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '3' },
    });
    expect(before.stderr).not.toContain('\u001b[');
    expect(before.stderr).toContain('error: Unexpected region `Texsa`');
  });
});
