import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { summaryMarkdown } from '../../src/report/summary.js';
import { expectGolden, ROOT, runCli, tempDir } from '../helpers.js';

const GITHUB = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'owner/repo', GITHUB_SHA: 'abc123' };

describe('the step summary', () => {
  test('with $GITHUB_STEP_SUMMARY set, check appends counts per rule and the findings with links to their lines', async () => {
    const dir = tempDir();
    const summary = path.join(dir, 'summary.md');
    writeFileSync(summary, 'Earlier step.\n');
    const env = { ...GITHUB, GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: ROOT };
    const { code } = await runCli(['check', 'examples/therapists-cry', '--reporter', 'json'], { env });
    expect(code).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('Earlier step.\n### roundup check: 0 errors, 3 warnings, 2 infos\n')).toBe(true);
    expectGolden(text, 'step-summary/therapists-cry.md');
  });

  test('build appends its own summary; without the variable nothing is written', async () => {
    const dir = tempDir();
    const summary = path.join(dir, 'summary.md');
    await runCli(['build', 'examples/therapists-cry', '--out', path.join(dir, 'out')], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toMatch(/^### roundup build: 0 errors, 3 warnings, 2 infos\n/);
    const { stderr } = await runCli(['check', 'examples/therapists-cry'], { env: { GITHUB_STEP_SUMMARY: '' } });
    expect(stderr).not.toContain('summary');
  });

  test('a summary file that cannot be written is a warning, not a failure', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a-folder'));
    const { code, stderr } = await runCli(['check', 'examples/therapists-cry'], {
      env: { GITHUB_STEP_SUMMARY: path.join(dir, 'a-folder') },
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/roundup: warning: cannot append the summary to \$GITHUB_STEP_SUMMARY \(.*a-folder\): EISDIR/);
  });

  test('file names and messages cannot break the table, link, or run markup; control characters are shown as escapes', () => {
    const file = new VFile({ path: 'content/a|b/`x`/[y](javascript:z)/<img src=x>\u001b.md', value: 'x\n' });
    const message = file.message('Unexpected `a|b` and ![i](https://evil.example/p.png) <script>', {
      place: { line: 1, column: 1 },
      ruleId: 'schema',
    });
    message.fatal = true;
    message.note = 'Write *this* | that';
    const text = summaryMarkdown([file], {
      title: 'roundup check',
      cwd: '/repo',
      links: { root: '/repo', base: 'https://github.com/o/r/blob/s/' },
    });
    const tree = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
    const tables = tree.children.filter((node) => node.type === 'table');
    expect(tables).toHaveLength(2);
    // Every row of the findings table has exactly its three cells.
    const findings = tables[1]!;
    expect(findings.children.map((row) => row.children.length)).toEqual([3, 3]);
    const cells = findings.children[1]!.children;
    // The only link is the one to the file's line; no image, code span or HTML came from the content.
    const kinds = new Set<string>();
    const walk = (node: { type: string; children?: unknown[] }) => {
      kinds.add(node.type);
      for (const child of (node.children ?? []) as { type: string }[]) walk(child);
    };
    for (const cell of cells) walk(cell);
    expect([...kinds].sort()).toEqual(['link', 'tableCell', 'text']);
    const link = cells[0]!.children[0] as { type: 'link'; url: string; children: { value: string }[] };
    expect(link.url).toBe('https://github.com/o/r/blob/s/content/a%7Cb/%60x%60/%5By%5D(javascript%3Az)/%3Cimg%20src%3Dx%3E%1B.md#L1');
    expect(link.children[0]!.value).toBe('content/a|b/`x`/[y](javascript:z)/<img src=x>\\x1b.md:1:1');
    const finding = cells[2]!.children.map((child) => (child as { value: string }).value).join('');
    expect(finding).toBe('Unexpected `a|b` and ![i](https://evil.example/p.png) <script> (fix: Write *this* | that) [schema]');
  });

  test('the first findings are listed, with how many more there are; a file outside the repository has no link', () => {
    const file = new VFile({ path: '../outside.md', value: 'x\n' });
    for (let index = 0; index < 3; index++)
      file.message(`Finding ${index}`, { place: { line: 1, column: 1 }, ruleId: 'schema' }).fatal = false;
    const text = summaryMarkdown([file], { title: 'roundup check', cwd: '/repo', links: { root: '/repo', base: 'https://x/' }, limit: 2 });
    expect(text).toContain('| \\.\\.\\/outside\\.md\\:1\\:1 | warning | Finding 0 \\[schema\\] |');
    expect(text).not.toContain('Finding 2');
    expect(text).toContain('The first 2 of 3 findings; the step’s log lists them all.');
    expect(summaryMarkdown([], { title: 'roundup check', cwd: '/repo' })).toBe(
      '### roundup check: 0 errors, 0 warnings, 0 infos\n\nNo findings.\n\n',
    );
  });
});
