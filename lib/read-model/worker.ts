/**
 * A read worker (lib/read-model/pool.ts): its own read-only connection to the database (WAL: it
 * reads while the server's connection writes), and a writable one opened on first need, used only
 * to build month-end snapshots (derived data that never waits for the write lock; see
 * lib/as-of/sources.ts). Runs one task at a time and posts its answer back, with the data version
 * it read just before computing it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, openReadOnlyDatabase, type Db } from '@/db/client';
import type { WorkerReply } from './pool';
import { computeReadTask, type ReadKind, type ReadTasks } from './tasks';

export interface ReadWorkerData {
  file: string;
}

export interface ReadWorkerMessage {
  id: number;
  kind: ReadKind;
  args: ReadTasks[ReadKind]['args'];
}

const { file } = workerData as ReadWorkerData;
const db = openReadOnlyDatabase(file);
let writer: Db | null = null;
// The writable connection, opened when a snapshot is first built (a lazy Db: only its methods are used).
const lazyWriter = new Proxy({} as Db, {
  get(_target, property) {
    writer ??= openDatabase(file);
    const value = Reflect.get(writer, property, writer) as unknown;
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(writer) : value;
  },
});

parentPort!.on('message', (message: ReadWorkerMessage) => {
  let reply: WorkerReply;
  try {
    reply = { id: message.id, ok: true, value: computeReadTask(message.kind, message.args, db, lazyWriter) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { id: message.id, ok: false, error: { name: e.name, message: e.message } };
  }
  parentPort!.postMessage(reply);
});
