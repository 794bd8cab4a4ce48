import { CommanderError } from 'commander';
import { createProgram } from './cli/program.js';
import type { CliIo, CommandContext } from './commands/io.js';
import { UsageError } from './util/errors.js';
import { visible } from './util/visible.js';

// For the launcher's signal handlers: the same module instance the build writes through.
export { handleInterrupt } from './engine/interrupt.js';

export type { CliIo } from './commands/io.js';

/** Exit codes: 0 built or clean, 1 input errors, 2 bad usage or an internal failure. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  const context: CommandContext = {
    io,
    cwd,
    env,
    // Decided once the options are parsed: --color and --no-color beat the environment (cli/color-options.ts).
    colorLevel: 0,
    workerUrl: new URL('./worker.js', import.meta.url),
  };
  let code = 0;
  const program = createProgram(context, (result) => {
    code = result;
  });

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return handleFailure(error, io);
  }
}

function handleFailure(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other commander error is bad usage and has been printed.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`roundup: ${visible(error.message)}\n`);
    return 2;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `roundup: internal error: ${detail}\nThis is a bug in roundup. Please report it with the command you ran and this message.\n`,
  );
  return 2;
}
