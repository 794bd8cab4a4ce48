import type { VFile } from 'vfile';
import { questionSchema, type QuestionInput } from '../schema/input.js';
import { checkCharacters } from './characters.js';
import { validateSchema } from './validate.js';
import { hasErrors } from '../util/diagnostics.js';
import { parseYaml, PlaceIndex } from './yaml.js';

export interface LoadedQuestion {
  file: VFile;
  /** Undefined when the file has errors (they are on `file`). */
  value?: QuestionInput;
  places: PlaceIndex;
}

/** `question.yaml`: YAML with positions, then the schema. */
export function parseQuestion(file: VFile): LoadedQuestion {
  const text = String(file.value);
  if (hasErrors([file])) return { file, places: new PlaceIndex({ start: 0, end: 0 }) };
  const { data, places } = parseYaml(file, text, 0);
  if (data === undefined) return { file, places };
  // An empty file is an empty mapping, so each missing field gets its own message.
  const value = validateSchema(file, data ?? {}, places, questionSchema);
  checkCharacters(file, data, places);
  return { file, value: hasErrors([file]) ? undefined : value, places };
}
