import 'server-only';
import { and, count, eq, gte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginAttempts } from '@/db/schema';
import {
  THROTTLE_MAX_FAILURES_PER_ACCOUNT,
  THROTTLE_MAX_FAILURES_PER_CLIENT,
  THROTTLE_WINDOW_MS,
} from './session-policy';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** True when the account or the client has failed too often within the window. */
export function isThrottled(db: Db, email: string, ip: string, now = new Date()): boolean {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const failures = (column: typeof loginAttempts.email | typeof loginAttempts.ip, value: string) =>
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(column, value), eq(loginAttempts.success, false), gte(loginAttempts.at, since)))
      .get()?.n ?? 0;
  return (
    failures(loginAttempts.email, normalizeEmail(email)) >= THROTTLE_MAX_FAILURES_PER_ACCOUNT ||
    failures(loginAttempts.ip, ip) >= THROTTLE_MAX_FAILURES_PER_CLIENT
  );
}

export function recordLoginAttempt(db: Pick<Db, 'insert'>, email: string, ip: string, success: boolean, now = new Date()): void {
  db.insert(loginAttempts).values({ email: normalizeEmail(email), ip, success, at: now.toISOString() }).run();
}
