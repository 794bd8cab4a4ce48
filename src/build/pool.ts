import { Worker } from 'node:worker_threads';
import type { RoundupSnapshot } from '../load/snapshot.js';
import type { Job, Outcome } from './process.js';

export interface Task {
  snapshot: RoundupSnapshot;
  /** The config file to apply, relative to the job's cwd; each worker reads it once. */
  configPath?: string;
}

/** Tasks each worker holds at once: one running, one waiting in its own message queue. */
const DEPTH = 2;

interface Slot {
  worker: Worker;
  /** Settlers of the tasks sent to this worker, in the order sent (a worker answers in order). */
  inflight: { resolve: (outcome: Outcome) => void; reject: (error: Error) => void }[];
}

/**
 * A fixed set of worker threads (src/worker.ts) that process roundups. Each
 * worker is sent up to two tasks, so it starts the next as soon as it ends
 * one, without waiting for the main thread (which may be busy processing
 * roundups itself) to hand it over.
 */
export class WorkerPool {
  private readonly slots: Slot[];

  constructor(size: number, url: URL, job: Job) {
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: new Worker(url, { workerData: job }), inflight: [] };
      slot.worker.on('message', (outcome: Outcome) => slot.inflight.shift()?.resolve(outcome));
      slot.worker.on('error', (error: Error) => {
        for (const waiting of slot.inflight.splice(0)) waiting.reject(error);
      });
      return slot;
    });
  }

  /** Whether some worker can take a task now. */
  get hasRoom(): boolean {
    return this.slots.some((slot) => slot.inflight.length < DEPTH);
  }

  /** Send a task to the least busy worker; call only when `hasRoom`. */
  run(task: Task): Promise<Outcome> {
    const slot = this.slots.reduce((best, candidate) => (candidate.inflight.length < best.inflight.length ? candidate : best));
    return new Promise((resolve, reject) => {
      slot.inflight.push({ resolve, reject });
      slot.worker.postMessage(task);
    });
  }

  async close() {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
