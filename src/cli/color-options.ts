import type { Command } from 'commander';
import { colorLevelFor } from '../commands/color.js';
import type { CommandContext } from '../commands/io.js';

/**
 * `--color` and `--no-color`, before or after the command's name: they beat
 * FORCE_COLOR, NO_COLOR and the terminal. The color level is decided here, once
 * the flags are parsed and before any command runs.
 */
export function addColorOptions(program: Command, context: CommandContext): void {
  program
    // Listed in each command's help too, since they are accepted after its name.
    .configureHelp({ showGlobalOptions: true })
    .option('--color', 'color the diagnostics, even when not on a terminal')
    .option('--no-color', 'never color the diagnostics')
    .hook('preAction', () => {
      context.colorLevel = colorLevelFor(context.io.stderr, context.env, program.opts<{ color?: boolean }>().color);
    });
}
