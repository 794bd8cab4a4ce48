import { parentPort, workerData } from 'node:worker_threads';
import { processRoundup, type Job } from './roundup.js';
import type { Task } from './pool.js';
import { DEFAULT_CONFIG, readConfig, type LoadedConfig } from '../load/config.js';

/*
 * A worker thread of the build pool. The pool sends it up to two tasks at once
 * (pool.ts); since processing awaits its file writes, the second task may run
 * between the first one's awaits and end before it, so each answer names its task.
 */
const job = workerData as Job;
const configs = new Map<string, LoadedConfig>();

parentPort!.on('message', async (task: Task) => {
  let config = DEFAULT_CONFIG;
  if (task.configPath) {
    if (!configs.has(task.configPath)) configs.set(task.configPath, readConfig(task.configPath, { cwd: job.cwd }));
    config = configs.get(task.configPath)!;
  }
  parentPort!.postMessage({ id: task.id, outcome: await processRoundup(task.snapshot, config, job, task.focus) });
});
