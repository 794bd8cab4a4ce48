import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeRoundup, minimalExpert, ROOT, runCli } from '../helpers.js';

interface Pattern {
  regexp: string;
  file: number;
  line: number;
  column: number;
  severity: number;
  message: number;
  code: number;
}

const config = JSON.parse(readFileSync(path.join(ROOT, '.github/roundup-problem-matcher.json'), 'utf8')) as {
  problemMatcher: { owner: string; severity?: string; pattern: Pattern[] }[];
};
const [matcher] = config.problemMatcher;
const [pattern] = matcher!.pattern;
// The runner compiles matchers as .NET regular expressions in ECMAScript mode: JavaScript's semantics.
const regexp = new RegExp(pattern!.regexp);

/** What the runner would annotate from these lines: one issue per matching line. */
const issues = (text: string) =>
  text.split('\n').flatMap((line) => {
    const match = regexp.exec(line);
    if (!match) return [];
    const group = (index: number) => match[index];
    return [
      {
        file: group(pattern!.file),
        line: Number(group(pattern!.line)),
        column: Number(group(pattern!.column)),
        severity: group(pattern!.severity),
        message: group(pattern!.message),
        code: group(pattern!.code),
      },
    ];
  });

describe('the problem matcher for the pretty reporter', () => {
  test('is one single-line matcher the runner accepts: an owner, and every group it names exists', () => {
    expect(config.problemMatcher).toHaveLength(1);
    expect(matcher!.owner).toBe('roundup');
    const groups = new RegExp(`${pattern!.regexp}|`).exec('')!.length - 1;
    for (const key of ['file', 'line', 'column', 'severity', 'message', 'code'] as const) {
      expect(pattern![key]).toBeGreaterThanOrEqual(1);
      expect(pattern![key]).toBeLessThanOrEqual(groups);
    }
  });

  test('captures file, line, column, severity, message and rule of every error and warning the pretty reporter prints', async () => {
    // An error stops its roundup's editorial checks, so the warning comes from a second roundup.
    const broken = makeRoundup({
      name: 'broken',
      experts: { 'john-roe': '---\nname: John Roe\ncredentials: LCSW\nfavourite: blue\n---\nAn answer.\n' },
    });
    makeRoundup({ name: 'odd-quotes', parent: path.dirname(broken), experts: { 'jane-doe': minimalExpert('Anne ‘Kip” Doe') } });
    const cwd = path.dirname(broken);
    const pretty = await runCli(['check', '.'], { cwd });
    const json = await runCli(['check', '.', '--reporter', 'json'], { cwd });
    const expected = (
      JSON.parse(json.stdout) as { file: string; line: number; column: number; severity: string; message: string; ruleId: string }[]
    )
      .filter((entry) => entry.severity !== 'info')
      .map((entry) => ({
        file: entry.file,
        line: entry.line,
        column: entry.column,
        severity: entry.severity,
        message: entry.message,
        code: entry.ruleId,
      }));
    expect(expected.map((entry) => `${entry.severity}:${entry.code}`)).toEqual(['error:schema', 'warning:name-quotes']);
    expect(issues(pretty.stderr)).toEqual(expected);
  });

  test('the reference article: its three warnings match; infos and the code frames and fix lines do not', async () => {
    const { stderr } = await runCli(['check', 'examples/therapists-cry']);
    expect(stderr).toContain('info: ');
    expect(issues(stderr)).toEqual([
      expect.objectContaining({
        file: 'examples/therapists-cry/question.yaml',
        line: 12,
        column: 21,
        severity: 'warning',
        code: 'expert-count',
      }),
      expect.objectContaining({ file: 'examples/therapists-cry/experts/anne-rodgers-watson.md', line: 3, column: 16, code: 'name-quotes' }),
      expect.objectContaining({
        file: 'examples/therapists-cry/experts/natalie-moore.md',
        line: 5,
        column: 11,
        code: 'location-region-missing',
      }),
    ]);
  });

  test('a file name with a colon and digits still yields the right file, line and column', () => {
    expect(issues('notes/10:30: a.md:4:2: error: Unexpected thing [schema]')).toEqual([
      { file: 'notes/10:30: a.md', line: 4, column: 2, severity: 'error', message: 'Unexpected thing', code: 'schema' },
    ]);
  });
});
