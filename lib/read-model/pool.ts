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
}

export interface PoolOptions {
  size: number;
  /** A task running longer is abandoned: its worker is terminated and replaced, the request gets a 503. */
  taskTimeoutMs?: number;
  /** Told about each replaced worker (the server logs it). */
  onReplaced?: (reason: string) => void;
}

/**
 * A fixed set of worker threads, one task each at a time, the rest queued in order. A worker that
 * dies (an uncaught error, exit, out of memory, a task past its time limit) fails the task it was
 * running with ReadUnavailableError and is replaced at once; the queue moves on. `close()`
 * terminates every worker and fails what is queued or running.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private counts = { completed: 0, failed: 0, replaced: 0 };

  constructor(
    private readonly start: () => Worker,
    private readonly options: PoolOptions,
  ) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  /** Runs one task (the message the worker receives, plus an id) and resolves with its value. */
  run<T>(message: Record<string, unknown>): Promise<T> {
    if (this.closed) return Promise.reject(new ReadUnavailableError('The read workers are shut down'));
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

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new ReadUnavailableError('The server is shutting down'));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.task?.reject(new ReadUnavailableError('The server is shutting down'));
        slot.task = null;
        // Its 'exit' no longer replaces it (the pool is closed).
        await slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.start(), task: null, timer: null };
    slot.worker.on('message', (reply: WorkerReply) => {
      const task = slot.task;
      if (!task || reply.id !== task.id) return;
      this.finish(slot);
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
    if (this.closed) return;
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    const task = slot.task;
    this.finish(slot);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    this.counts.replaced++;
    if (task) {
      this.counts.failed++;
      task.reject(new ReadUnavailableError(`The figures could not be read just now (${reason}). Please try again`));
    }
    this.options.onReplaced?.(reason);
    this.slots[index] = this.spawn();
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task) continue;
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
    for (const slot of this.slots) if (!slot.task) slot.worker.unref();
  }
}
