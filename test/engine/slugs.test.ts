import { describe, expect, test } from 'vitest';
import { check } from '../../src/index.js';
import { makeRoundup, minimalExpert, tempDir } from '../helpers.js';

describe('slug collisions', () => {
  test.each(['"slug": alpha', '? slug\n: alpha', '"\\x73lug": alpha'])(
    'a slug written as %s is read from the parsed YAML',
    async (slug) => {
      const parent = tempDir();
      makeRoundup({ parent, name: 'alpha', experts: { 'jane-doe': minimalExpert() } });
      makeRoundup({ parent, name: 'beta', question: `title: B\nbyline: K\n${slug}\n`, experts: { 'jane-doe': minimalExpert() } });
      const result = await check({ paths: [parent] });
      expect(result.files.flatMap((file) => file.messages.map((message) => message.ruleId))).toContain('slug-collision');
      expect(result.code).toBe(1);
    },
  );
});
