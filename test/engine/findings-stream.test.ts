import { expect, test } from 'vitest';
import { build, check } from '../../src/index.js';
import { makeRoundup, minimalExpert, tempDir } from '../helpers.js';

const expert = (credentials: string) => `---\nname: Jane Doe\ncredentials: ${credentials}\n---\nAn answer.\n`;

test('onFindings gets each roundup’s findings as it is settled, in order, and the result keeps none', async () => {
  const parent = tempDir();
  makeRoundup({ parent, name: 'a', experts: { 'jane-doe': expert('LCSW, PhD') } });
  makeRoundup({ parent, name: 'b', experts: { 'jane-doe': minimalExpert() } });
  makeRoundup({ parent, name: 'c', experts: { 'jane-doe': expert('PhD, LCSW, PhD') } });
  const events: string[] = [];
  const streamed = await check({
    paths: [parent],
    onFindings: (findings) => events.push(findings.map((finding) => `${finding.file.split('/').at(-3)}:${finding.ruleId}`).join(' ')),
    onProgress: ({ done }) => events.push(`done ${done}`),
  });
  expect(events).toEqual(['a:credential-order', 'done 1', 'done 2', 'c:credential-order c:credential-duplicate', 'done 3']);
  expect(streamed.findings).toEqual([]);
  expect(streamed.summary.warnings).toBe(1); // credential-duplicate; credential-order is an info
  const collected = await check({ paths: [parent] });
  expect(collected.findings.map((finding) => finding.ruleId)).toEqual(['credential-order', 'credential-order', 'credential-duplicate']);
  expect(collected.files.map((file) => file.messages.map((message) => message.ruleId))).toEqual([
    ['credential-order'],
    ['credential-order', 'credential-duplicate'],
  ]);
});

test('a finding keeps only what a reporter needs: its place, words, fix and source line', async () => {
  const dir = makeRoundup({ experts: { 'jane-doe': expert('LCSW, PhD') } });
  const [finding] = (await build({ paths: [dir], write: false })).findings;
  expect(Object.keys(finding!).sort()).toEqual(
    ['column', 'edit', 'endColumn', 'endLine', 'expected', 'file', 'line', 'note', 'reason', 'ruleId', 'severity', 'source', 'url'].sort(),
  );
  expect(finding).toMatchObject({ line: 3, column: 14, severity: 'info', ruleId: 'credential-order', source: 'credentials: LCSW, PhD' });
});
