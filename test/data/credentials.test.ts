import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { credentialFile } from '../../scripts/credential-schema.mjs';
import { resolveCredentials } from '../../src/data/credential-meaning.js';
import { CREDENTIALS, createCredentialIndex, credentialKey } from '../../src/data/credential-registry.js';
import { check } from '../../src/index.js';
import { regionByCode } from '../../src/data/regions.js';
import { makeRoundup, ROOT, tempDir } from '../helpers.js';

const DIR = path.join(ROOT, 'src/data/credentials');
const files = readdirSync(DIR).filter((name) => name.endsWith('.yaml'));
const index = createCredentialIndex(CREDENTIALS);

describe('the credential registry files', () => {
  test.each(files)('%s follows the schema', (name) => {
    const result = credentialFile.safeParse(parse(readFileSync(path.join(DIR, name), 'utf8')));
    expect(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([]);
  });

  test('at least 1,000 entries, each with a named issuer, a source, a kind and its countries', () => {
    expect(CREDENTIALS.length).toBeGreaterThanOrEqual(1000);
    for (const entry of CREDENTIALS) {
      expect(entry.issuer, entry.abbr).toBeTruthy();
      expect(entry.source, entry.abbr).toMatch(/^https?:\/\//);
      expect(entry.countries.length, entry.abbr).toBeGreaterThan(0);
    }
  });

  test('every state license names the states that issue it, and each board it names is one of them', () => {
    for (const entry of CREDENTIALS.filter((candidate) => candidate.kind === 'state-license')) {
      expect(entry.jurisdictions?.length, entry.abbr).toBeGreaterThan(0);
      for (const code of Object.keys(entry.boards ?? {})) expect(entry.jurisdictions, `${entry.abbr} board ${code}`).toContain(code);
    }
  });

  test('the fields the issue names are covered', () => {
    const known = (abbr: string) => index.lookup(abbr).entries.length > 0;
    const named =
      'MD DO MBBS MBChB FAAP FACP FACS FACOG FACC FAAD FACEP FAAFP FAPA FASAM FCCP RN DNP APRN FNP-BC FNP-C PMHNP-BC CCRN CNM CRNA PA-C PsyD LCSW LMFT LPC BCBA RD RDN LD LDN CDN CDCES CSSD PharmD RPh BCPS DPT OCS OTR/L COTA CHT CCC-SLP CCC-A AuD DDS DMD OD DC DPM LAc ND CSCS NBC-HWC ACC PCC MCC IBCLC CGC MPH CCTP CST RPT ATR-BC MT-BC MRCGP FRCP FRCPsych CPsychol MBACP FRCPC CCFP RCC RSW RP FRACGP FRANZCP MAPS LCSW-R';
    expect(named.split(' ').filter((abbr) => !known(abbr))).toEqual([]);
  });
});

describe('looking credentials up', () => {
  test('every abbreviation, alias and format variant (periods, case) is found', () => {
    const variants = (written: string) => [written, written.toUpperCase(), written.replace(/([A-Za-z])(?=[A-Za-z])/g, '$1.').concat('.')];
    const missing = CREDENTIALS.flatMap((entry) => [entry.abbr, ...(entry.aliases ?? [])])
      .flatMap(variants)
      .filter((written) => index.lookup(written).entries.length === 0);
    expect(missing).toEqual([]);
  });

  test('a typo one edit from exactly one abbreviation suggests that abbreviation', () => {
    const keys = new Set(CREDENTIALS.map((entry) => credentialKey(entry.abbr)));
    const abbrs = [...new Set(CREDENTIALS.map((entry) => entry.abbr))].filter((abbr) => credentialKey(abbr).length >= 3);
    fc.assert(
      fc.property(fc.constantFrom(...abbrs), fc.nat(), fc.constantFrom('swap', 'drop', 'double'), (abbr, at, edit) => {
        const key = credentialKey(abbr);
        const i = at % (key.length - 1);
        const typo =
          edit === 'swap'
            ? key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2)
            : edit === 'drop'
              ? key.slice(0, i) + key.slice(i + 1)
              : key.slice(0, i) + key[i] + key.slice(i);
        if (keys.has(typo) || typo.length < 2) return;
        const near = index.nearest(typo).map((entries) => credentialKey(entries[0]!.abbr));
        expect(near).toContain(key);
      }),
      { numRuns: 500 },
    );
  });

  test('context decides what the same letters mean', () => {
    const meaning = (list: string[], context = {}) =>
      resolveCredentials(list, index, context).map((credential) => credential.entry?.expansion ?? null);
    expect(meaning(['RN', 'FAAN'])[1]).toMatch(/Academy of Nursing/);
    expect(meaning(['MD', 'FAAN'])[1]).toMatch(/Academy of Neurology/);
    expect(meaning(['FAAN'], { role: 'neurologist' })[0]).toMatch(/Academy of Neurology/);
    expect(meaning(['FAAN'])[0]).toBeNull();
    expect(meaning(['CCC'], { country: 'CA' })[0]).toMatch(/Canadian Certified Counsell?or/);
    expect(meaning(['PT', 'DPT'])[0]).toMatch(/Physical Therapist/);
  });
});

test('docs/credentials.md is what the registry gives (run `npm run docs:credentials` after changing it)', () => {
  const result = spawnSync(process.execPath, ['scripts/credentials-doc.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});

describe('every registry entry, checked as an expert prints it', () => {
  const PLACES: Record<string, string> = {
    US: 'Austin, Texas',
    GB: 'London, England',
    CA: 'Toronto, Ontario',
    AU: 'Sydney, New South Wales',
    NZ: 'Auckland, New Zealand',
    IE: 'Dublin, Ireland',
  };
  const placeFor = (entry: (typeof CREDENTIALS)[number]) => {
    const state = entry.jurisdictions?.[0];
    if (state) return `Centerville, ${regionByCode(state)?.name ?? state}`;
    const country = entry.countries[0]!;
    return PLACES[country] ?? `Capital, ${regionByCode(country)?.name ?? country}`;
  };

  test('no entry, alias or period variant is unknown, and no license is out of its own state', async () => {
    const root = tempDir();
    const written = CREDENTIALS.flatMap((entry) => [entry.abbr, ...(entry.aliases ?? [])].map((text) => ({ entry, text })));
    for (let start = 0; start < written.length; start += 200) {
      const experts = Object.fromEntries(
        written
          .slice(start, start + 200)
          .map(({ entry, text }, index) => [
            `expert-${index}`,
            `---\nname: Expert Number${start + index}\ncredentials: [${JSON.stringify(text)}]\nlocation: ${JSON.stringify(placeFor(entry))}\n---\nAn answer.\n`,
          ]),
      );
      makeRoundup({ parent: root, name: `batch-${start}`, experts });
    }
    const result = await check({ paths: [root] });
    const findings = result.files.flatMap((file) =>
      file.messages
        .filter((message) => message.ruleId === 'credential-unknown' || message.ruleId === 'credential-jurisdiction' || message.fatal)
        .map((message) => `${path.basename(file.path)}: ${message.ruleId}: ${message.reason}`),
    );
    expect(findings).toEqual([]);
  }, 60_000);
});
