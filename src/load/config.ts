import path from 'node:path';
import type { VFile } from 'vfile';
import { configSchema, type ConfigInput } from '../schema/config.js';
import { checkCharacters } from './characters.js';
import { validateSchema } from './validate.js';
import { addDiagnostic, hasErrors } from '../util/diagnostics.js';
import { decodeFile, readRawFile, type RawFile, type ReadOptions } from './read.js';
import { DEFAULT_CONFIG, type ConfigLayer, type ConfigOverride, type LoadedConfig } from './find-config.js';
import { mergeConfigs, resolveExtends } from './config-extends.js';
import { parseYaml } from './yaml.js';

/**
 * Read a config file and every config it `extends` (depth first, each once
 * per chain), merged so that the extending file wins. Problems are messages
 * on the file concerned; a file with errors counts as empty. The `files`
 * globs of every override, extended ones included, are relative to `file`'s folder.
 */
export function readConfig(file: string, options: ReadOptions): LoadedConfig {
  const config = readLayer(file, options, []);
  // As in ESLint's shared configs: a package cannot know where the roundups are, so every glob is the using config's.
  const dir = path.dirname(path.resolve(options.cwd, file));
  return { ...config, overrides: config.overrides.map((override) => ({ ...override, dir })) };
}

function readLayer(file: string, options: ReadOptions, chain: readonly string[]): LoadedConfig {
  const raw = readRawFile(file, options);
  const own = parseConfig(decodeFile(raw, options.cwd));
  const absolute = path.resolve(options.cwd, file);
  const loaded: LoadedConfig = { ...own, raws: [raw] };
  if (!own.file || hasErrors([own.file])) return loaded;
  const specs = own.value.extends === undefined ? [] : [own.value.extends].flat();
  let base: ConfigInput = {};
  const layers: ConfigLayer[] = [];
  const raws: RawFile[] = [];
  const overrides: ConfigOverride[] = [];
  specs.forEach((spec, index) => {
    const span = own.places.value(Array.isArray(own.value.extends) ? ['extends', index] : ['extends']);
    const resolved = resolveExtends(spec, absolute);
    if ('problem' in resolved) {
      addDiagnostic(own.file!, { ruleId: 'config-extends', severity: 'error', span, ...resolved.problem });
      return;
    }
    const cycle = [...chain, absolute];
    if (cycle.includes(resolved.path)) {
      const names = [...cycle.slice(cycle.indexOf(resolved.path)), resolved.path].map((entry) => path.relative(options.cwd, entry));
      addDiagnostic(own.file!, {
        ruleId: 'config-extends',
        severity: 'error',
        span,
        reason: `Unexpected cycle in \`extends\`: ${names.map((name) => `\`${name}\``).join(' extends ')}, expected each config to build on others without coming back`,
        note: `Remove \`${spec}\` from \`extends\`.`,
      });
      return;
    }
    const extended = readLayer(path.relative(options.cwd, resolved.path), options, cycle);
    base = mergeConfigs(base, extended.value);
    layers.push(...extended.layers);
    raws.push(...extended.raws);
    overrides.push(...extended.overrides);
  });
  const { extends: _, ...value } = own.value;
  return {
    ...loaded,
    value: hasErrors(layers.map((layer) => layer.file)) ? {} : mergeConfigs(base, value),
    layers: [...own.layers, ...layers],
    raws: [raw, ...raws],
    overrides: [...overrides, ...own.overrides],
  };
}

/** Check one config file already read, without what it extends. */
function parseConfig(vfile: VFile): LoadedConfig {
  if (hasErrors([vfile]))
    return { ...DEFAULT_CONFIG, file: vfile, layers: [{ file: vfile, raw: undefined, places: DEFAULT_CONFIG.places }] };
  const { data, places } = parseYaml(vfile, String(vfile.value), 0);
  const value = (data === undefined ? undefined : validateSchema(vfile, data ?? {}, places, configSchema)) ?? {};
  checkCharacters(vfile, data, places);
  const dir = path.dirname(path.resolve(vfile.cwd, vfile.path));
  const overrides = (value.overrides ?? []).map((override) => ({ dir, files: [override.files].flat(), value: override }));
  return { file: vfile, value, raw: data, places, layers: [{ file: vfile, raw: data, places }], raws: [], overrides };
}

export { DEFAULT_CONFIG, type LoadedConfig } from './find-config.js';
