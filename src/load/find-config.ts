import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { ConfigInput } from '../schema/input.js';
import { PlaceIndex } from './yaml.js';

const CONFIG_FILE = 'roundup.config.yaml';

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
    if (existsSync(candidate)) return path.relative(cwd, candidate);
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
