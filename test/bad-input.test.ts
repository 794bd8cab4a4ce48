import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempDir } from './helpers.js';

/*
 * The bad-input matrix (shared/reference/reliability.md §5): each case is a
 * roundup with one problem, and the exact outcome: the diagnostics
 * (`file:line:column severity rule`), the exit code, whether the article was
 * written, and always: no stack trace, no temporary file, nothing written
 * outside --out.
 */

const QUESTION = 'title: A question?\nbyline: Jane Editor\n';
const front = (fields: string, body = 'An answer.\n') => `---\n${fields}\n---\n${body}`;
const EXPERT = front('name: Jane Doe\ncredentials: LCSW\nlocation: Austin, Texas');
const expert = (extra: string, body?: string) => front(`name: Jane Doe\ncredentials: LCSW\nlocation: Austin, Texas\n${extra}`, body);

interface Case {
  files: Record<string, string | Buffer>;
  /** Diagnostics as `file:line:column severity rule`, in report order; infos left out. */
  expect: string[];
  /** Default: 1 when an error is expected, else 0. */
  code?: number;
  /** Run in the parent of the roundup, with these arguments (default: build the roundup). */
  argv?: string[];
  setup?: (dir: string) => void;
}

const J = 'experts/jane-doe.md';
const Q = 'question.yaml';
const roundupWith = (expertText: string | Buffer, question = QUESTION): Case['files'] => ({ [Q]: question, [J]: expertText });

const CASES: Record<string, Case> = {
  // A. Front-matter framing and engines
  'A1 ---js is refused and never run': {
    files: roundupWith('---js\n{ name: (globalThis.process.exitCode = 42, "x") }\n---\nHi\n'),
    expect: [`${J}:1:4 error fm-language`],
  },
  'A1 ---javascript': { files: roundupWith('---javascript\n{}\n---\nHi\n'), expect: [`${J}:1:4 error fm-language`] },
  'A1 --- js with spaces': { files: roundupWith('--- js \n{}\n---\nHi\n'), expect: [`${J}:1:4 error fm-language`] },
  'A2 ---json': { files: roundupWith('---json\n{"name": "x"}\n---\nHi\n'), expect: [`${J}:1:4 error fm-language`] },
  'A2 ---coffee': { files: roundupWith('---coffee\nname: x\n---\nHi\n'), expect: [`${J}:1:4 error fm-language`] },
  'A3 no front matter': { files: roundupWith('Just an answer.\n'), expect: [`${J}:1:1 error fm-missing`] },
  'A3 TOML +++ block': { files: roundupWith('+++\nname = "x"\n+++\nHi\n'), expect: [`${J}:1:1 error fm-missing`] },
  'A4 leading blank line': { files: roundupWith(`\n${EXPERT}`), expect: [`${J}:2:1 error fm-not-at-start`] },
  'A4 leading spaces line': { files: roundupWith(`   \n${EXPERT}`), expect: [`${J}:2:1 error fm-not-at-start`] },
  'A5 no closing line': { files: roundupWith('---\nname: Jane Doe\n\nThe answer: yes.\n'), expect: [`${J}:1:1 error fm-unterminated`] },
  'A6 ---- closes nothing': { files: roundupWith('---\nname: Jane Doe\n----\nHi\n'), expect: [`${J}:3:1 error fm-unterminated`] },
  'A6 ---foo closes nothing': { files: roundupWith('---\nname: Jane Doe\n---foo\nHi\n'), expect: [`${J}:3:1 error fm-unterminated`] },
  'A7 ... is not a closer': { files: roundupWith('---\nname: Jane Doe\n...\nHi\n'), expect: [`${J}:3:1 error fm-unterminated`] },
  'A8 empty front matter': { files: roundupWith('---\n---\nHi\n'), expect: [`${J}:1:1 error schema`] },
  'A9 front matter that is a list': { files: roundupWith('---\n- a\n- b\n---\nHi\n'), expect: [`${J}:2:1 error schema`] },
  'A9 front matter that is a string': { files: roundupWith('---\njust text\n---\nHi\n'), expect: [`${J}:2:1 error schema`] },
  'A10 the same broken file twice gives the same error twice': {
    files: { [Q]: QUESTION, [J]: '---\nname: [\n---\nHi\n', 'experts/kip.md': '---\nname: [\n---\nHi\n' },
    expect: [`${J}:2:8 error yaml-syntax`, 'experts/kip.md:2:8 error yaml-syntax'],
  },
  'A12 excerpt_separator is an unknown field, not an option': {
    files: roundupWith(expert('excerpt_separator: e')),
    expect: [`${J}:5:1 error schema`],
  },

  // B. YAML typing and limits
  'B1 Norway stays a string': {
    files: roundupWith(front('name: Jane Doe\ncredentials: LCSW\nlocation:\n  city: Oslo\n  country: NO')),
    expect: [],
  },
  'B2 a version-like number where text belongs': {
    files: roundupWith(front('name: 1.10\ncredentials: LCSW\nlocation: Austin, Texas')),
    expect: [`${J}:2:7 error schema`],
  },
  'B2 an octal-looking number': {
    files: roundupWith(front('name: Jane Doe\ncredentials: 0123\nlocation: Austin, Texas')),
    expect: [`${J}:3:14 error schema`],
  },
  'B3 a date stays a string, a time is not base 60': {
    files: roundupWith(expert('role: "Counselor"'), `${QUESTION}published: 2020-03-04\n`),
    expect: [],
  },
  'B3 a date that does not exist': { files: roundupWith(EXPERT, `${QUESTION}published: 2020-02-30\n`), expect: [`${Q}:3:12 error schema`] },
  'B4 !!timestamp is kept as text, with a warning': {
    files: roundupWith(EXPERT, `${QUESTION}published: !!timestamp 2020-03-04\n`),
    expect: [`${Q}:3:12 warning yaml-tag`],
  },
  'B4 !!js/function is never executed': {
    files: roundupWith(front('name: !!js/function "function () { process.exit(9) }"\ncredentials: LCSW\nlocation: Austin, Texas')),
    expect: [`${J}:2:7 warning yaml-tag`],
  },
  'B5 duplicate key': { files: roundupWith(expert('name: Kip')), expect: [`${J}:5:1 error yaml-duplicate-key`] },
  'B6 alias bomb': {
    files: roundupWith(
      EXPERT,
      `${QUESTION}a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n`,
    ),
    expect: Array.from({ length: 18 }, (_, index) => `${Q}:${index < 9 ? 4 : 5}:${8 + (index % 9) * 3} error yaml-alias`),
  },
  'B7 deep flow nesting': { files: roundupWith(EXPERT, `title: ${'['.repeat(50_000)}\n`), expect: [`${Q}:1:40 error yaml-too-deep`] },
  'B8 merge key': {
    files: roundupWith(EXPERT, `${QUESTION}base: &base {x: 1}\nother:\n  <<: *base\n`),
    expect: [`${Q}:5:7 error yaml-alias`],
  },
  'B9 __proto__ is an unknown field': { files: roundupWith(expert('__proto__:\n  admin: true')), expect: [`${J}:5:1 error schema`] },
  'B10 tab indentation': { files: roundupWith(front('name: Jane Doe\nlocation:\n\tcity: Austin')), expect: [`${J}:4:1 error yaml-syntax`] },
  'B11 a colon in an unquoted value': {
    files: roundupWith(EXPERT, 'title: Hello: world\nbyline: Jane Editor\n'),
    expect: [`${Q}:1:8 error yaml-syntax`],
  },
  'B11 a quoted string followed by text': {
    files: roundupWith(EXPERT, 'title: "It\'s" done\nbyline: Jane Editor\n'),
    expect: [`${Q}:1:15 error yaml-syntax`],
  },
  'B13 NUL in a value': {
    files: roundupWith(front('name: "Jane\\0Doe"\ncredentials: LCSW\nlocation: Austin, Texas')),
    expect: [`${J}:2:7 error control-char`],
  },
  'B13 an ANSI escape in a name': {
    files: roundupWith(front('name: "Jane \\e[31mDoe"\ncredentials: LCSW\nlocation: Austin, Texas')),
    expect: [`${J}:2:7 error control-char`],
  },
  'C8 a bidi override in a name': {
    files: roundupWith(front('name: "Jane \\u202EeoD"\ncredentials: LCSW\nlocation: Austin, Texas')),
    expect: [`${J}:2:7 warning suspicious-unicode`],
  },
  'B14 question.yaml that is a list': { files: roundupWith(EXPERT, '- title\n- byline\n'), expect: [`${Q}:1:1 error schema`] },

  // C. Schema and cross-file semantics
  'C1 missing name': { files: roundupWith(front('credentials: LCSW\nlocation: Austin, Texas')), expect: [`${J}:2:1 error schema`] },
  'C1 credentials: 42': {
    files: roundupWith(front('name: Jane Doe\ncredentials: 42\nlocation: Austin, Texas')),
    expect: [`${J}:3:14 error schema`],
  },
  'C2 a typo in a field name': {
    files: roundupWith(front('name: Jane Doe\ncredentials: LCSW\nlocaton: Austin, Texas')),
    expect: [`${J}:4:1 error schema`],
  },
  'C3 order names a missing expert': {
    files: roundupWith(EXPERT, `${QUESTION}order: [jane-doe, kip]\n`),
    expect: [`${Q}:3:19 error order`],
  },
  'C4 two files for one person': {
    files: { [Q]: QUESTION, [J]: EXPERT, 'experts/jane.md': EXPERT },
    expect: ['experts/jane.md:2:7 error expert-duplicate'],
  },
  'C5 an empty answer': {
    files: roundupWith(front('name: Jane Doe\ncredentials: LCSW\nlocation: Austin, Texas', '\n   \n')),
    expect: [`${J}:8:1 error answer-empty`],
  },
  'C5 no experts at all': { files: { [Q]: QUESTION }, expect: [`${Q}:1:1 error no-experts`] },
  'C7 a javascript: byline URL': {
    files: roundupWith(EXPERT, 'title: T\nbyline:\n  name: Kelsey\n  url: javascript:alert(1)\n'),
    expect: [`${Q}:4:8 error schema`],
  },
  'C7 a protocol-relative canonical URL': {
    files: roundupWith(EXPERT, `${QUESTION}url: //evil.example/x\n`),
    expect: [`${Q}:3:6 error schema`],
  },
  'C9 an expert file name that is not an id': {
    files: { [Q]: QUESTION, 'experts/Jane Doe.md': EXPERT },
    expect: ['experts/Jane Doe.md:1:1 error expert-id'],
  },
  'C10 a slug that climbs out of the output folder': {
    files: roundupWith(EXPERT, `${QUESTION}slug: ../../etc/passwd\n`),
    expect: [`${Q}:3:7 error slug`],
  },
  'C10 a Windows device name as slug': { files: roundupWith(EXPERT, `${QUESTION}slug: nul\n`), expect: [`${Q}:3:7 error slug`] },
  'C10 an empty slug': { files: roundupWith(EXPERT, `${QUESTION}slug: ""\n`), expect: [`${Q}:3:7 error slug`] },

  // D. HTML and URL security in Markdown
  'D1 a script in an answer is dropped, with a warning': {
    files: roundupWith(expert('', 'Hi.\n\n<script>alert(1)</script>\n')),
    expect: [`${J}:9:1 warning html-removed`],
  },
  'D2 an event handler': {
    files: roundupWith(expert('', 'x <img src=x onerror=alert(1)> y\n')),
    expect: [`${J}:7:3 warning html-removed`],
  },
  'D3 a javascript: link': { files: roundupWith(expert('', '[a](javascript:alert(1))\n')), expect: [`${J}:7:1 warning html-removed`] },
  'D5 an entity-encoded javascript: link': {
    files: roundupWith(expert('', '[a](&#106;avascript:alert(1))\n')),
    expect: [`${J}:7:1 warning html-removed`],
  },
  'D10 a javascript: reference definition': {
    files: roundupWith(expert('', '[a]\n\n[a]: javascript:alert(1)\n')),
    expect: [`${J}:9:1 warning html-removed`],
  },
  'D11 a data: image': {
    files: roundupWith(expert('', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n')),
    expect: [`${J}:7:1 warning html-removed`],
  },
  'D20 an iframe in the intro': {
    files: roundupWith(EXPERT, `${QUESTION}intro: '<iframe src="https://evil.example"></iframe>'\n`),
    expect: [`${Q}:3:8 warning html-removed`],
  },

  // E. Parser robustness
  'E1 deeply nested block quotes': {
    files: roundupWith(expert('', `${'> '.repeat(1500)}a\n`)),
    expect: [`${J}:7:1 error markdown-too-deep`],
  },
  'E2 a long run of emphasis marks': {
    files: roundupWith(expert('', `${'*'.repeat(5000)}a${'*'.repeat(5000)}\n`)),
    expect: [`${J}:7:65 error markdown-too-deep`],
  },
  'E3 deeply nested brackets': { files: roundupWith(expert('', `${'['.repeat(3000)}a\n`)), expect: [`${J}:7:33 error markdown-too-deep`] },
  'E4 deeply nested lists': {
    files: roundupWith(expert('', Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth)}- a`).join('\n'))),
    expect: [`${J}:71:1 error markdown-too-deep`],
  },
  'E5 nested emphasis that overflows the stack': {
    files: roundupWith(expert('', `${'*a **a '.repeat(1000)}b${' a** a*'.repeat(1000)}\n`)),
    expect: [`${J}:7:1 error markdown-too-slow`],
  },
  'E6 quadratic emphasis openers hit the time limit': {
    files: { ...roundupWith(expert('', `${'*a_ '.repeat(16_000)}\n`)), 'roundup.config.yaml': 'limits:\n  renderTimeoutMs: 1000\n' },
    expect: [`${J}:7:1 error markdown-too-slow`],
  },
  'E7 nested emphasis under the size guard (8.1 KB) that stalled the Markdown output for 80 s': {
    files: roundupWith(expert('', `${'*a '.repeat(1350)}${'a* '.repeat(1350)}\n`)),
    expect: [`${J}:7:1 error markdown-too-slow`],
  },

  // F. Bytes
  'F1 a UTF-8 BOM is fine': { files: roundupWith(`\uFEFF${EXPERT}`), expect: [] },
  'F2 CRLF line endings are fine': { files: roundupWith(EXPERT.replace(/\n/g, '\r\n'), QUESTION.replace(/\n/g, '\r\n')), expect: [] },
  'F2 lone CR line endings are fine': { files: roundupWith(EXPERT.replace(/\n/g, '\r')), expect: [] },
  'F3 NUL in an answer': { files: roundupWith(expert('', 'An \u0000answer.\n')), expect: [`${J}:1:1 error binary-file`] },
  'F4 invalid UTF-8': {
    files: roundupWith(Buffer.concat([Buffer.from(`${EXPERT}Caf`), Buffer.from([0xe9]), Buffer.from('\n')])),
    expect: [`${J}:1:1 error invalid-encoding`],
  },
  'F5 a PNG named .md': {
    files: roundupWith(Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex')),
    expect: [`${J}:1:1 error invalid-encoding`],
  },
  'F5 a UTF-16 file': { files: roundupWith(Buffer.from(`\uFEFF${EXPERT}`, 'utf16le')), expect: [`${J}:1:1 error invalid-encoding`] },
  'F6 an empty file': { files: roundupWith(''), expect: [`${J}:1:1 error fm-missing`] },
  'F7 a file over the size cap': {
    files: roundupWith(expert('', `${'word '.repeat(120_000)}\n`)),
    expect: [`${J}:1:1 error file-too-large`],
  },

  // G. File system
  'G1 an expert file linked from outside': {
    files: { [Q]: QUESTION },
    setup: (dir) => {
      writeFileSync(path.join(dir, '..', 'secret.md'), EXPERT);
      symlinkSync(path.join(dir, '..', 'secret.md'), path.join(dir, 'experts', 'jane-doe.md'));
    },
    expect: [`${J}:1:1 error symlink-outside`],
  },
  'G1 question.yaml linked from outside': {
    files: { [J]: EXPERT },
    setup: (dir) => {
      writeFileSync(path.join(dir, '..', 'secret.yaml'), QUESTION);
      symlinkSync(path.join(dir, '..', 'secret.yaml'), path.join(dir, Q));
    },
    expect: [`${Q}:1:1 error symlink-outside`],
  },
  'G1 a link that stays inside the roundup is read': {
    files: { [J]: EXPERT, 'question-source.yaml': QUESTION },
    setup: (dir) => symlinkSync('question-source.yaml', path.join(dir, Q)),
    expect: [],
  },
  'G2 two roundups with one slug': {
    files: { [Q]: `${QUESTION}slug: same\n`, [J]: EXPERT, [`../twin/${Q}`]: `${QUESTION}slug: same\n`, [`../twin/${J}`]: EXPERT },
    argv: ['build', '.', '../twin', '--out', '../out'],
    expect: [`${Q}:3:7 error slug-collision`, `../twin/${Q}:3:7 error slug-collision`],
  },

  // H. Output contexts
  'H1 </script> in a title cannot break out of the JSON-LD': {
    files: roundupWith(EXPERT, 'title: "</script><script>alert(1)</script>"\nbyline: Jane Editor\n'),
    expect: [],
  },
  'H3 :: and newlines in a value cannot become workflow commands': {
    files: roundupWith(front('name: Jane Doe\ncredentials: LCSW\nlocation: "Austin\\n::error::pwned, TX"')),
    argv: ['check', '.', '--reporter', 'github'],
    expect: [],
  },

  // I. CLI contract
  'I1 an unknown flag': { files: roundupWith(EXPERT), argv: ['build', '.', '--colour'], expect: [], code: 2 },
  'I2 a missing path': { files: roundupWith(EXPERT), argv: ['build', 'nope'], expect: [], code: 2 },
  'I3 a folder without question.yaml': { files: { [J]: EXPERT }, expect: [], code: 2 },
  'I4 an unknown format': { files: roundupWith(EXPERT), argv: ['build', '.', '--format', 'pdf'], expect: [], code: 2 },
  'I5 a bad width': { files: roundupWith(EXPERT), argv: ['build', '.', '--width', 'wide'], expect: [], code: 2 },
  'I6 a javascript: stylesheet': {
    files: roundupWith(EXPERT),
    argv: ['build', '.', '--stylesheet', 'javascript:alert(1)'],
    expect: [],
    code: 2,
  },
  'I7 --out - with two formats': {
    files: roundupWith(EXPERT),
    argv: ['build', '.', '--format', 'html,json', '--out', '-'],
    expect: [],
    code: 2,
  },
};

const DIAGNOSTIC = /^(\S.*?):(\d+):(\d+): (error|warning|info): .* \[([a-z-]+)\]$/;

function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('bad-input matrix', () => {
  test('has at least 60 cases', () => {
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(60);
  });

  test.each(Object.entries(CASES))(
    '%s',
    async (_, testCase) => {
      const base = tempDir();
      const dir = path.join(base, 'roundup');
      mkdirSync(path.join(dir, 'experts'), { recursive: true });
      for (const [file, contents] of Object.entries(testCase.files)) {
        const target = path.join(file === 'roundup.config.yaml' ? base : dir, file);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, contents);
      }
      testCase.setup?.(dir);
      const before = listTree(base);
      const { code, stdout, stderr } = await runCli(testCase.argv ?? ['build', '.', '--out', '../out', '--format', 'html,json,text'], {
        cwd: dir,
      });

      const found = stderr.split('\n').flatMap((line) => {
        const match = DIAGNOSTIC.exec(line);
        return match && match[4] !== 'info' ? [`${match[1]}:${match[2]}:${match[3]} ${match[4]} ${match[5]}`] : [];
      });
      expect(found, `found ${JSON.stringify(found)}`).toEqual(testCase.expect);
      const expectedCode = testCase.code ?? (testCase.expect.some((line) => line.includes(' error ')) ? 1 : 0);
      expect(code).toBe(expectedCode);
      expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+|Error: .*\n\s+at /);
      expect(`${stdout}${stderr}`).not.toContain('\u001b');
      expect((globalThis as { process: NodeJS.Process }).process.exitCode ?? 0).not.toBe(42);

      // Nothing but the output folder changed, no temporary file anywhere, and an article only when there was no error.
      const after = listTree(base);
      // (The incremental cache, under node_modules/.cache/roundup, is the one other thing a build may write.)
      expect(after.filter((file) => !file.startsWith('out') && !file.includes('node_modules') && !before.includes(file))).toEqual([]);
      expect(before.filter((file) => !after.includes(file))).toEqual([]);
      expect(after.filter((file) => file.endsWith('.tmp'))).toEqual([]);
      const outputs = existsSync(path.join(base, 'out')) ? readdirSync(path.join(base, 'out')) : [];
      if (expectedCode !== 0 || testCase.argv) expect(outputs.filter((file) => !file.startsWith('same.'))).toEqual([]);
      else expect(outputs.sort()).toEqual(['roundup.html', 'roundup.json', 'roundup.txt']);
      if (testCase.argv?.includes('github')) expect(stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([]);
    },
    30_000,
  );
});

test('H1: the JSON-LD of a hostile title parses whole', async () => {
  const dir = path.join(tempDir(), 'hostile');
  mkdirSync(path.join(dir, 'experts'), { recursive: true });
  writeFileSync(path.join(dir, Q), 'title: "</script>\\u2028<script>alert(1)</script>"\nbyline: Jane Editor\n');
  writeFileSync(path.join(dir, J), EXPERT);
  const { stdout } = await runCli(['build', '.', '--out', '-'], { cwd: dir });
  const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(stdout)![1]!;
  expect(jsonLd).not.toContain('</script');
  expect(JSON.parse(jsonLd).headline).toBe('</script>\u2028<script>alert(1)</script>');
  expect(readFileSync(path.join(dir, Q), 'utf8')).toContain('title');
});
