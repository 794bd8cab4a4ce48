import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ConfigInput } from '../schema/config.js';

const YAML_FILE = /\.ya?ml$/i;

type Resolved = { path: string } | { problem: { reason: string; note: string } };

/**
 * Where an `extends:` entry of the config at `from` (absolute) points: a path
 * (starting with `.` or `/`) relative to that config's folder, or a package
 * resolved as Node resolves it from that folder, to its main file when that is
 * YAML, else to the `roundup.config.yaml` at its root.
 */
export function resolveExtends(spec: string, from: string): Resolved {
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const target = path.resolve(path.dirname(from), spec);
    if (existsSync(target) && statSync(target).isFile()) return { path: target };
    return {
      problem: {
        reason: `Unexpected \`${spec}\` in \`extends\`: no such file beside this config, expected the path of a roundup.config.yaml`,
        note: 'Write the path relative to this config file, such as `../roundup.config.yaml`.',
      },
    };
  }
  const require = createRequire(from);
  const tryResolve = (request: string) => {
    try {
      return require.resolve(request);
    } catch {
      return undefined;
    }
  };
  const main = tryResolve(spec);
  if (main && YAML_FILE.test(main)) return { path: main };
  const file = tryResolve(`${spec}/roundup.config.yaml`);
  if (file) return { path: file };
  return {
    problem: main
      ? {
          reason: `Unexpected package \`${spec}\` in \`extends\` whose main file is \`${path.basename(main)}\`, expected a YAML config`,
          note: 'Point the package’s `main` (or `exports`) at its roundup.config.yaml, or put one at its root.',
        }
      : {
          reason: `Unexpected \`${spec}\` in \`extends\`: no such package can be found from this folder, expected an installed package or a path`,
          note: `Install it (\`npm install --save-dev ${spec}\`), or write a path starting with \`./\` or \`../\`.`,
        },
  };
}

type Mergeable = Record<string, unknown>;
const isMapping = (value: unknown): value is Mergeable => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `own` over `base`: mappings merge key by key and `own` wins; lists are
 * replaced, but for `credentials.extra`, where both lists count (own entries first).
 */
export function mergeConfigs(base: ConfigInput, own: ConfigInput): ConfigInput {
  const merged = mergeMappings(base, own) as ConfigInput;
  const extra = [...(own.credentials?.extra ?? []), ...(base.credentials?.extra ?? [])];
  if (extra.length > 0) merged.credentials = { ...merged.credentials, extra };
  // Overrides are kept apart (each with the folder its globs are relative to); `extends` is done.
  delete merged.overrides;
  delete merged.extends;
  return merged;
}

function mergeMappings(base: Mergeable, own: Mergeable): Mergeable {
  const merged: Mergeable = { ...base };
  for (const [key, value] of Object.entries(own)) {
    merged[key] = isMapping(value) && isMapping(base[key]) ? mergeMappings(base[key], value) : value;
  }
  return merged;
}
