/**
 * worker_threads worker for concurrency.test.ts: one thread with its own SQLite connection that, each round,
 * waits at a shared barrier and then tries the same status update as its siblings from the same version.
 *
 * Barrier protocol over `Int32Array(barrier)[0]` (the released-round counter, starting at 0):
 * the worker posts `{ type: 'ready', round }`, blocks until the counter exceeds `round`, then updates.
 * The main thread raises the counter to `round + 1` (and notifies) once every worker is ready for `round`
 * and every result of the previous round is in, so all workers leave the wait together.
 *
 * Started by the test with `execArgv: ['--conditions=react-server', '--require', <tsx/cjs>]`, so tsx compiles it
 * (and resolves '@/…') and 'server-only' resolves to its empty react-server module.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '@/db/client';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from './update-status';

export interface ConcurrencyWorkerData {
  dbPath: string;
  code: string;
  actor: Actor;
  index: number;
  rounds: number;
  barrier: SharedArrayBuffer;
}

export type ConcurrencyWorkerMessage =
  | { type: 'ready'; round: number; worker: number }
  | { type: 'result'; round: number; worker: number; ok: true; version: number; progress: number; note: string }
  | { type: 'result'; round: number; worker: number; ok: false; error: string; message: string };

function run(port: NonNullable<typeof parentPort>, data: ConcurrencyWorkerData): void {
  const { dbPath, code, actor, index, rounds } = data;
  const released = new Int32Array(data.barrier);
  const db = openDatabase(dbPath);
  const post = (m: ConcurrencyWorkerMessage) => port.postMessage(m);
  try {
    for (let round = 0; round < rounds; round++) {
      post({ type: 'ready', round, worker: index });
      for (let seen = Atomics.load(released, 0); seen <= round; seen = Atomics.load(released, 0)) {
        Atomics.wait(released, 0, seen);
      }
      const progress = (round * 10 + index) % 101; // distinct among the workers of a round, always 0..100
      const note = `round ${round} worker ${index}`;
      try {
        const state = updateCommitmentStatus(
          db,
          actor,
          code,
          { status: 'in_progress', progress, note, effectiveDate: '2024-06-01', version: 1 + round },
          { origin: 'worker' },
          '2025-01-01',
        );
        post({ type: 'result', round, worker: index, ok: true, version: state.version, progress, note });
      } catch (e) {
        const error = e instanceof Object ? e.constructor.name : String(e);
        post({ type: 'result', round, worker: index, ok: false, error, message: e instanceof Error ? e.message : '' });
      }
    }
  } finally {
    db.$client.close();
  }
}

// Only when started as this test's worker (not when merely imported, e.g. by a thread-pool test runner).
const data = workerData as Partial<ConcurrencyWorkerData> | null;
if (parentPort && data?.barrier instanceof SharedArrayBuffer) run(parentPort, data as ConcurrencyWorkerData);
