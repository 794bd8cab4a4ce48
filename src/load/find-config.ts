import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { ConfigInput } from '../schema/config.js';
import type { RawFile } from './read.js';
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
  /** Every config file read: this one first, then those it extends, each with its parsed YAML; all their messages are reported. */
  layers: ConfigLayer[];
  /** The bytes of every config file read, for the cache key. */
  raws: RawFile[];
  /** The `overrides:` of this config and of those it extends, the extended ones first: later ones win. */
  overrides: ConfigOverride[];
}

export interface ConfigLayer {
  file: VFile;
  raw: unknown;
  places: PlaceIndex;
}

export interface ConfigOverride {
  /** The folder of the config file in use (absolute), even for an override from a config it extends: the globs are relative to it. */
  dir: string;
  files: string[];
  value: NonNullable<ConfigInput['overrides']>[number];
}

export const DEFAULT_CONFIG: LoadedConfig = {
  value: {},
  raw: {},
  places: new PlaceIndex({ start: 0, end: 0 }),
  layers: [],
  raws: [],
  overrides: [],
};

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
