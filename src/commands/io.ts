/** Where the CLI reads and writes: the process's streams, or a test's buffers. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean; hasColors?(count?: number, env?: object): boolean };
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Milliseconds, for the progress bar's timing. Default: `performance.now`. */
  now?: () => number;
  /** For `new expert --interactive`. Default: `process.stdin`. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Resolves to stop long-running commands (`preview`, `build --watch`); by default they run until the process ends. */
  until?: Promise<void>;
}

/** What every command is given: where to read and write, and what was decided once for the whole run. */
export interface CommandContext {
  io: CliIo;
  cwd: string;
  env: Record<string, string | undefined>;
  colorLevel: 0 | 1;
  /** The worker script for `build`'s thread pool (beside the bundled CLI). */
  workerUrl?: URL;
}
