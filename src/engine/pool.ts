import { Worker } from 'node:worker_threads';
import type { RoundupSnapshot } from '../load/snapshot.js';
import type { Job, Outcome } from './roundup.js';

export interface Task {
  /** Matches the answer to its task: a worker may finish two tasks in either order. */
  id: number;
  snapshot: RoundupSnapshot;
  /** The config file to apply, relative to the job's cwd; each worker reads it once. */
  configPath?: string;
  /** Report only what concerns these files (`check` given some of the roundup's files). */
  focus?: string[];
}

/**
 * Each worker is a second heap. V8 lets a busy isolate's young generation grow to 48 MiB (two 16 MiB
 * semi-spaces and a large-object area); a roundup's garbage fits in far less, so capping it at 12 MiB
 * (4 MiB semi-spaces) saves ~30 MiB of peak memory per worker at no measurable cost in time (bench).
 */
const YOUNG_GENERATION_MB = 12;

/**
 * Below this many roundups, starting worker threads costs more than it saves; and below three jobs they never
 * pay. Measured by `npm run bench` on an idle two-core machine (docs/benchmarks.md): one thread already keeps
 * 1.2–1.3 cores busy (V8 collects garbage on helper threads, libuv's threads do the writes), so a worker only
 * competes for the second core; 3,000 roundups took 72.9–77.2 s with a worker against 62.7–64.7 s without, and a
 * second heap (292 against 204 MiB).
 */
const PARALLEL_THRESHOLD = 2000;
const PARALLEL_MIN_JOBS = 3;

/** Whether `count` roundups on `jobs` threads are worth worker threads; an explicit `threshold` (the API, tests) needs only two jobs. */
export function poolPays(jobs: number, count: number, threshold?: number): boolean {
  return threshold === undefined ? jobs >= PARALLEL_MIN_JOBS && count >= PARALLEL_THRESHOLD : jobs > 1 && count >= threshold;
}

/** Tasks each worker holds at once: one running, one waiting in its own message queue. */
const DEPTH = 2;

interface Slot {
  worker: Worker;
  /** Settlers of the tasks this worker holds, by task id. */
  inflight: Map<number, { resolve: (outcome: Outcome) => void; reject: (error: Error) => void }>;
}

/**
 * A fixed set of worker threads (worker.ts) that process roundups. Each
 * worker is sent up to two tasks, so it starts the next as soon as it ends
 * one, without waiting for the main thread (which may be busy processing
 * roundups itself) to hand it over.
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private nextId = 0;

  constructor(size: number, url: URL, job: Job) {
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = {
        worker: new Worker(url, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }),
        inflight: new Map(),
      };
      slot.worker.on('message', ({ id, outcome }: { id: number; outcome: Outcome }) => {
        slot.inflight.get(id)?.resolve(outcome);
        slot.inflight.delete(id);
      });
      slot.worker.on('error', (error: Error) => {
        for (const waiting of slot.inflight.values()) waiting.reject(error);
        slot.inflight.clear();
      });
      return slot;
    });
  }

  /** Whether some worker can take a task now. */
  get hasRoom(): boolean {
    return this.slots.some((slot) => slot.inflight.size < DEPTH);
  }

  /** Send a task to the least busy worker; call only when `hasRoom`. */
  run(task: Omit<Task, 'id'>): Promise<Outcome> {
    const slot = this.slots.reduce((best, candidate) => (candidate.inflight.size < best.inflight.size ? candidate : best));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.inflight.set(id, { resolve, reject });
      slot.worker.postMessage({ ...task, id });
    });
  }

  async close() {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
