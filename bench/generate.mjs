// Writes a deterministic synthetic content tree: N roundups × 6 experts, answers of
// 200–400 words with varied Markdown (emphasis, links, lists, quotes, code).
// With `{ findings: true }` the tree is content as it really is: a fixed share of
// experts carry each kind of warning and info (and one roundup in 50 an error),
// about 8 findings per roundup.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a tiny seeded PRNG, so every run generates the same tree. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'therapy client session emotion empathy trust relationship feeling support boundary care healing grief anxiety tears moment practice clinician patient attention focus presence resilience process connection listening experience growth safety honesty change'.split(
    ' ',
  );
const FIRST = ['Katie', 'David', 'Julia', 'Natalie', 'Anne', 'Nick', 'Maria', 'Sam', 'Priya', 'Omar', 'Lena', 'Chris'];
const LAST = ['Lear', 'Fornos', 'Katzman', 'Moore', 'Watson', 'Bognar', 'Garcia', 'Chen', 'Patel', 'Haddad', 'Berg', 'Novak'];
// Credentials valid in every state, so the tree is clean content (warnings would measure the reporter instead).
const CREDENTIALS = [['PhD'], ['MA', 'LMFT'], ['PsyD'], ['LMFT', 'RPT'], ['MA', 'NCC'], ['PhD', 'LMFT']];
const PLACES = [
  'Charlotte, North Carolina',
  'Austin, Texas',
  'St. Louis, Missouri',
  'Pasadena, California',
  'Boston, Massachusetts',
  'Denver, Colorado',
];

/*
 * The realistic tree's flaws, one per expert slot in turn (6 experts × 50 roundups
 * cycle through them), each as generated content has it. `front` replaces front
 * matter lines, `answer` is added to the answer.
 */
const FLAWS = [
  { credentials: 'LPC-S, CHPC', location: 'Frisco, Texas' }, // credential-ambiguous
  { credentials: 'LCSW, RPT, PhD' }, // credential-order
  { maxWords: 150 }, // answer-length
  { location: 'Fairview' }, // location-region-missing
  { credentials: 'Ph.D., LMFT' }, // credential-format
  { credentials: 'LCMHC', location: 'Austin, Texas' }, // credential-jurisdiction
  { location: 'Austin, TX' }, // location-style
  { answer: 'Some words in <b>raw</b> HTML.' }, // html-removed
  { answer: '# A heading too high' }, // heading-level
  { credentials: 'PhD, XYZQ' }, // credential-unknown (info)
  { role: 'Sports psychologist', credentials: 'LPC-S' }, // role-credential
  { credentials: 'PhD, LCSW, PhD' }, // credential-duplicate
];

export function generateTree(root, count, seed = 1, options = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(next() * 12) }, () => pick(WORDS));
    const roll = next();
    if (roll < 0.15) words[2] = `*${words[2]}*`;
    else if (roll < 0.25) words[4] = `**${words[4]}**`;
    else if (roll < 0.32) words[3] = `[${words[3]}](https://example.com/${words[3]})`;
    else if (roll < 0.36) words[5] = `\`${words[5]}\``;
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return `${words.join(' ')}.`;
  };
  const answer = () => {
    const target = 200 + Math.floor(next() * 200);
    const blocks = [];
    let words = 0;
    while (words < target) {
      const roll = next();
      let block;
      if (roll < 0.1) block = Array.from({ length: 3 }, () => `- ${sentence()}`).join('\n');
      else if (roll < 0.16) block = `> ${sentence()} ${sentence()}`;
      else block = Array.from({ length: 2 + Math.floor(next() * 3) }, sentence).join(' ');
      blocks.push(block);
      words += block.split(/\s+/).length;
    }
    return blocks.join('\n\n');
  };
  rmSync(root, { recursive: true, force: true });
  for (let index = 0; index < count; index++) {
    const dir = path.join(root, `section-${String(index % 50).padStart(2, '0')}`, `roundup-${String(index).padStart(5, '0')}`);
    mkdirSync(path.join(dir, 'experts'), { recursive: true });
    writeFileSync(
      path.join(dir, 'question.yaml'),
      `title: Question number ${index}?\nbyline: Kelsey Tyler\npublished: 2020-03-04\ncolumn:\n  name: 1 Question, 6 Answers\n  blurb: is a column where we ask different types of healthcare pros to weigh in.\nintro: |\n  ${sentence()} ${sentence()}\ncta: Ready to book? [Visit us](https://example.com/).\n`,
    );
    for (let expert = 0; expert < 6; expert++) {
      const name = `${FIRST[(index + expert) % FIRST.length]} ${LAST[(index * 7 + expert) % LAST.length]}`;
      const id = `${name.toLowerCase().replace(' ', '-')}-${expert}`;
      const front = { credentials: `[${pick(CREDENTIALS).join(', ')}]`, location: pick(PLACES) };
      let text = answer();
      if (options.findings) {
        // Every expert carries one flaw, as drafts do, and one in three a second one that touches other lines.
        const slot = (index * 6 + expert) % FLAWS.length;
        const second = (index + expert) % 3 === 0 ? FLAWS[(slot + 7) % FLAWS.length] : {};
        const flaw = { ...second, ...FLAWS[slot], answer: [FLAWS[slot].answer, second.answer].filter(Boolean).join('\n\n') };
        if (flaw.credentials) front.credentials = flaw.credentials;
        if (flaw.location) front.location = flaw.location;
        if (flaw.role) front.role = flaw.role;
        if (flaw.maxWords) front.maxWords = flaw.maxWords;
        if (flaw.answer) text = `${text}\n\n${flaw.answer}`;
        // One roundup in 50 has an error (a misspelt state), so it is not written.
        if (index % 50 === 7 && expert === 0) front.location = 'Sacramento, Californa';
      }
      const lines = Object.entries(front).map(([key, value]) => `${key}: ${value}`);
      writeFileSync(path.join(dir, 'experts', `${id}.md`), `---\nname: ${name}\n${lines.join('\n')}\n---\n\n${text}\n`);
    }
  }
}
