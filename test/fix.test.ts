import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { diffChars } from 'diff';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { check, RULES } from '../src/index.js';
import { EXAMPLE, expectGolden, makeRoundup, ROOT, runCli, tempDir } from './helpers.js';

/** Every file under `dir`, by path relative to it, with its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = readFileSync(file, 'utf8');
  }
  return files;
}

/** A copy of the reference article in a fresh folder, checked from that folder. */
function referenceCopy() {
  const cwd = tempDir();
  cpSync(EXAMPLE, path.join(cwd, 'therapists-cry'), { recursive: true });
  return cwd;
}

const ruleIds = (stdout: string) => (JSON.parse(stdout) as { ruleId: string }[]).map((entry) => entry.ruleId);

/** The rules whose fixes `--fix` applies; docs/rules.md marks each as fixable. */
const FIXABLE = [
  'credential-duplicate',
  'credential-format',
  'credential-order',
  'expert-count',
  'location-region-missing',
  'location-style',
  'name-quotes',
];

describe('check --fix on the reference article', () => {
  test('--fix-dry-run prints the diff and changes nothing', async () => {
    const cwd = referenceCopy();
    const before = snapshot(cwd);
    const { code, stdout, stderr } = await runCli(['check', 'therapists-cry', '--fix-dry-run'], { cwd });
    expect(code).toBe(0);
    expectGolden(stdout, 'therapists-cry/fix.diff');
    expect(stderr).toContain('would fix 3 findings in 3 files\n');
    expect(snapshot(cwd)).toEqual(before);
  });

  test('--fix changes only the fixed characters and leaves the two findings that need a person; a second --fix changes nothing', async () => {
    const cwd = referenceCopy();
    const before = snapshot(cwd);
    const fixed = await runCli(['check', 'therapists-cry', '--fix'], { cwd });
    expect([fixed.code, fixed.stdout]).toEqual([0, '']);
    expect(fixed.stderr).toContain('fixed 3 findings in 3 files\n');
    const after = snapshot(cwd);
    const changes = Object.keys(before).flatMap((file) =>
      diffChars(before[file]!, after[file]!)
        .filter((part) => part.added || part.removed)
        .map((part) => `${file.split(path.sep).join('/')}: ${part.added ? '+' : '-'}${part.value}`),
    );
    expect(changes.sort()).toEqual([
      'therapists-cry/experts/anne-rodgers-watson.md: +“',
      'therapists-cry/experts/anne-rodgers-watson.md: -‘',
      'therapists-cry/experts/natalie-moore.md: +, California',
      'therapists-cry/question.yaml: +6',
      'therapists-cry/question.yaml: -5',
    ]);

    const rechecked = await runCli(['check', 'therapists-cry', '--reporter', 'json'], { cwd });
    expect(ruleIds(rechecked.stdout)).toEqual(['credential-ambiguous', 'role-credential']);

    const again = await runCli(['check', 'therapists-cry', '--fix'], { cwd });
    expect(again.stderr).toContain('nothing to fix\n');
    expect(snapshot(cwd)).toEqual(after);
  });

  test('the JSON report carries each fix as an edit of the file’s text', async () => {
    const { stdout } = await runCli(['check', EXAMPLE, '--reporter', 'json']);
    const entries = JSON.parse(stdout) as { ruleId: string; edit: { range: [number, number]; text: string } | null }[];
    const question = readFileSync(path.join(EXAMPLE, 'question.yaml'), 'utf8');
    const count = entries.find((entry) => entry.ruleId === 'expert-count')!.edit!;
    expect(count.text).toBe('6');
    expect(question.slice(...count.range)).toBe('5');
    expect(entries.filter((entry) => entry.edit).map((entry) => entry.ruleId)).toEqual([
      'expert-count',
      'name-quotes',
      'location-region-missing',
    ]);
    expect(entries.find((entry) => entry.ruleId === 'role-credential')!.edit).toBeNull();
  });
});

describe('check --fix keeps the file as written around each fix', () => {
  test('comments, single and double quotes, flow and block lists', async () => {
    const dir = makeRoundup({
      question: [
        '# The title, double-quoted',
        'title: "Five Experts: \\"Sleep\\" and You"   # says five',
        'column:',
        "  name: '1 Question, 5 Answers'  # single-quoted",
        '',
      ].join('\n'),
      experts: {
        anne: [
          '---',
          "name: 'Anne ‘Kip\" Rodgers'   # a straight quote closes a curly one",
          'credentials: ["L.C.S.W.", PhD] # flow list',
          'location: "Austin, Texas" # double-quoted',
          '---',
          'An answer.',
          '',
        ].join('\n'),
        bo: [
          '---',
          'name: "Bo \\"Ace’ Lee"',
          'credentials:',
          '  - LCSW   # license',
          '  - Ph.D.  # degree',
          '  - PhD    # again',
          "location: 'Dallas, TX'",
          '---',
          'An answer.',
          '',
        ].join('\n'),
      },
    });
    const { code, stderr } = await runCli(['check', dir, '--fix']);
    expect(code).toBe(0);
    expect(stderr).toContain('fixed 9 findings in 3 files\n');
    expect(readFileSync(path.join(dir, 'question.yaml'), 'utf8')).toBe(
      [
        '# The title, double-quoted',
        'title: "Two Experts: \\"Sleep\\" and You"   # says five',
        'column:',
        "  name: '1 Question, 2 Answers'  # single-quoted",
        '',
      ].join('\n'),
    );
    expect(readFileSync(path.join(dir, 'experts/anne.md'), 'utf8')).toBe(
      [
        '---',
        "name: 'Anne “Kip” Rodgers'   # a straight quote closes a curly one",
        'credentials: ["PhD", LCSW] # flow list',
        'location: "Austin, Texas" # double-quoted',
        '---',
        'An answer.',
        '',
      ].join('\n'),
    );
    // The duplicate goes with its line and comment; the others stay in place beside their comments (a reorder would separate them).
    expect(readFileSync(path.join(dir, 'experts/bo.md'), 'utf8')).toBe(
      [
        '---',
        'name: "Bo “Ace” Lee"',
        'credentials:',
        '  - LCSW   # license',
        '  - PhD  # degree',
        "location: 'Dallas, Texas'",
        '---',
        'An answer.',
        '',
      ].join('\n'),
    );
    const left = await runCli(['check', dir, '--reporter', 'json']);
    expect(ruleIds(left.stdout)).toEqual(['credential-order']);
  });

  test('line endings, byte order mark, permissions and links are kept', async () => {
    const dir = makeRoundup({ experts: {} });
    const outside = path.join(dir, 'experts', 'drafts');
    mkdirSync(outside);
    writeFileSync(path.join(dir, 'experts/crlf.md'), '\uFEFF---\r\nname: Cy Doe\r\ncredentials: PHD\r\n---\r\nAn answer.\r\n');
    chmodSync(path.join(dir, 'experts/crlf.md'), 0o600);
    writeFileSync(path.join(outside, 'linked.txt'), '---\nname: Di Roe\ncredentials: [lcsw]\n---\nAn answer.\n');
    symlinkSync(path.join('drafts', 'linked.txt'), path.join(dir, 'experts/linked.md'));
    const { stderr } = await runCli(['check', dir, '--fix']);
    expect(stderr).toContain('fixed 2 findings in 2 files\n');
    expect(readFileSync(path.join(dir, 'experts/crlf.md'), 'utf8')).toBe(
      '\uFEFF---\r\nname: Cy Doe\r\ncredentials: PhD\r\n---\r\nAn answer.\r\n',
    );
    expect(statSync(path.join(dir, 'experts/crlf.md')).mode & 0o777).toBe(0o600);
    expect(lstatSync(path.join(dir, 'experts/linked.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(outside, 'linked.txt'), 'utf8')).toBe('---\nname: Di Roe\ncredentials: [LCSW]\n---\nAn answer.\n');
  });

  test('--fix-dry-run with the JSON reporter, or with --fix, is a usage error', async () => {
    const json = await runCli(['check', EXAMPLE, '--fix-dry-run', '--reporter', 'json']);
    expect([json.code, json.stdout]).toEqual([2, '']);
    expect(json.stderr).toContain('--fix-dry-run writes its diff to standard output');
    const both = await runCli(['check', EXAMPLE, '--fix', '--fix-dry-run']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("'--fix-dry-run' cannot be used with option '--fix'");
  });
});

describe('fixable rules', () => {
  const fixtures = path.join(ROOT, 'test/fixtures/rules');

  test('the rules with a fix in their failing fixture are the documented fixable ones', async () => {
    const withEdit = new Set<string>();
    for (const rule of RULES) {
      const result = await check({ paths: ['.'], cwd: path.join(fixtures, rule.id, 'not-ok') });
      for (const file of result.files) for (const message of file.messages) if (message.edit) withEdit.add(message.ruleId!);
    }
    expect([...withEdit].sort()).toEqual(FIXABLE);
    const docs = readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
    for (const rule of RULES) {
      const section = docs.split(`\n## ${rule.id}\n`)[1]!.split('\n## ')[0]!;
      expect(section.includes('Fixable'), rule.id).toBe(FIXABLE.includes(rule.id));
    }
  });

  test.each(FIXABLE)('%s: after --fix, no finding with a fix is left, and a second --fix changes nothing', async (id) => {
    // A folder of its own: the temporary folder's random name is no valid slug.
    const cwd = path.join(tempDir(), 'fixture');
    cpSync(path.join(fixtures, id, 'not-ok'), cwd, { recursive: true });
    const first = await check({ paths: ['.'], cwd, fix: true });
    expect(first.roundups[0]!.fixed.length).toBeGreaterThan(0);
    expect(first.files.flatMap((file) => file.messages.filter((message) => message.edit))).toEqual([]);
    const after = snapshot(cwd);
    const second = await check({ paths: ['.'], cwd, fix: true });
    expect(second.roundups[0]!.fixed).toEqual([]);
    expect(snapshot(cwd)).toEqual(after);
  });
});

describe('property: after --fix, nothing fixable is left', () => {
  const credential = fc.constantFrom('PhD', 'Ph.D.', 'PHD', 'LCSW', 'L.C.S.W.', 'MD', 'M.D.', 'RN', 'LPC', 'CHPC', 'MA', 'M.A.', 'RPT');
  const location = fc.constantFrom(
    'Austin, TX',
    'Austin, Texas',
    'Albany, N.Y.',
    'Los Angeles',
    'Fairview',
    'Worcester, Mass.',
    'Boston, MA',
  );
  const names = ['Anne ‘Kip” Lee', 'Bo "Ace’ Ray', 'Cy Doe', 'Di “Dee’ Roe', "O'Brien Hale"];
  /** A scalar in one of YAML's three inline styles. */
  const styled = (value: fc.Arbitrary<string>) =>
    fc.tuple(value, fc.constantFrom('plain', 'single', 'double')).map(([text, style]) => {
      if (style === 'single') return `'${text.replaceAll("'", "''")}'`;
      if (style === 'double' || /^['"]|: | #/.test(text)) return JSON.stringify(text);
      return text;
    });
  const credentials = fc.oneof(
    fc.array(credential, { minLength: 1, maxLength: 4 }).map((list) => list.join(', ')),
    fc.array(styled(credential), { minLength: 1, maxLength: 4 }).map((list) => `[${list.join(', ')}]`),
    fc.array(styled(credential), { minLength: 1, maxLength: 4 }).map((list) => `\n${list.map((item) => `  - ${item} # c`).join('\n')}`),
  );
  /** An expert file; `who` indexes `names`, which are unique in a roundup (two files for one name is an error). */
  const expert = fc
    .tuple(fc.nat(names.length - 1), fc.constantFrom('plain', 'single', 'double'), credentials, styled(location), fc.boolean())
    .map(([who, style, creds, where, comment]) => {
      const name =
        style === 'single' ? `'${names[who]!.replaceAll("'", "''")}'` : style === 'double' ? JSON.stringify(names[who]) : names[who];
      return {
        who,
        text: `---\nname: ${name}${comment ? ' # as printed' : ''}\ncredentials: ${creds}\nlocation: ${where}\n---\nAn answer.\n`,
      };
    });

  test('fixing then checking gives no finding that has a fix, and every file still loads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(expert, { minLength: 1, maxLength: 4, selector: (one) => one.who }),
        fc.constantFrom('Five Experts', "'Five Experts'", '"Five Experts"'),
        async (experts, title) => {
          const dir = makeRoundup({
            question: `title: ${title} # count\n`,
            experts: Object.fromEntries(experts.map(({ text }, index) => [`expert-${index}`, text])),
          });
          const fixed = await check({ paths: [dir], fix: true });
          const errors = (result: typeof fixed) =>
            result.files.flatMap((file) => file.messages.filter((message) => message.fatal === true));
          expect(errors(fixed)).toEqual([]);
          const rechecked = await check({ paths: [dir] });
          expect(errors(rechecked)).toEqual([]);
          expect(
            rechecked.files.flatMap((file) => file.messages.filter((message) => message.edit).map((message) => message.reason)),
          ).toEqual([]);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) },
    );
  }, 120_000);
});
