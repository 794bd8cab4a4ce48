import path from 'node:path';
import type { VFile } from 'vfile';
import { expertSchema, type ExpertInput } from '../schema/input.js';
import { checkCharacters } from './characters.js';
import { validateSchema } from './validate.js';
import { hasErrors } from '../util/diagnostics.js';
import { splitFrontMatter } from './front-matter.js';
import { parseYaml, PlaceIndex } from './yaml.js';

export interface LoadedExpert {
  /** The file name without `.md`: the expert's id in `order`, in URLs and in JSON. */
  id: string;
  file: VFile;
  /** Undefined when the front matter has errors (they are on `file`). */
  value?: ExpertInput;
  places: PlaceIndex;
  /** The answer, in Markdown, and where it starts in the file. */
  body: string;
  bodyOffset: number;
}

/** An expert file: front matter (YAML with positions, then the schema) and the answer. */
export function parseExpert(file: VFile): LoadedExpert {
  const id = path.basename(file.path, '.md');
  const empty = { id, file, places: new PlaceIndex({ start: 0, end: 0 }), body: '', bodyOffset: 0 };
  if (hasErrors([file])) return empty;
  const split = splitFrontMatter(file);
  if (!split) return empty;
  // Empty front matter: its problems (missing fields) point at the opening `---`.
  const root = split.yaml.trim() === '' ? { start: 0, end: 3 } : undefined;
  const { data, places } = parseYaml(file, split.yaml, split.yamlOffset, root);
  const loaded = { ...empty, places, body: split.body, bodyOffset: split.bodyOffset };
  if (data === undefined) return loaded;
  const value = validateSchema(file, data ?? {}, places, expertSchema);
  checkCharacters(file, data, places);
  return { ...loaded, value: hasErrors([file]) ? undefined : value };
}
