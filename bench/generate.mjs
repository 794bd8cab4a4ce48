// Writes a deterministic synthetic content tree: N roundups × 6 experts, answers of
// 200–400 words with varied Markdown (emphasis, links, lists, quotes, code).
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

export function generateTree(root, count, seed = 1) {
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
      writeFileSync(
        path.join(dir, 'experts', `${id}.md`),
        `---\nname: ${name}\ncredentials: [${pick(CREDENTIALS).join(', ')}]\nlocation: ${pick(PLACES)}\n---\n\n${answer()}\n`,
      );
    }
  }
}
