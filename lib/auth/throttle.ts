import 'server-only';
import { and, count, desc, eq, gt, gte, max, min } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginAttempts } from '@/db/schema';
import {
  THROTTLE_MAX_FAILURES_PER_ACCOUNT,
  THROTTLE_MAX_FAILURES_PER_CLIENT,
  THROTTLE_WINDOW_MS,
} from './session-policy';

/** The first lockout of an account; each further failure doubles it, up to the maximum. */
export const ACCOUNT_LOCK_BASE_MS = 60 * 1000;
export const ACCOUNT_LOCK_MAX_MS = 60 * 60 * 1000;
/** An account's failures count from its last successful sign-in, over at most this long. */
export const ACCOUNT_FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;
/** An address that signed the account in successfully within this long is "known" to it. */
export const KNOWN_ADDRESS_MEMORY_MS = 90 * 24 * 60 * 60 * 1000;
/** clientAddress's answer when it cannot tell: shared by everyone, so never "known". */
const UNKNOWN_ADDRESS = 'unknown';

export type AttemptStart = { allowed: true; attemptId: number } | { allowed: false; retryAt: Date };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const iso = (t: number) => new Date(t).toISOString();

/** True when this address signed this account in successfully within KNOWN_ADDRESS_MEMORY_MS. */
function isKnownAddress(db: Db, email: string, ip: string, now: number): boolean {
  if (ip === UNKNOWN_ADDRESS) return false;
  const row = db
    .select({ id: loginAttempts.id })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip), eq(loginAttempts.success, true), gte(loginAttempts.at, iso(now - KNOWN_ADDRESS_MEMORY_MS))))
    .limit(1)
    .get();
  return !!row;
}

/** How long the account stays locked after its n-th counted failure (0 below the limit). */
export function accountLockMs(failures: number): number {
  if (failures < THROTTLE_MAX_FAILURES_PER_ACCOUNT) return 0;
  return Math.min(ACCOUNT_LOCK_BASE_MS * 2 ** (failures - THROTTLE_MAX_FAILURES_PER_ACCOUNT), ACCOUNT_LOCK_MAX_MS);
}

/**
 * When the account is locked for this address, the time it opens again; otherwise null.
 * From a known address only that address's failures count, so failures from elsewhere cannot
 * lock its owner out; from any other address all the account's failures count.
 */
function accountLockedUntil(db: Db, email: string, ip: string, now: number): Date | null {
  const scope = isKnownAddress(db, email, ip, now)
    ? and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip))
    : eq(loginAttempts.email, email);
  const lastSuccess = db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(scope, eq(loginAttempts.success, true)))
    .orderBy(desc(loginAttempts.at))
    .limit(1)
    .get()?.at;
  const memory = iso(now - ACCOUNT_FAILURE_MEMORY_MS);
  const since = lastSuccess && lastSuccess > memory ? lastSuccess : memory;
  const failures = db
    .select({ n: count(), last: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(scope, eq(loginAttempts.success, false), gt(loginAttempts.at, since)))
    .get();
  const lockMs = accountLockMs(failures?.n ?? 0);
  if (!lockMs || !failures?.last) return null;
  const until = Date.parse(failures.last) + lockMs;
  return until > now ? new Date(until) : null;
}

/** When the client address has failed too often within the window, the time it opens again. */
function clientLockedUntil(db: Db, ip: string, now: number): Date | null {
  // `unknown` is every client at once (no server.js in front): limiting it would let anyone
  // stop everyone signing in. The per-account limit still holds.
  if (ip === UNKNOWN_ADDRESS) return null;
  const since = iso(now - THROTTLE_WINDOW_MS);
  const row = db
    .select({ n: count(), first: min(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gte(loginAttempts.at, since)))
    .get();
  if ((row?.n ?? 0) < THROTTLE_MAX_FAILURES_PER_CLIENT || !row?.first) return null;
  return new Date(Date.parse(row.first) + THROTTLE_WINDOW_MS);
}

/**
 * Checks the throttle and, when it allows the attempt, records it at once as a failure, before
 * any password is checked: attempts in flight count against the limits, so parallel requests
 * cannot get more guesses than the limit. The check and the write share one IMMEDIATE
 * transaction, so other processes on the same database queue behind it. A successful check
 * then calls `markAttemptSucceeded`.
 */
export function startAttempt(db: Db, email: string, ip: string, now = new Date()): AttemptStart {
  const normalized = normalizeEmail(email);
  const t = now.getTime();
  return db.transaction(
    (tx) => {
      const txDb = tx as unknown as Db;
      const locked = accountLockedUntil(txDb, normalized, ip, t) ?? clientLockedUntil(txDb, ip, t);
      if (locked) return { allowed: false, retryAt: locked };
      const row = tx.insert(loginAttempts).values({ email: normalized, ip, success: false, at: now.toISOString() }).returning({ id: loginAttempts.id }).get();
      return { allowed: true, attemptId: row.id };
    },
    { behavior: 'immediate' },
  );
}

/** Marks an attempt started with `startAttempt` as successful (call in the sign-in's transaction). */
export function markAttemptSucceeded(db: Pick<Db, 'update'>, attemptId: number): void {
  db.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId)).run();
}
