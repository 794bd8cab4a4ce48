import { configSchema } from '../check/schema.js';
import { checkCharacters } from '../check/characters.js';
import { validateSchema } from '../check/validate.js';
import { hasErrors } from '../diagnostics.js';
import { readInputFile, type ReadOptions } from './read.js';
import { DEFAULT_CONFIG, type LoadedConfig } from './find-config.js';
import { parseYaml } from './yaml.js';

/** Read and check a config file; its problems are messages on its VFile. */
export async function readConfig(file: string, options: ReadOptions): Promise<LoadedConfig> {
  const vfile = readInputFile(file, options);
  if (hasErrors([vfile])) return { ...DEFAULT_CONFIG, file: vfile };
  const { data, places } = parseYaml(vfile, String(vfile.value), 0);
  const value = data === undefined ? undefined : validateSchema(vfile, data ?? {}, places, configSchema);
  checkCharacters(vfile, data, places);
  return { file: vfile, value: value ?? {}, raw: data, places };
}

export { DEFAULT_CONFIG, findConfig, CONFIG_FILE, type LoadedConfig } from './find-config.js';
