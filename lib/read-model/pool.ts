import type { Worker } from 'node:worker_threads';
import { ReadUnavailableError } from '@/lib/errors';

/** What a worker posts back for a task. */
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string } };

export interface PoolStats {
  size: number;
  busy: number;
  queued: number;
  completed: number;
  failed: number;
  /** Workers that died (crash, exit, timeout) and were replaced. */
  replaced: number;
}

interface Task {
  id: number;
  message: Record<string, unknown>;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  /** Tasks it finished: a worker that dies before its first failed to start. */
  done: number;
  /** Being replaced: its thread is terminating (a native query runs on until it returns), or a restart waits. */
  stopping: boolean;
}

export interface PoolOptions {
  size: number;
  /** A task running longer is abandoned: its worker is terminated and replaced, the request gets a 503. */
  taskTimeoutMs?: number;
  /** Told about each replaced worker (the server logs it). */
  onReplaced?: (reason: string) => void;
  /** The first pause before restarting a worker that died before its first task (doubling each time). */
  restartPauseMs?: number;
  /** Told once when the pool gives up on workers that cannot start (the server computes in-thread then). */
  onBroken?: (reason: string) => void;
}

/** Workers dying before their first task this many times in a row: the pool is broken. */
const START_FAILURES_TO_GIVE_UP = 5;
/** How long close() waits for the threads (a native query in progress delays termination). */
const CLOSE_WAIT_MS = 5_000;

/**
 * A fixed set of worker threads, one task each at a time, the rest queued in order. A worker that
 * dies (an uncaught error, exit, out of memory, a task past its time limit) fails the task it was
 * running with ReadUnavailableError and is replaced once its thread has ended — a query still
 * running in SQLite keeps the old thread until it returns, and the pool never holds more threads
 * than its size. Workers that die before their first task are restarted after a growing pause;
 * after START_FAILURES_TO_GIVE_UP in a row the pool is `broken` (queued tasks get a 503; the
 * caller computes elsewhere). `close()` fails what is queued or running and ends every thread.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private startFailures = 0;
  private counts = { completed: 0, failed: 0, replaced: 0 };
  /** Threads terminating (replaced or closed), awaited by close(). */
  private readonly ending = new Set<Promise<unknown>>();
  broken = false;

  constructor(
    private readonly start: () => Worker,
    private readonly options: PoolOptions,
  ) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  /** Runs one task (the message the worker receives, plus an id) and resolves with its value. */
  run<T>(message: Record<string, unknown>): Promise<T> {
    if (this.closed) return Promise.reject(new ReadUnavailableError('The read workers are shut down'));
    if (this.broken) return Promise.reject(new ReadUnavailableError('The read workers cannot start'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, message, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  stats(): PoolStats {
    return { size: this.slots.length, busy: this.slots.filter((s) => s.task).length, queued: this.queue.length, ...this.counts };
  }

  /** The workers' thread ids (tests). */
  threadIds(): number[] {
    return this.slots.map((s) => s.worker.threadId);
  }

  /** Fails what is queued or running, then ends every thread (waiting at most CLOSE_WAIT_MS). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failQueued('The server is shutting down');
    for (const slot of this.slots) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.task?.reject(new ReadUnavailableError('The server is shutting down'));
      slot.task = null;
      // Its 'exit' no longer replaces it (the pool is closed).
      this.end(slot.worker);
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(this.ending), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS).unref()))]);
    clearTimeout(timer);
  }

  private end(worker: Worker): void {
    const ending = worker.terminate().catch(() => undefined);
    this.ending.add(ending);
    void ending.then(() => this.ending.delete(ending));
  }

  private failQueued(why: string): void {
    for (const task of this.queue.splice(0)) task.reject(new ReadUnavailableError(why));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.start(), task: null, timer: null, done: 0, stopping: false };
    slot.worker.on('message', (reply: WorkerReply) => {
      const task = slot.task;
      if (slot.stopping || !task || reply.id !== task.id) return;
      this.finish(slot);
      slot.done++;
      this.startFailures = 0;
      if (reply.ok) {
        this.counts.completed++;
        task.resolve(reply.value);
      } else {
        this.counts.failed++;
        const error = new Error(reply.error.message);
        error.name = reply.error.name;
        task.reject(error);
      }
      this.dispatch();
    });
    slot.worker.on('error', (error) => this.replace(slot, `the read worker failed: ${error.message}`));
    slot.worker.on('exit', (code) => this.replace(slot, `the read worker exited (code ${code})`));
    // Idle workers do not keep the process alive.
    slot.worker.unref();
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
  }

  private replace(slot: Slot, reason: string): void {
    if (this.closed || slot.stopping) return;
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    slot.stopping = true;
    const task = slot.task;
    this.finish(slot);
    slot.worker.removeAllListeners();
    // A late 'error' from the dying thread must not go unhandled.
    slot.worker.on('error', () => {});
    this.counts.replaced++;
    if (task) {
      this.counts.failed++;
      task.reject(new ReadUnavailableError(`The figures could not be read just now (${reason}). Please try again`));
    }
    this.options.onReplaced?.(reason);
    // A worker that never finished a task (a bad bundle, a missing file) did not start.
    const failedToStart = slot.done === 0;
    if (failedToStart && ++this.startFailures >= START_FAILURES_TO_GIVE_UP) {
      if (!this.broken) {
        this.broken = true;
        this.failQueued('The read workers cannot start');
        this.options.onBroken?.(reason);
      }
    }
    const pause = failedToStart ? Math.min(30_000, (this.options.restartPauseMs ?? 100) * 2 ** this.startFailures) : 0;
    const ending = slot.worker.terminate().catch(() => undefined);
    this.ending.add(ending);
    void ending
      .then(() => new Promise((resolve) => setTimeout(resolve, pause).unref()))
      .then(() => {
        this.ending.delete(ending);
        if (this.closed || this.broken) return;
        this.slots[index] = this.spawn();
        this.dispatch();
      });
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || slot.stopping) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      slot.worker.ref();
      if (this.options.taskTimeoutMs) {
        slot.timer = setTimeout(() => this.replace(slot, `a read took longer than ${this.options.taskTimeoutMs} ms`), this.options.taskTimeoutMs);
      }
      slot.worker.postMessage({ ...task.message, id: task.id });
    }
    // Unref the idle ones again.
    for (const slot of this.slots) if (!slot.task && !slot.stopping) slot.worker.unref();
  }
}
