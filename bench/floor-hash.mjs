// The rebuild floor: read and hash every input file, the least a content-keyed cache must do.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [root] = process.argv.slice(2);
for (const section of readdirSync(root).sort()) {
  for (const roundup of readdirSync(path.join(root, section)).sort()) {
    const dir = path.join(root, section, roundup);
    const hash = createHash('sha1').update(readFileSync(path.join(dir, 'question.yaml')));
    for (const expert of readdirSync(path.join(dir, 'experts')).sort()) hash.update(readFileSync(path.join(dir, 'experts', expert)));
    hash.digest('hex');
  }
}
