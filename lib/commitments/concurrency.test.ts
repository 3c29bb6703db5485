import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { seedReferenceData } from '@/db/seed';
import { agencies, auditEvents, commitments, statusUpdates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { verifyChains } from '@/lib/audit/chain';
import { insertTestUser } from '@/lib/testing/test-db';
import type { ConcurrencyWorkerData, ConcurrencyWorkerMessage } from './concurrency-worker';

const WORKERS = 10;
const ROUNDS = 20;
const CODE = 'CET23-BIO-01';
const WORKER_FILE = new URL('./concurrency-worker.ts', import.meta.url);
/**
 * Workers run the TypeScript sources through tsx's CommonJS hook, which also maps the '@/…' tsconfig paths
 * (`--import tsx` does not work in worker threads on Node 20: its module.register() hooks are not applied there).
 * react-server makes 'server-only' resolve to its empty module, as in the app's server.
 */
const WORKER_EXEC_ARGV = ['--conditions=react-server', '--require', createRequire(import.meta.url).resolve('tsx/cjs')];

type Result = Extract<ConcurrencyWorkerMessage, { type: 'result' }>;

let dir: string;
let dbPath: string;
let db: Db;
let actor: Actor;
const workers: Worker[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commitments-concurrency-'));
  dbPath = path.join(dir, 'test.db');
  db = openDatabase(dbPath);
  migrateDatabase(db);
  seedReferenceData(db);
  const agencyId = db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'MSIT')).get()!.id;
  const email = 'msit@example.org';
  const user = insertTestUser(db, { email, role: 'official', agencyId, passwordHash: 'x' });
  actor = { id: user.id, email, role: 'official', agencyId, agencyCode: 'MSIT', active: true, mustChangePassword: false };
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
  db?.$client.close();
  // The database and its -wal / -shm files live in this directory.
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Starts the workers, each with its own connection, and releases round r only once all of them are
 * waiting at the barrier for it (which also means every result of round r - 1 is in).
 * Resolves with the results of every round, indexed by round.
 */
function runRounds(): Promise<Result[][]> {
  const barrier = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const released = new Int32Array(barrier);
  const ready = new Array<number>(ROUNDS).fill(0);
  const results = Array.from({ length: ROUNDS }, (): Result[] => []);
  const perWorker = new Array<number>(WORKERS).fill(0);
  let done = 0;
  return new Promise((resolve, reject) => {
    for (let index = 0; index < WORKERS; index++) {
      const workerData: ConcurrencyWorkerData = { dbPath, code: CODE, actor, index, rounds: ROUNDS, barrier };
      const worker = new Worker(WORKER_FILE, { workerData, execArgv: WORKER_EXEC_ARGV });
      workers.push(worker);
      worker.on('message', (m: ConcurrencyWorkerMessage) => {
        if (m.type === 'ready') {
          if (++ready[m.round]! === WORKERS) {
            Atomics.store(released, 0, m.round + 1);
            Atomics.notify(released, 0);
          }
        } else {
          results[m.round]!.push(m);
          perWorker[m.worker]!++;
          if (++done === WORKERS * ROUNDS) resolve(results);
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (perWorker[index]! < ROUNDS) reject(new Error(`worker ${index} exited early with code ${code}`));
      });
    }
  });
}

describe('updateCommitmentStatus under real concurrency (separate connections, one file)', () => {
  it('lets exactly one of ten simultaneous updates from the same version win, every round', { timeout: 60_000 }, async () => {
    const rounds = await runRounds();

    const winners = rounds.map((results, round) => {
      const ok = results.filter((r) => r.ok);
      const errors = results.filter((r) => !r.ok).map((r) => r.error);
      expect({ round, winners: ok.length, errors }).toEqual({
        round,
        winners: 1,
        errors: new Array<string>(WORKERS - 1).fill('ConflictError'),
      });
      const winner = ok[0] as Extract<Result, { ok: true }>;
      expect(winner.version).toBe(2 + round);
      expect(winner.note).toBe(`round ${round} worker ${winner.worker}`);
      return winner;
    });

    const commitment = db.select().from(commitments).where(eq(commitments.code, CODE)).get()!;
    const history = db
      .select()
      .from(statusUpdates)
      .where(eq(statusUpdates.commitmentId, commitment.id))
      .orderBy(asc(statusUpdates.id))
      .all();
    expect(history.map((h) => h.note)).toEqual(winners.map((w) => w.note));
    expect(history.map((h) => h.newProgress)).toEqual(winners.map((w) => w.progress));
    // Each update started from the state the previous winner left.
    expect(history.map((h) => h.previousProgress)).toEqual([0, ...winners.slice(0, -1).map((w) => w.progress)]);

    expect(commitment.version).toBe(1 + ROUNDS);
    expect(commitment.status).toBe('in_progress');
    expect(commitment.progress).toBe(winners.at(-1)!.progress);

    const audits = db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.status_update')).all();
    expect(audits).toHaveLength(ROUNDS);
    expect(audits.every((a) => a.targetId === CODE && a.origin === 'worker' && a.actorId === actor.id)).toBe(true);
    // Ten connections appending at once never forked either hash chain.
    expect(verifyChains(db.$client)).toMatchObject({ ok: true, statusUpdates: ROUNDS });
  });
});
