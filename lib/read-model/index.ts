import 'server-only';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { getDb, type Db } from '@/db/client';
import { readDataVersion } from '@/db/data-version';
import type { AsOfScope } from '@/lib/as-of/scope';
import type { CommitmentFilter } from '@/lib/commitments/filters';
import { logError, logInfo, logWarn } from '@/lib/ops/log';
import { whileWaiting } from '@/lib/ops/request-context';
import { ReadUnavailableError } from '@/lib/errors';
import { answerKey, ReadCache, type CacheStats, type Computed } from './cache';
import { WorkerPool, type PoolStats } from './pool';
import { computeReadTask, type ReadKind, type ReadTasks } from './tasks';
import { DataVersionProbe } from './version';
import type { ReadWorkerData } from './worker';

/**
 * The read model as the pages and the API reach it: every heavy read goes through `readAnswer`,
 * which answers from the cache at the current data version, or computes once — on a worker
 * thread when the server runs (so an official's save never waits behind an analyst's dashboard),
 * in this thread elsewhere (tests, scripts, `next dev`), or once the workers cannot start.
 *
 * Settings (environment): READ_CACHE_MB (default 128; 0 turns the cache off), READ_WORKERS (default
 * the number of cores, at most 4; 0 computes in the request's thread), READ_TIMEOUT_MS (default
 * 30000: a read running longer is abandoned with a 503 and its worker replaced).
 */
export interface ReadModel {
  /** The connection it reads when it has no workers, and whose file its workers open. */
  readonly db: Db;
  /** The answer of a task: cached at the current data version, or computed once. */
  answer<K extends ReadKind>(kind: K, args: ReadTasks[K]['args']): Promise<ReadTasks[K]['value']>;
  readonly pool: WorkerPool | null;
  stats(): { cache: CacheStats | null; workers: PoolStats | null };
  close(): Promise<void>;
}

export interface ReadModelParts {
  /** The connection answers are computed on when there is no pool (and snapshots built on). */
  db: Db;
  /** The current data version (cheap: see DataVersionProbe). */
  version: () => number;
  /** Cache bound in bytes; 0 turns the cache off. */
  maxBytes: number;
  pool?: WorkerPool | null;
  onClose?: () => void;
}

/** A read model from its parts (the server's is built from the environment by `readModel`). */
export function makeReadModel({ db, version, maxBytes, pool = null, onClose }: ReadModelParts): ReadModel {
  const cache = maxBytes > 0 ? new ReadCache(maxBytes) : null;
  return {
    db,
    pool,
    answer(kind, args) {
      // On workers while they work; in this thread without them, or once they cannot start.
      const compute = (): Promise<Computed<ReadTasks[typeof kind]['value']>> =>
        pool && !pool.broken ? pool.run({ kind, args }) : new Promise((resolve) => resolve(computeReadTask(kind, args, db, db)));
      if (!cache) return (pool ? whileWaiting(compute) : compute()).then((c) => c.value);
      const [key, at] = [answerKey(kind, args), version()];
      if (cache.has(key, at) || !pool) return cache.get(key, at, compute);
      // A page waiting for a worker gives its render turn up meanwhile (lib/ops/render-gate.js).
      return whileWaiting(() => cache.get(key, at, compute));
    },
    stats: () => ({ cache: cache?.stats() ?? null, workers: pool?.stats() ?? null }),
    async close() {
      await pool?.close();
      onClose?.();
    },
  };
}

/** Must equal READ_MODEL_KEY and READ_MODEL_CLOSED_KEY in lib/ops/shutdown.js, which closes it on SIGTERM. */
const READ_MODEL_KEY = Symbol.for('commitment-monitor.read-model');
const READ_MODEL_CLOSED_KEY = Symbol.for('commitment-monitor.read-model-closed');
const STATS_EVERY_MS = 60_000;

const numberSetting = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && process.env[name] !== '' && Number.isFinite(value) && value >= 0 ? value : fallback;
};

/** The worker, bundled by Next.js with the server (tests start the TypeScript through tsx instead). */
const startBundledWorker = (workerData: ReadWorkerData) => new Worker(new URL('./worker.ts', import.meta.url), { workerData });

function readModelFromEnvironment(): ReadModel {
  const db = getDb(); // migrated before any worker opens the file
  const file = db.$client.name;
  const onDisk = !db.$client.memory && file !== '';
  const maxBytes = numberSetting('READ_CACHE_MB', 128) * 1024 * 1024;
  // Workers in the production server only: Next.js bundles the worker there (`next build`).
  const served = process.env.NEXT_RUNTIME === 'nodejs' && process.env.NODE_ENV === 'production';
  const workers = onDisk && served ? Math.floor(numberSetting('READ_WORKERS', Math.min(4, os.availableParallelism()))) : 0;
  const probe = onDisk ? new DataVersionProbe(file) : null;
  const pool =
    workers > 0
      ? new WorkerPool(() => startBundledWorker({ file }), {
          size: workers,
          taskTimeoutMs: numberSetting('READ_TIMEOUT_MS', 30_000),
          onReplaced: (reason) => logWarn('read model: a worker was replaced', { reason }),
          onBroken: (reason) => logError('read model: the workers cannot start; computing in the request thread from now on', new Error(reason)),
        })
      : null;
  let last = '';
  const timer = setInterval(() => {
    const stats = model.stats();
    const line = JSON.stringify(stats);
    if (line !== last) logInfo('read model', stats);
    last = line;
  }, STATS_EVERY_MS);
  timer.unref();
  const model = makeReadModel({
    db,
    version: () => (probe ? probe.current() : readDataVersion(db.$client)),
    maxBytes,
    pool,
    onClose: () => {
      clearInterval(timer);
      probe?.close();
    },
  });
  logInfo('read model: started', { cacheMb: maxBytes / 1024 / 1024, workers });
  return model;
}

/** The process's read model, on the process's connection (a test that swaps the connection gets a new one). */
function readModel(): ReadModel {
  const store = globalThis as unknown as Record<symbol, ReadModel | boolean | undefined>;
  // Set by lib/ops/shutdown.js once the workers are stopped: a request cut by the shutdown gets a 503.
  if (store[READ_MODEL_CLOSED_KEY]) throw new ReadUnavailableError('The server is shutting down');
  const current = store[READ_MODEL_KEY] as ReadModel | undefined;
  if (current && current.db === getDb()) return current;
  void current?.close();
  const model = readModelFromEnvironment();
  store[READ_MODEL_KEY] = model;
  return model;
}

/** A read model answer: cached at the current data version, or computed once (see above). */
export function readAnswer<K extends ReadKind>(kind: K, args: ReadTasks[K]['args']): Promise<ReadTasks[K]['value']> {
  return readModel().answer(kind, args);
}

/** The as-of view of a scope at a date, with whether it counts invented demo data. */
export const readDashboard = (scope: AsOfScope, asOf: string, today: string) =>
  readAnswer('dashboard', { scope: { dialogue: scope.dialogue, area: scope.area, agency: scope.agency, country: scope.country }, asOf, today });

/** One page of the commitments list as of the filter's date. */
export const readList = (filter: CommitmentFilter, today: string) => readAnswer('list', { filter, today });

/** The cache's and the workers' figures (`GET /api/metrics`, the periodic log line). */
export function readModelStats() {
  return readModel().stats();
}
