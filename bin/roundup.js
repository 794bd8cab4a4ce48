#!/usr/bin/env node
// Ctrl-C (and the SIGTERM that CI runners and `timeout` send, or SIGHUP) mid-build: finished files are
// whole, the one being written keeps its old contents, no temporary file stays, the cache keeps the work
// done. The handlers are in place before the CLI loads, so a signal that arrives while it loads still ends
// the process cleanly.
let handleInterrupt = () => {};
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => {
    handleInterrupt();
    process.exit(code);
  });
}

const cli = await import('../dist/bundle/cli.js');
handleInterrupt = cli.handleInterrupt;
process.exitCode = await cli.run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
