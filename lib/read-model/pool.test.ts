import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrateDatabase, openDatabase } from '@/db/client';
import { readDataVersion } from '@/db/data-version';
import { seedReferenceData } from '@/db/seed';
import { ReadUnavailableError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/api';
import { planAsOfView } from '@/lib/as-of/view';
import { listAsOf } from '@/lib/as-of/list';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import { WorkerPool } from './pool';

/** A stand-in worker that does what each task tells it: answer, fail, crash, throw, hang. */
const FAKE_WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.kind === 'crash') process.exit(3);
  if (m.kind === 'throw') return setImmediate(() => { throw new Error('uncaught in the worker'); });
  if (m.kind === 'hang') return;
  if (m.kind === 'fail') return parentPort.postMessage({ id: m.id, ok: false, error: { name: 'RangeError', message: 'bad task' } });
  if (m.kind === 'slow') { const t = Date.now(); while (Date.now() - t < m.ms); }
  parentPort.postMessage({ id: m.id, ok: true, value: { echo: m.value, thread: threadId } });
});`;

const pools: WorkerPool[] = [];
const exits: number[] = [];
function fakePool(size: number, taskTimeoutMs?: number) {
  const replaced: string[] = [];
  /** Every worker the pool started, in order, and those whose thread is up. */
  const started: Worker[] = [];
  const online = new Set<Worker>();
  const pool = new WorkerPool(
    () => {
      const worker = new Worker(FAKE_WORKER, { eval: true });
      worker.once('exit', (code) => exits.push(code));
      worker.once('online', () => online.add(worker));
      started.push(worker);
      return worker;
    },
    { size, taskTimeoutMs, onReplaced: (reason) => replaced.push(reason) },
  );
  pools.push(pool);
  return { pool, replaced, started, online };
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
  exits.length = 0;
});

type Echo = { echo: unknown; thread: number };

describe('the read worker pool', () => {
  it('runs tasks on its workers, the rest queued in order', async () => {
    const { pool } = fakePool(2);
    const results = await Promise.all([1, 2, 3, 4, 5].map((value) => pool.run<Echo>({ kind: 'slow', ms: 30, value })));
    expect(results.map((r) => r.echo)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(results.map((r) => r.thread)).size).toBe(2);
    expect(pool.stats()).toMatchObject({ size: 2, busy: 0, queued: 0, completed: 5, replaced: 0 });
  });

  it('answers the request of a crashed worker with a 503 and replaces the worker; the queue goes on', async () => {
    const { pool, replaced } = fakePool(1);
    const before = pool.threadIds();
    const crashed = pool.run({ kind: 'crash' });
    const next = pool.run<Echo>({ kind: 'echo', value: 'after' });
    const error = await crashed.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReadUnavailableError);
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({ error: { code: 'read_unavailable', message: expect.stringContaining('Please try again') } });
    expect((await next).echo).toBe('after');
    expect(pool.threadIds()).not.toEqual(before);
    expect(replaced).toEqual([expect.stringContaining('exited (code 3)')]);
    expect(pool.stats()).toMatchObject({ replaced: 1, failed: 1, completed: 1 });
  });

  it('does the same for an uncaught error inside the worker', async () => {
    const { pool } = fakePool(1);
    await expect(pool.run({ kind: 'throw' })).rejects.toBeInstanceOf(ReadUnavailableError);
    expect((await pool.run<Echo>({ kind: 'echo', value: 2 })).echo).toBe(2);
    expect(pool.stats().replaced).toBe(1);
  });

  it('abandons a read past its time limit with a 503 instead of hanging, and replaces its worker', async () => {
    const { pool, replaced, started, online } = fakePool(1, 1_000);
    // The hang ends because of the time limit (the reason says so), not the test's timeout: no wall-clock check.
    await expect(pool.run({ kind: 'hang' })).rejects.toBeInstanceOf(ReadUnavailableError);
    expect(replaced).toEqual([expect.stringContaining('longer than 1000 ms')]);
    // The limit counts from when a read is handed to a worker: wait until the replacement's thread is up,
    // however slowly threads start on a busy machine, so only the echo itself runs against the limit.
    await vi.waitFor(() => expect(started[1] && online.has(started[1])).toBe(true), { timeout: 20_000, interval: 10 });
    expect((await pool.run<Echo>({ kind: 'echo', value: 3 })).echo).toBe(3);
  });

  it('passes a failed task’s error on, keeping the worker', async () => {
    const { pool } = fakePool(1);
    const before = pool.threadIds();
    await expect(pool.run({ kind: 'fail' })).rejects.toMatchObject({ name: 'RangeError', message: 'bad task' });
    expect(pool.threadIds()).toEqual(before);
    expect(pool.stats()).toMatchObject({ replaced: 0, failed: 1 });
  });

  it('pauses before restarting workers that cannot start, and gives up after five in a row', async () => {
    const broken: string[] = [];
    let started = 0;
    const pool = new WorkerPool(
      () => {
        started++;
        return new Worker('throw new Error("cannot load")', { eval: true });
      },
      { size: 1, restartPauseMs: 1, onBroken: (reason) => broken.push(reason) },
    );
    pools.push(pool);
    const first = pool.run({ kind: 'echo' });
    await expect(first).rejects.toBeInstanceOf(ReadUnavailableError);
    // However slowly the five workers fail to start (a pool that never gives up fails after 20 s).
    await vi.waitFor(() => expect(pool.broken).toBe(true), { timeout: 20_000, interval: 20 });
    expect(broken).toEqual([expect.stringContaining('cannot load')]);
    expect(started).toBe(5);
    await expect(pool.run({ kind: 'echo' })).rejects.toThrow('cannot start');
  });

  it('closes every worker on shutdown, failing what was running or queued with a 503', async () => {
    const { pool } = fakePool(2);
    const running = [pool.run({ kind: 'hang' }), pool.run({ kind: 'hang' }), pool.run({ kind: 'echo' })];
    const settled = Promise.allSettled(running);
    await pool.close();
    const outcomes = await settled;
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const o of outcomes) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(ReadUnavailableError);
    expect(exits).toHaveLength(2);
    expect(pool.stats().replaced).toBe(0);
    await expect(pool.run({ kind: 'echo' })).rejects.toBeInstanceOf(ReadUnavailableError);
  });
});

describe('the real read worker', () => {
  it('answers from its own read-only connection what the request thread computes, and builds snapshots through its writer', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-worker-'));
    const file = path.join(dir, 'app.db');
    const db = openDatabase(file);
    migrateDatabase(db);
    seedReferenceData(db);
    const tsx = createRequire(import.meta.url).resolve('tsx/cjs');
    const { pool } = (() => {
      const p = new WorkerPool(() => new Worker(path.resolve('lib/read-model/worker.ts'), { workerData: { file }, execArgv: ['--conditions=react-server', '--require', tsx] }), { size: 1 });
      pools.push(p);
      return { pool: p };
    })();
    try {
      const today = '2025-06-30';
      const view = await pool.run<{ value: unknown; version: number }>({ kind: 'dashboard', args: { scope: { area: 'BIO' }, asOf: today, today } });
      expect(view.value).toEqual({ ...planAsOfView({ area: 'BIO' }, today, today, db), includesSynthetic: false });
      expect(view.version).toBe(readDataVersion(db.$client));
      // A past month end: the worker builds its snapshot (a write) through its writable connection.
      const filter = parseFiltersLeniently({ asOf: '2025-03-31', sort: 'status' });
      const list = await pool.run<{ value: unknown }>({ kind: 'list', args: { filter, today } });
      expect(db.$client.prepare(`select count(*) from tally_snapshot_dates where as_of = '2025-03-31'`).pluck().get()).toBe(1);
      expect(list.value).toEqual(listAsOf(filter, today, db));
    } finally {
      await pool.close();
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
