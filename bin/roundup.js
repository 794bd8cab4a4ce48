#!/usr/bin/env node
// Ctrl-C (and the SIGTERM that CI runners and `timeout` send, or SIGHUP) mid-build: finished files are
// whole, the one being written keeps its old contents, no temporary file stays. The handlers are in place
// before the CLI loads, so a signal that arrives while it loads still ends the process cleanly.
let removeTemporaryFiles = () => {};
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => {
    removeTemporaryFiles();
    process.exit(code);
  });
}

const cli = await import('../dist/bundle/cli.js');
removeTemporaryFiles = cli.removeTemporaryFiles;
process.exitCode = await cli.run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
