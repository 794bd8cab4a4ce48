import { describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, check } from '../../src/index.js';
import { makeRoundup } from '../helpers.js';

/** The findings on one roundup of these experts: `rule: reason` lines. */
async function findingsFor(experts: { credentials?: string; role?: string; location?: string }[], title = 'A question?') {
  const files = Object.fromEntries(
    experts.map((expert, index) => [
      `expert-${index + 1}`,
      `---\nname: Expert Number${index + 1}\n${Object.entries(expert)
        .map(([key, value]) => `${key}: "${value}"`)
        .join('\n')}\n---\nAn answer.\n`,
    ]),
  );
  const dir = makeRoundup({ question: `title: "${title}"\nbyline: Jane Editor\n`, experts: files });
  const result = await check({ paths: [dir] });
  return result.files.flatMap((file) => file.messages.map((message) => `${message.ruleId}: ${message.reason}`));
}

describe('real expert lines that roundup once got wrong (issue #10)', () => {
  test.each([
    [{ credentials: 'MD, FAAP', role: 'pediatrician', location: 'Austin, Texas' }],
    [{ credentials: 'OD', role: 'optometrist', location: 'Denver, Colorado' }],
    [{ credentials: 'DC', role: 'chiropractor', location: 'Denver, Colorado' }],
    [{ credentials: 'PT, DPT', role: 'physical therapist', location: 'Boston, Massachusetts' }],
    [{ credentials: 'RDN, LD', role: 'dietitian', location: 'Dallas, Texas' }],
    [{ credentials: 'PharmD, BCPS', role: 'clinical pharmacist', location: 'Columbus, Ohio' }],
    [{ credentials: 'DNP, APRN, FNP-BC', role: 'nurse practitioner', location: 'Nashville, Tennessee' }],
    [{ credentials: 'MBBS, MRCGP', role: 'GP', location: 'London, England' }],
    [{ credentials: 'MD, FACOG', role: 'obstetrician-gynecologist', location: 'Chicago, Illinois' }],
    [{ credentials: 'LCSW-R', role: 'psychotherapist', location: 'Brooklyn, New York' }],
    [{ credentials: 'PhD', role: 'psychologist', location: 'Washington, D.C.' }],
    [{ credentials: 'LPCC', role: 'counselor', location: 'New Mexico' }],
    [{ credentials: 'LMFT', role: 'therapist', location: 'Southern California' }],
    [{ credentials: 'RP', role: 'psychotherapist', location: 'Toronto, Ontario' }],
    [{ credentials: 'MBACP', role: 'counsellor', location: 'Guildford, Surrey' }],
    [{ credentials: 'RN, FAAN', role: 'nurse researcher', location: 'Philadelphia, Pennsylvania' }],
  ])('%o: no finding', async (expert) => {
    expect(await findingsFor([expert])).toEqual([]);
  });

  test('places that need no region pass beside experts whose city has one', async () => {
    const findings = await findingsFor([
      { credentials: 'LMHC', location: 'New York City' },
      { credentials: 'LPC', location: 'Denver, Colorado' },
      { credentials: 'MBACP', location: 'Ireland' },
      { credentials: 'LCSW', location: 'Remote' },
      { credentials: 'LMFT', location: 'the Bay Area' },
      { credentials: 'RCC', location: 'Vancouver, British Columbia' },
    ]);
    expect(findings).toEqual([]);
  });

  test('a state license from another state names the compact that may make it right', async () => {
    const dir = makeRoundup({
      experts: { 'jane-doe': '---\nname: Jane Doe\ncredentials: LCPC\nlocation: Columbus, Ohio\n---\nAn answer.\n' },
    });
    const [message] = (await check({ paths: [dir] })).files[0]!.messages;
    expect([message!.ruleId, message!.fatal]).toEqual(['credential-jurisdiction', false]);
    expect(message!.note).toMatch(/Ohio and a state that issues `LCPC` are both in the Counseling Compact/);
  });

  test('with no house style set, the article’s own style of periods and regions is held, not a default', async () => {
    // Periods in every credential, as some magazines print them: only the one missing its last period is reported.
    expect(await findingsFor([{ credentials: 'Ph.D., L.C.S.W.' }, { credentials: 'Ph.D., L.Ac., C.B.S.M' }])).toEqual([
      'credential-format: Unexpected `C.B.S.M`, expected `C.B.S.M.` in the house style (periods in every credential)',
    ]);
    // Postal codes throughout are a style; one full name among them is the slip.
    expect(await findingsFor([{ location: 'Austin, TX' }, { location: 'Denver, CO' }, { location: 'Boise, Idaho' }])).toEqual([
      'location-style: Unexpected full name `Idaho` in `Boise, Idaho`, expected the house style (postal codes): `Boise, ID`',
    ]);
  });

  test('the house style can drop honorifics', async () => {
    const dir = makeRoundup({ experts: { 'jane-doe': '---\nname: Jane Doe\nhonorific: Dr.\ncredentials: PhD\n---\nAn answer.\n' } });
    const title = async () => (await build({ paths: [dir], write: false, formats: ['text'] })).roundups[0]!.outputs[0]!.contents;
    expect(await title()).toContain('Dr. Jane Doe, PhD\n');
    writeFileSync(path.join(dir, 'roundup.config.yaml'), 'names:\n  honorifics: drop\n');
    expect(await title()).toContain('\nJane Doe, PhD\n');
  });

  test('a title that counts experts in words is checked against the experts', async () => {
    const experts = Array.from({ length: 5 }, () => ({ credentials: 'MD, FAAD', role: 'dermatologist', location: 'Miami, Florida' }));
    expect(await findingsFor(experts, 'Six Dermatologists Share Their Sunscreen Rules')).toEqual([
      'expert-count: Unexpected `Six Dermatologists` in `title` over 5 experts, expected `Five Dermatologists`',
    ]);
  });

  test('a protected title inside a word is read', async () => {
    const findings = await findingsFor([{ credentials: 'LMFT', role: 'neuropsychologist', location: 'Austin, Texas' }]);
    expect(findings.map((finding) => finding.split(':')[0])).toEqual(['role-credential']);
  });

  test('a typo of a real credential names it; a credential with no neighbour is only an info', async () => {
    const typo = await findingsFor([{ credentials: 'LCMCH', location: 'Charlotte, North Carolina' }]);
    expect(typo).toEqual(['credential-unknown: Unexpected unknown credential `LCMCH`, did you mean `LCMHC`?']);
    const dir = makeRoundup({ experts: { 'jane-doe': '---\nname: Jane Doe\ncredentials: QZXWV\n---\nAn answer.\n' } });
    const [file] = (await check({ paths: [dir] })).files;
    expect(file!.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['credential-unknown', undefined]]);
  });
});
