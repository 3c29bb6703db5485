import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { auditEvents, sessions, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { createTestDb, insertTestUser } from '@/lib/testing/test-db';
import { authenticate } from './authenticate';
import { THROTTLE_MAX_FAILURES_PER_ACCOUNT, THROTTLE_MAX_FAILURES_PER_CLIENT } from './session-policy';

/**
 * argon2id at the lowest cost it allows, for these tests only: each sign-in still verifies a real
 * argon2id hash (and the unknown e-mail a dummy one), but in about a millisecond instead of 64 MiB
 * and three passes, so the throttle tests do not depend on the machine's speed.
 */
vi.mock('./password', async (original) => {
  const real = await original<typeof import('./password')>();
  const { default: argon2 } = await import('argon2');
  const cheapHash = (password: string) => argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
  let dummy: Promise<string> | undefined;
  return { ...real, hashPassword: cheapHash, timingDummyHash: () => (dummy ??= cheapHash(crypto.randomUUID())) };
});

const PASSWORD = 'a-good-long-password';
let hash: string;
let db: Db;

beforeAll(async () => {
  hash = await hashPassword(PASSWORD);
});
beforeEach(() => {
  db = createTestDb();
  insertTestUser(db, { email: 'Ana@Example.org', role: 'analyst', passwordHash: hash });
});

const actions = () => db.select().from(auditEvents).all().map((e) => e.action);

describe('authenticate', () => {
  it('stores argon2id hashes', () => {
    expect(hash).toMatch(/^\$argon2id\$/);
  });

  it('signs in with the right password, case-insensitively on the e-mail, and opens a session', async () => {
    const r = await authenticate(db, ' ana@example.ORG ', PASSWORD, '198.51.100.1');
    expect(r.ok).toBe(true);
    expect(db.select().from(sessions).all()).toHaveLength(1);
    expect(actions()).toEqual(['auth.login.success']);
  });

  it('gives the same answer for an unknown e-mail, a wrong password and a disabled account', async () => {
    const unknown = await authenticate(db, 'nobody@example.org', PASSWORD, '198.51.100.1');
    const wrong = await authenticate(db, 'ana@example.org', 'not-the-password', '198.51.100.1');
    db.update(users).set({ active: false }).run();
    const disabled = await authenticate(db, 'ana@example.org', PASSWORD, '198.51.100.1');
    expect([unknown, wrong, disabled]).toEqual([
      { ok: false, reason: 'invalid_credentials' },
      { ok: false, reason: 'invalid_credentials' },
      { ok: false, reason: 'invalid_credentials' },
    ]);
    expect(actions()).toEqual(['auth.login.failure', 'auth.login.failure', 'auth.login.failure']);
    expect(db.select().from(sessions).all()).toHaveLength(0);
  });

  it('refuses even the right password after five failures on the account', async () => {
    // A literal 5, not the constant: raising the limit must fail this test.
    for (let i = 0; i < 5; i++) {
      expect(await authenticate(db, 'ana@example.org', `wrong-${i}-password`, `192.0.2.${i}`), `failure ${i + 1} reaches the password check`).toEqual({ ok: false, reason: 'invalid_credentials' });
    }
    expect(await authenticate(db, 'ana@example.org', PASSWORD, '192.0.2.200')).toEqual({ ok: false, reason: 'throttled' });
    expect(actions().at(-1)).toBe('auth.login.throttled');
    expect(db.select().from(sessions).all()).toHaveLength(0);
  });

  it('throttles a client that fails across many accounts', { timeout: 15_000 }, async () => {
    for (let i = 0; i < THROTTLE_MAX_FAILURES_PER_CLIENT; i++) {
      await authenticate(db, `user${i}@example.org`, 'whatever-password', '203.0.113.7');
    }
    expect((await authenticate(db, 'ana@example.org', PASSWORD, '203.0.113.7')).ok).toBe(false);
    expect((await authenticate(db, 'ana@example.org', PASSWORD, '203.0.113.8')).ok).toBe(true);
  });

  it('lets the account in again once its lockout has run out', async () => {
    const old = new Date(Date.now() - 2 * 60 * 1000).toISOString();
    for (let i = 0; i < THROTTLE_MAX_FAILURES_PER_ACCOUNT; i++) {
      db.$client.prepare('insert into login_attempts (email, ip, success, at) values (?, ?, 0, ?)').run('ana@example.org', '192.0.2.1', old);
    }
    expect((await authenticate(db, 'ana@example.org', PASSWORD, '192.0.2.1')).ok).toBe(true);
  });

  it('holds the account limit under parallel attempts: at most the limit reach the password check', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => authenticate(db, 'ana@example.org', `wrong-password-${i}`, `192.0.2.${i}`)),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(actions().filter((a) => a === 'auth.login.failure')).toHaveLength(THROTTLE_MAX_FAILURES_PER_ACCOUNT);
    expect(actions().filter((a) => a === 'auth.login.throttled')).toHaveLength(30 - THROTTLE_MAX_FAILURES_PER_ACCOUNT);
  });

  it('does not let failures from elsewhere lock out an address that signed the account in before', async () => {
    expect((await authenticate(db, 'ana@example.org', PASSWORD, '198.51.100.1')).ok).toBe(true);
    for (let i = 0; i < 2 * THROTTLE_MAX_FAILURES_PER_ACCOUNT; i++) {
      await authenticate(db, 'ana@example.org', `wrong-${i}-password`, `203.0.113.${i}`);
    }
    expect(await authenticate(db, 'ana@example.org', PASSWORD, '203.0.113.99')).toEqual({ ok: false, reason: 'throttled' });
    expect((await authenticate(db, 'ana@example.org', PASSWORD, '198.51.100.1')).ok).toBe(true);
  });

  it('records the failing e-mail in the audit trail without a password', async () => {
    await authenticate(db, 'ana@example.org', 'not-the-password', '198.51.100.1');
    const e = db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.login.failure')).get()!;
    expect(e.actorEmail?.toLowerCase()).toBe('ana@example.org');
    expect(e.origin).toBe('198.51.100.1');
    expect(JSON.stringify(e)).not.toContain('not-the-password');
  });
});
