import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { timingDummyHash, verifyPassword } from './password';
import { createSession } from './sessions';
import { markAttemptSucceeded, normalizeEmail, startAttempt } from './throttle';

export type AuthenticationResult =
  | { ok: true; userId: number; email: string; name: string; sessionId: string }
  | { ok: false; reason: 'invalid_credentials' | 'throttled' };

/**
 * Checks a sign-in. Unknown e-mail, wrong password and disabled account all give the same
 * answer and take the same time; every attempt is recorded (before the password is checked,
 * so the throttle holds under parallel requests) and audited.
 */
export async function authenticate(db: Db, email: string, password: string, origin: string): Promise<AuthenticationResult> {
  const normalized = normalizeEmail(email).slice(0, 320);
  const attempt = startAttempt(db, normalized, origin);
  if (!attempt.allowed) {
    recordAudit(db, {
      actor: null,
      actorEmail: normalized,
      action: 'auth.login.throttled',
      targetType: 'user',
      targetId: normalized,
      after: { retryAt: attempt.retryAt.toISOString() },
      origin,
    });
    return { ok: false, reason: 'throttled' };
  }
  const user = db.select().from(users).where(eq(sql`lower(${users.email})`, normalized)).get();
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password.slice(0, 1024));
  const ok = !!user && passwordOk && user.active;

  if (!ok) {
    const reason = !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'account_disabled';
    recordAudit(db, {
      actor: user ? { id: user.id, email: user.email } : null,
      actorEmail: normalized,
      action: 'auth.login.failure',
      targetType: 'user',
      targetId: user?.id ?? normalized,
      after: { reason },
      origin,
    });
    return { ok: false, reason: 'invalid_credentials' };
  }

  const sessionId = db.transaction((tx) => {
    markAttemptSucceeded(tx, attempt.attemptId);
    recordAudit(tx, { actor: user, action: 'auth.login.success', targetType: 'user', targetId: user.id, origin });
    return createSession(tx as unknown as Db, user.id, origin);
  });
  return { ok: true, userId: user.id, email: user.email, name: user.name, sessionId };
}
