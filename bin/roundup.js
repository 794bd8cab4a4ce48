#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// A build makes a lot of short-lived garbage around a small live set (the reference data, one roundup in
// flight). By default V8 lets the heap grow to up to 4× what survived the last full collection before the
// next one, so peak memory tracked the garbage, not the work: 477 MiB at 10,000 roundups. Growing by half
// instead keeps the peak near the live set at no measurable cost in time (docs/benchmarks.md). The flag is
// read at each collection, so setting it here, before any work, applies to the whole run and its workers.
setFlagsFromString('--heap-growing-percent=50');

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
