import matter from 'gray-matter';
import type { VFile } from 'vfile';
import { addDiagnostic } from '../util/diagnostics.js';

export interface FrontMatter {
  /** The YAML between the delimiters, and where it starts in the file. */
  yaml: string;
  yamlOffset: number;
  /** The Markdown after the closing delimiter, and where it starts in the file. */
  body: string;
  bodyOffset: number;
}

const refuse = () => {
  throw new Error('front matter in a programming language is never evaluated');
};

/**
 * gray-matter, never in its default form: an options object turns its shared
 * result cache off, the `javascript` engine (which gray-matter runs through
 * `eval`, and which `js: false` does not disable) is replaced by one that
 * refuses, and YAML is left to `parseYaml`, which keeps positions.
 */
const matterOptions = () => ({
  language: 'yaml',
  engines: {
    yaml: { parse: () => ({}), stringify: () => '' },
    javascript: refuse,
    js: refuse,
    json: refuse,
  },
});

/**
 * Split an expert file into its front matter and body. The framing is checked
 * line by line first, since gray-matter itself treats a leading blank line as
 * "no front matter", closes the block at any line that starts with `---`, and
 * reads an unclosed block as YAML to the end of the file.
 */
export function splitFrontMatter(file: VFile): FrontMatter | undefined {
  const text = String(file.value);
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  if (!first.startsWith('---')) {
    const leading = text.match(/^\s*\n(?=---)/);
    addDiagnostic(
      file,
      leading
        ? {
            ruleId: 'fm-not-at-start',
            severity: 'error',
            span: { start: leading[0].length, end: leading[0].length + 3 },
            reason: 'Unexpected blank line before the front matter, expected `---` on the first line',
            note: 'Delete the blank lines above `---`; otherwise the front matter would be read as text.',
          }
        : {
            ruleId: 'fm-missing',
            severity: 'error',
            span: { start: 0, end: first.length },
            reason: 'Missing front matter, expected the file to start with a `---` line',
            note: 'Start the file with `---`, the fields (`name:`, `credentials:`, …), `---`, then the answer.',
          },
    );
    return undefined;
  }
  const language = first.slice(3).trim();
  if (first.trimEnd() !== '---' && language !== 'yaml') {
    addDiagnostic(file, {
      ruleId: 'fm-language',
      severity: 'error',
      span: { start: 3, end: first.length },
      reason: `Unexpected front matter language \`${language}\`, expected YAML`,
      note: 'Open the front matter with a plain `---` line. roundup never runs code from front matter.',
      actual: language,
    });
    return undefined;
  }

  let offset = first.length + 1;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trimEnd() === '---') return splitWithGrayMatter(file, text, first.length);
    if (line.startsWith('---') || line.trimEnd() === '...') {
      addDiagnostic(file, {
        ruleId: 'fm-unterminated',
        severity: 'error',
        span: { start: offset, end: offset + line.length },
        reason: `Unexpected \`${line.trimEnd()}\`, expected a line of exactly \`---\` to close the front matter`,
        note: 'Close the front matter with a line holding only `---`.',
      });
      return undefined;
    }
    offset += line.length + 1;
  }
  addDiagnostic(file, {
    ruleId: 'fm-unterminated',
    severity: 'error',
    span: { start: 0, end: first.length },
    reason: 'Missing closing `---` for the front matter opened on line 1',
    note: 'Add a line holding only `---` after the last field, before the answer.',
  });
  return undefined;
}

function splitWithGrayMatter(file: VFile, text: string, yamlOffset: number): FrontMatter {
  // gray-matter reads `--- ` (trailing spaces or a tab) as a language name; the framing above accepted it as `---`.
  const parsed = matter(`---${text.slice(yamlOffset)}`, matterOptions());
  const yaml = parsed.matter ?? '';
  // The checks above guarantee gray-matter cut where they did; fail loudly if it ever does not.
  if (!text.startsWith(yaml, yamlOffset) || !text.endsWith(parsed.content)) {
    throw new Error(`gray-matter split ${file.path} differently from roundup's framing check`);
  }
  return { yaml, yamlOffset, body: parsed.content, bodyOffset: text.length - parsed.content.length };
}
