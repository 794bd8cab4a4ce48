import path from 'node:path';
import picomatch from 'picomatch';
import type { ConfigOverride, LoadedConfig } from './find-config.js';
import { mergeConfigs } from './config-extends.js';

/** The overrides whose `files` globs (relative to their config's folder) match `file` (absolute), in order. */
export function overridesFor(config: LoadedConfig, file: string): ConfigOverride[] {
  return config.overrides.filter((override) => {
    const relative = path.relative(override.dir, file).split(path.sep).join('/');
    return !relative.startsWith('../') && matcherOf(override)(relative);
  });
}

const matchers = new WeakMap<ConfigOverride, (file: string) => boolean>();
function matcherOf(override: ConfigOverride) {
  let matcher = matchers.get(override);
  if (!matcher) matchers.set(override, (matcher = picomatch(override.files, { dot: true })));
  return matcher;
}

/**
 * The config a roundup is checked with: house style (`names`, `locations`,
 * `credentials`) from the overrides that match its `question.yaml`, since it
 * is the article's as a whole; their `rules` apply per file (see `severities`).
 */
export function configForRoundup(config: LoadedConfig, question: string): LoadedConfig {
  const matching = overridesFor(config, question);
  if (matching.length === 0) return config;
  let value = config.value;
  for (const { value: override } of matching) {
    const { files: _, rules: __, ...style } = override;
    value = mergeConfigs(value, style);
  }
  return { ...config, value };
}
