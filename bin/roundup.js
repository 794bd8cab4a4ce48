#!/usr/bin/env node
import { removeTemporaryFiles, run } from '../dist/bundle/cli.js';

// Ctrl-C mid-build: finished files are whole, the one being written keeps its old contents, no temporary file stays.
process.once('SIGINT', () => {
  removeTemporaryFiles();
  process.exit(130);
});

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
