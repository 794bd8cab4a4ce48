import type { CliIo } from './io.js';

type Env = Record<string, string | undefined>;

interface ColorInputs {
  /** `--color` (true) or `--no-color` (false); undefined when neither was given. */
  flag?: boolean;
  env: Env;
  /** Whether the stream is a terminal. */
  isTTY?: boolean;
  /** What the terminal says of itself (`tty.WriteStream.hasColors`); undefined when the stream cannot tell. */
  hasColors?: boolean;
}

/**
 * Whether to color, by Node's own rules (`util.styleText`, `tty.WriteStream.getColorDepth`),
 * which chalk follows too: a flag beats the environment; a set `FORCE_COLOR` decides next
 * (`''`, `1`, `true`, `2`, `3` color, anything else such as `0` or `false` does not), over
 * `NO_COLOR`; then `NO_COLOR` or `NODE_DISABLE_COLORS` (set at all, even empty) and
 * `TERM=dumb` turn colors off; otherwise color only on a terminal that has colors.
 */
export function decideColor({ flag, env, isTTY, hasColors }: ColorInputs): 0 | 1 {
  if (flag !== undefined) return flag ? 1 : 0;
  if (env.FORCE_COLOR !== undefined) return ['', '1', 'true', '2', '3'].includes(env.FORCE_COLOR) ? 1 : 0;
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return 0;
  return isTTY && hasColors !== false ? 1 : 0;
}

/** The color level for what is written to `stream` (diagnostics go to stderr). */
export function colorLevelFor(stream: CliIo['stderr'], env: Env, flag?: boolean): 0 | 1 {
  // Asked only of a terminal: its answer reads TERM, COLORTERM and the CI variables of `env`
  // (FORCE_COLOR is decided above, and left out so Node does not warn that it overrides NO_COLOR).
  const hasColors = stream.isTTY && stream.hasColors ? stream.hasColors(16, { ...env, FORCE_COLOR: undefined }) : undefined;
  return decideColor({ flag, env, isTTY: stream.isTTY, hasColors });
}
