import { Worker } from 'node:worker_threads';
import type { RoundupSnapshot } from '../load/snapshot.js';
import type { Job, Outcome } from './process.js';

export interface Task {
  snapshot: RoundupSnapshot;
  /** The config file to apply, relative to the job's cwd; each worker reads it once. */
  configPath?: string;
}

/**
 * A fixed set of worker threads (src/worker.ts) that process roundups. Tasks
 * go to the first idle worker; each result comes back to the promise of its
 * own task, so the caller decides the order in which results are reported.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: { task: Task; resolve: (outcome: Outcome) => void; reject: (error: Error) => void }[] = [];
  private readonly workers: Worker[];

  constructor(size: number, url: URL, job: Job) {
    this.workers = Array.from({ length: size }, () => new Worker(url, { workerData: job }));
    this.idle.push(...this.workers);
  }

  run(task: Task): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.next();
    });
  }

  private next() {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const { task, resolve, reject } = this.queue.shift()!;
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        this.idle.push(worker);
        this.next();
      };
      const onMessage = (outcome: Outcome) => {
        done();
        resolve(outcome);
      };
      const onError = (error: Error) => {
        done();
        reject(error);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(task);
    }
  }

  async close() {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
