import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createTestDb } from '@/lib/testing/test-db';
import { THROTTLE_MAX_FAILURES_PER_ACCOUNT, THROTTLE_MAX_FAILURES_PER_CLIENT } from './session-policy';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrateDatabase, openDatabase } from '@/db/client';
import * as throttle from './throttle';
import { accountLockMs, markAttemptSucceeded, startAttempt } from './throttle';

const MINUTE = 60 * 1000;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (ms: number) => new Date(T0 + ms);
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
let db: Db;

beforeEach(() => {
  db = createTestDb();
});

/** A checked and failed attempt, as authenticate leaves it. */
function fail(email: string, ip: string, ms: number) {
  const r = startAttempt(db, email, ip, at(ms));
  expect(r.allowed).toBe(true);
}
function succeed(email: string, ip: string, ms: number) {
  const r = startAttempt(db, email, ip, at(ms));
  if (!r.allowed) throw new Error('throttled');
  markAttemptSucceeded(db, r.attemptId);
}
/** A past failure, written as it stands in the table. */
function pastFailure(email: string, ip: string, ms: number) {
  db.$client.prepare('insert into login_attempts (email, ip, success, at) values (?, ?, 0, ?)').run(email, ip, at(ms).toISOString());
}
const allowed = (email: string, ip: string, ms: number) => startAttempt(db, email, ip, at(ms)).allowed;

describe('sign-in throttle', () => {
  it('locks an account after the limit, for a time that doubles with each further failure', () => {
    for (let i = 0; i < THROTTLE_MAX_FAILURES_PER_ACCOUNT; i++) fail('ana@example.org', `192.0.2.${i}`, 0);
    expect(startAttempt(db, 'ana@example.org', '192.0.2.50', at(30 * 1000))).toEqual({ allowed: false, retryAt: at(MINUTE) });
    fail('ana@example.org', '192.0.2.50', MINUTE); // the lock ran out: one more guess, then two minutes
    expect(allowed('ana@example.org', '192.0.2.51', 2 * MINUTE + 59 * 1000)).toBe(false);
    fail('ana@example.org', '192.0.2.51', 3 * MINUTE); // then four minutes
    expect(allowed('ana@example.org', '192.0.2.52', 6 * MINUTE)).toBe(false);
    expect(allowed('ana@example.org', '192.0.2.52', 7 * MINUTE)).toBe(true);
  });

  it('locks an account at its fifth failure, not before (a literal 5: raising the limit fails this)', () => {
    for (let i = 0; i < 4; i++) fail('ana@example.org', `192.0.2.${i}`, 0);
    expect(allowed('ana@example.org', '192.0.2.4', 0), 'the fifth attempt is allowed').toBe(true);
    expect(startAttempt(db, 'ana@example.org', '192.0.2.5', at(1000))).toEqual({ allowed: false, retryAt: at(MINUTE) });
    expect(accountLockMs(4)).toBe(0);
    expect(accountLockMs(5)).toBe(MINUTE);
  });

  it('caps the lockout, and forgets failures after a day or a successful sign-in', () => {
    expect(accountLockMs(THROTTLE_MAX_FAILURES_PER_ACCOUNT - 1)).toBe(0);
    expect(accountLockMs(THROTTLE_MAX_FAILURES_PER_ACCOUNT)).toBe(MINUTE);
    expect(accountLockMs(50)).toBe(throttle.ACCOUNT_LOCK_MAX_MS);
    for (let i = 0; i < 20; i++) pastFailure('ana@example.org', `192.0.2.${i}`, 0);
    expect(allowed('ana@example.org', '192.0.2.99', 59 * MINUTE)).toBe(false);
    succeed('ana@example.org', '192.0.2.99', 61 * MINUTE);
    for (let i = 0; i < THROTTLE_MAX_FAILURES_PER_ACCOUNT - 1; i++) fail('ana@example.org', `203.0.113.${i}`, 62 * MINUTE);
    expect(allowed('ana@example.org', '203.0.113.50', 62 * MINUTE)).toBe(true);

    for (let i = 0; i < 20; i++) pastFailure('bo@example.org', `192.0.2.${i}`, 0);
    fail('bo@example.org', '192.0.2.1', throttle.ACCOUNT_FAILURE_MEMORY_MS + MINUTE);
    expect(allowed('bo@example.org', '192.0.2.1', throttle.ACCOUNT_FAILURE_MEMORY_MS + MINUTE)).toBe(true);
  });

  it('counts only its own failures for an address that signed the account in before', () => {
    succeed('ana@example.org', '198.51.100.1', 0);
    for (let i = 0; i < 10; i++) pastFailure('ana@example.org', `203.0.113.${i}`, MINUTE);
    expect(allowed('ana@example.org', '203.0.113.77', 2 * MINUTE)).toBe(false);
    expect(allowed('ana@example.org', '198.51.100.1', 2 * MINUTE)).toBe(true);
  });

  it('still locks a known address that fails itself, and never trusts an unknown address', () => {
    succeed('ana@example.org', '198.51.100.1', 0);
    for (let i = 0; i < THROTTLE_MAX_FAILURES_PER_ACCOUNT; i++) fail('ana@example.org', '198.51.100.1', MINUTE);
    expect(allowed('ana@example.org', '198.51.100.1', 90 * 1000)).toBe(false);

    succeed('bo@example.org', 'unknown', 0);
    for (let i = 0; i < THROTTLE_MAX_FAILURES_PER_ACCOUNT; i++) fail('bo@example.org', `203.0.113.${i}`, MINUTE);
    expect(allowed('bo@example.org', 'unknown', 90 * 1000)).toBe(false);
  });

  it('limits one client address across accounts for the window', () => {
    for (let i = 0; i < THROTTLE_MAX_FAILURES_PER_CLIENT; i++) fail(`user${i}@example.org`, '203.0.113.7', 0);
    expect(allowed('ana@example.org', '203.0.113.7', MINUTE)).toBe(false);
    expect(allowed('ana@example.org', '203.0.113.8', MINUTE)).toBe(true);
    expect(allowed('ana@example.org', '203.0.113.7', 16 * MINUTE)).toBe(true);
  });

  it('says when a limited client may try again: the window after its first failure in it', () => {
    // Surviving mutants of `npm run test:mutation` (auth group): the retry time, and an address typed with spaces.
    for (let i = 0; i < THROTTLE_MAX_FAILURES_PER_CLIENT; i++) fail(`user${i}@example.org`, '203.0.113.9', i * 1000);
    const r = startAttempt(db, 'ana@example.org', '203.0.113.9', at(MINUTE));
    expect(r).toEqual({ allowed: false, retryAt: at(15 * MINUTE) });
  });

  it('counts failures for an address typed with spaces or capitals as the same account', () => {
    for (let i = 0; i < 5; i++) fail(i % 2 ? '  Ana@Example.org ' : 'ana@example.org', `198.51.100.${i}`, i * 1000);
    expect(allowed('ana@example.org', '198.51.100.99', MINUTE / 2)).toBe(false);
  });

  it('never limits the unknown address as one client: that would lock everyone out', () => {
    for (let i = 0; i < THROTTLE_MAX_FAILURES_PER_CLIENT; i++) fail(`user${i}@example.org`, 'unknown', 0);
    expect(allowed('ana@example.org', 'unknown', MINUTE)).toBe(true);
  });
});

// Found unpinned by the mutation run (group auth): the 90 days an address stays known, a success
// older than a day, a failure stamped ahead of this server's clock, and the write lock the check
// takes before it reads. Durations are literals on purpose.
describe('sign-in throttle, in plain durations', () => {
  it('keeps an address known to an account for 90 days after it signed the account in', () => {
    succeed('ana@example.org', '198.51.100.1', 0);
    for (let i = 0; i < 10; i++) pastFailure('ana@example.org', `203.0.113.${i}`, 89 * DAY);
    expect(allowed('ana@example.org', '203.0.113.77', 89 * DAY + MINUTE), 'a stranger is locked').toBe(false);
    expect(allowed('ana@example.org', '198.51.100.1', 89 * DAY + MINUTE), 'the owner, 89 days on, is not').toBe(true);
  });

  it('forgets the address after 90 days: then everyone’s failures lock it too', () => {
    succeed('ana@example.org', '198.51.100.1', 0);
    for (let i = 0; i < 10; i++) pastFailure('ana@example.org', `203.0.113.${i}`, 90 * DAY + MINUTE);
    expect(allowed('ana@example.org', '198.51.100.1', 90 * DAY + 2 * MINUTE)).toBe(false);
  });

  it('counts failures over the last day even when the last success is older than that', () => {
    succeed('bo@example.org', '198.51.100.2', 0);
    for (let i = 0; i < 10; i++) pastFailure('bo@example.org', `203.0.113.${i}`, 2 * DAY);
    pastFailure('bo@example.org', '203.0.113.50', 3 * DAY + 20 * HOUR);
    // Counted from the success (3 days back) the 11 failures would lock the account for an hour
    // after the last one; counted over one day there is one, and it is open.
    expect(allowed('bo@example.org', '203.0.113.60', 3 * DAY + 20 * HOUR + 10 * MINUTE)).toBe(true);
  });

  it('does not lock an account below the limit for a failure stamped ahead of this server’s clock', () => {
    pastFailure('cy@example.org', '203.0.113.1', MINUTE);
    expect(allowed('cy@example.org', '203.0.113.2', 0)).toBe(true);
  });
});

describe('sign-in throttle across processes', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the write lock from the start of its check, so another process’s attempt waits behind it', () => {
    dir = mkdtempSync(join(tmpdir(), 'throttle-'));
    const file = join(dir, 'app.db');
    const main = openDatabase(file);
    migrateDatabase(main);
    const other = new Database(file);
    other.pragma('busy_timeout = 0');
    let otherWrite: string | undefined;
    // Another process records an attempt at the moment this one's transaction has begun, before
    // it has read anything: it must find the database locked (it would queue behind it).
    const probed = new Proxy(main, {
      get(target, key, receiver) {
        if (key !== 'transaction') return Reflect.get(target, key, receiver);
        return (fn: (tx: unknown) => unknown, config: unknown) =>
          target.transaction((tx) => {
            try {
              other.prepare(`insert into login_attempts (email, ip, success, at) values ('ana@example.org', '203.0.113.9', 0, ?)`).run(at(0).toISOString());
              otherWrite = 'written';
            } catch (e) {
              otherWrite = (e as { code?: string }).code;
            }
            return fn(tx as never);
          }, config as never);
      },
    });
    expect(startAttempt(probed, 'ana@example.org', '203.0.113.1', at(0)).allowed).toBe(true);
    expect(otherWrite).toBe('SQLITE_BUSY');
    other.close();
    main.$client.close();
  });
});
