import type { VFile } from 'vfile';
import { configSchema } from '../schema/input.js';
import { checkCharacters } from './characters.js';
import { validateSchema } from './validate.js';
import { hasErrors } from '../util/diagnostics.js';
import { readInputFile, type ReadOptions } from './read.js';
import { DEFAULT_CONFIG, type LoadedConfig } from './find-config.js';
import { parseYaml } from './yaml.js';

/** Read and check a config file; its problems are messages on its VFile. */
export function readConfig(file: string, options: ReadOptions): LoadedConfig {
  return parseConfig(readInputFile(file, options));
}

/** Check a config file already read (the build reads it once, for its hash too). */
export function parseConfig(vfile: VFile): LoadedConfig {
  if (hasErrors([vfile])) return { ...DEFAULT_CONFIG, file: vfile };
  const { data, places } = parseYaml(vfile, String(vfile.value), 0);
  const value = data === undefined ? undefined : validateSchema(vfile, data ?? {}, places, configSchema);
  checkCharacters(vfile, data, places);
  return { file: vfile, value: value ?? {}, raw: data, places };
}

export { DEFAULT_CONFIG, type LoadedConfig } from './find-config.js';
