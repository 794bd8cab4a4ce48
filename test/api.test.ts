import { expect, test } from 'vitest';

test('the public API is exactly this (changing it is a breaking change)', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toEqual([
    'FORMATS',
    'LOAD_CHECKS',
    'RULES',
    'UsageError',
    'build',
    'buildRoundup',
    'check',
    'checkStructure',
    'discoverRoundups',
    'exitCode',
    'lookupCredentials',
    'readRoundup',
    'render',
    'renderHtml',
    'renderJson',
    'renderMarkdown',
    'renderText',
    'reportGithub',
    'reportJson',
    'reportPretty',
  ]);
});
