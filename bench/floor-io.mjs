// The I/O floor: read every input file, write the same number of output bytes, one file per roundup.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [root, out, bytesPerRoundup] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const payload = Buffer.alloc(Number(bytesPerRoundup), 'x');
let index = 0;
for (const section of readdirSync(root).sort()) {
  for (const roundup of readdirSync(path.join(root, section)).sort()) {
    const dir = path.join(root, section, roundup);
    readFileSync(path.join(dir, 'question.yaml'));
    for (const expert of readdirSync(path.join(dir, 'experts'))) readFileSync(path.join(dir, 'experts', expert));
    writeFileSync(path.join(out, `${index++}.html`), payload);
  }
}
