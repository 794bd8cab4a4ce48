import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { build, check } from '../../src/index.js';
import { makeRoundup, minimalExpert, runCli } from '../helpers.js';

const QUESTION = 'title: A question?\nbyline: Jane Editor\ncolumn:\n  name: 1 Question, 3 Answers\n';
/** Line 3 has two findings: credential-order (info) and credential-duplicate (warning). */
const expert = (before = '', after = '') => `---\nname: Jane Doe\n${before}credentials: LCSW, PhD, LCSW\n${after}---\nAn answer.\n`;

async function findings(experts: Record<string, string>, question = QUESTION, options: { reportUnusedIgnores?: boolean } = {}) {
  const dir = makeRoundup({ question, experts });
  const result = await check({ paths: [dir], ...options });
  return result.files.flatMap((file) =>
    file.messages.map((message) => `${path.basename(file.path)}:${message.line}:${message.column} ${message.ruleId}`),
  );
}

describe('# roundup-ignore-next-line', () => {
  test('suppresses the named rule on the next line only', async () => {
    expect(await findings({ 'jane-doe': expert('# roundup-ignore-next-line credential-duplicate -- printed twice on purpose\n') })).toEqual(
      ['question.yaml:4:21 expert-count', 'jane-doe.md:4:14 credential-order'],
    );
  });

  test('takes several comma-separated ids, and no ids for every rule', async () => {
    const both = await findings({ 'jane-doe': expert('# roundup-ignore-next-line credential-order, credential-duplicate\n') });
    expect(both).toEqual(['question.yaml:4:21 expert-count']);
    expect(await findings({ 'jane-doe': expert('# roundup-ignore-next-line\n') })).toEqual(['question.yaml:4:21 expert-count']);
  });

  test('a directive two lines above, or in another file, suppresses nothing', async () => {
    expect(await findings({ 'jane-doe': expert('# roundup-ignore-next-line credential-duplicate\nrole: Counselor\n') })).toContain(
      'jane-doe.md:5:25 credential-duplicate',
    );
    const question = `${QUESTION.replace('column:', '# roundup-ignore-next-line credential-duplicate\ncolumn:')}`;
    expect(await findings({ 'jane-doe': expert() }, question)).toContain('jane-doe.md:3:25 credential-duplicate');
  });

  test('works in question.yaml', async () => {
    const question = QUESTION.replace('  name:', '  # roundup-ignore-next-line expert-count -- the print edition had three\n  name:');
    expect((await findings({ 'jane-doe': expert() }, question)).sort()).toEqual([
      'jane-doe.md:3:14 credential-order',
      'jane-doe.md:3:25 credential-duplicate',
    ]);
  });
});

describe('# roundup-ignore-file', () => {
  test('with ids, suppresses those rules in the whole file, body included', async () => {
    const text = `---\n# roundup-ignore-file credential-duplicate, answer-placeholder\nname: Jane Doe\ncredentials: LCSW, PhD, LCSW\n---\nTODO\n`;
    expect(await findings({ 'jane-doe': text })).toEqual(['question.yaml:4:21 expert-count', 'jane-doe.md:4:14 credential-order']);
  });

  test('without ids, every editorial rule in that file and no other', async () => {
    expect(await findings({ 'jane-doe': expert('', '# roundup-ignore-file\n') })).toEqual(['question.yaml:4:21 expert-count']);
  });

  test('lets a roundup whose only error is accepted be built', async () => {
    const dir = makeRoundup({ experts: { 'jane-a': minimalExpert(), 'jane-b': minimalExpert() } });
    expect((await build({ paths: [dir], write: false })).code).toBe(1);
    const accepted = makeRoundup({
      experts: {
        'jane-a': minimalExpert(),
        'jane-b': `---\n# roundup-ignore-next-line expert-duplicate -- two answers, two files\nname: Jane Doe\n---\nMore.\n`,
      },
    });
    const result = await build({ paths: [accepted], write: false });
    expect([result.code, result.roundups[0]!.outputs.length, result.files]).toEqual([0, 1, []]);
  });
});

describe('what cannot be suppressed, and mistakes', () => {
  test('schema errors stay, and a directive naming a load check is reported', async () => {
    const text = '---\n# roundup-ignore-file schema\nname: Jane Doe\nlocaton: Austin, Texas\n---\nA.\n';
    expect(await findings({ 'jane-doe': text })).toEqual(['jane-doe.md:4:1 schema']);
    const clean = await runCli([
      'check',
      makeRoundup({ experts: { 'jane-doe': minimalExpert('Jane Doe', '# roundup-ignore-file schema\n') } }),
    ]);
    expect(clean.stderr).toContain(
      'warning: Unexpected `schema` in `roundup-ignore-file`, expected an editorial rule: `schema` problems cannot be suppressed [ignore-directive]',
    );
  });

  test('an unknown rule id gets a did-you-mean, and suppresses nothing', async () => {
    const { stderr } = await runCli([
      'check',
      makeRoundup({ question: QUESTION, experts: { 'jane-doe': expert('# roundup-ignore-next-line credential-duplicat\n') } }),
    ]);
    expect(stderr).toContain(
      'jane-doe.md:3:28: warning: Unexpected rule `credential-duplicat` in `roundup-ignore-next-line`, did you mean `credential-duplicate`? [ignore-directive]',
    );
    expect(stderr).toContain('[credential-duplicate]');
  });

  test('a misspelled directive is reported', async () => {
    expect(await findings({ 'jane-doe': expert('# roundup-ignore-nextline credential-duplicate\n') })).toContain(
      'jane-doe.md:3:3 ignore-directive',
    );
  });
});

describe('--report-unused-ignores', () => {
  const experts = {
    'jane-doe': expert('# roundup-ignore-next-line credential-duplicate, location-style -- both\n', '# roundup-ignore-file answer-empty\n'),
  };

  test('reports each id that suppressed nothing at its place, only when asked', async () => {
    expect(await findings(experts)).toEqual(['question.yaml:4:21 expert-count', 'jane-doe.md:4:14 credential-order']);
    expect(await findings(experts, QUESTION, { reportUnusedIgnores: true })).toEqual([
      // In reading order, as every reporter lists them.
      'question.yaml:4:21 expert-count',
      'jane-doe.md:3:50 unused-ignore',
      'jane-doe.md:4:14 credential-order',
      'jane-doe.md:5:23 unused-ignore',
    ]);
  });

  test('on the command line, as warnings that --strict counts', async () => {
    const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert('Jane Doe', '# roundup-ignore-next-line\n') } });
    expect((await runCli(['check', '--strict', dir])).code).toBe(0);
    const { code, stderr } = await runCli(['check', '--strict', '--report-unused-ignores', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'jane-doe.md:4:1: warning: Unexpected `roundup-ignore-next-line` that suppresses nothing, expected a finding on line 5 [unused-ignore]',
    );
  });
});
