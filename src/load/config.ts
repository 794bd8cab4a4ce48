import { access } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { configSchema, type ConfigInput } from '../check/schema.js';
import { checkCharacters } from '../check/characters.js';
import { validateSchema } from '../check/validate.js';
import { hasErrors } from '../diagnostics.js';
import { readInputFile, type ReadOptions } from './read.js';
import { parseYaml, PlaceIndex } from './yaml.js';

export const CONFIG_FILE = 'roundup.config.yaml';

export interface LoadedConfig {
  /** Undefined when roundup runs on its defaults. */
  file?: VFile;
  /** The checked config: empty (the defaults) when the file has errors. */
  value: ConfigInput;
  /** The parsed YAML before the schema, so every problem can be reported in one run. */
  raw: unknown;
  places: PlaceIndex;
}

export const DEFAULT_CONFIG: LoadedConfig = { value: {}, raw: {}, places: new PlaceIndex({ start: 0, end: 0 }) };

/** The nearest `roundup.config.yaml` in `dir` or a folder above it, relative to `cwd`. */
export async function findConfig(dir: string, cwd: string): Promise<string | undefined> {
  let current = path.resolve(cwd, dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE);
    if (await access(candidate).then(() => true, () => false)) return path.relative(cwd, candidate);
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Read and check a config file; its problems are messages on its VFile. */
export async function readConfig(file: string, options: ReadOptions): Promise<LoadedConfig> {
  const vfile = await readInputFile(file, options);
  if (hasErrors([vfile])) return { ...DEFAULT_CONFIG, file: vfile };
  const { data, places } = parseYaml(vfile, String(vfile.value), 0);
  const value = data === undefined ? undefined : validateSchema(vfile, data ?? {}, places, configSchema);
  checkCharacters(vfile, data, places);
  return { file: vfile, value: value ?? {}, raw: data, places };
}
