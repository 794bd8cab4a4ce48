// Regenerates schema/*.json from the zod schemas in dist/ (run `npm run build` first).
// A test fails when the committed files differ from what this writes.
import { writeFileSync } from 'node:fs';
import { renderJsonSchema, SCHEMA_NAMES, schemaFile } from '../dist/schema/json-schemas.js';

for (const name of SCHEMA_NAMES) {
  writeFileSync(new URL(`../schema/${schemaFile(name)}`, import.meta.url), renderJsonSchema(name));
}
