import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { users } from '@/db/schema';
import { DEFAULT_DEMO_PASSWORD, DEMO_EMAIL_DOMAIN } from '@/db/seed/demo-users';
import { verifyPassword } from './password';

/** The demo accounts the check signs in as, so to speak: one of them is enough. */
const PROBE_ACCOUNTS = [`admin@${DEMO_EMAIL_DOMAIN}`, `analyst@${DEMO_EMAIL_DOMAIN}`];

/**
 * `candidate` when it is the password of an active demo account (admin@ or analyst@), else null:
 * the login notice names a password only when it works.
 */
export async function checkDemoPassword(db: Db, candidate: string): Promise<string | null> {
  const rows = db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(inArray(users.email, PROBE_ACCOUNTS), eq(users.active, true)))
    .all();
  for (const r of rows) if (await verifyPassword(r.passwordHash, candidate)) return candidate;
  return null;
}

let inForce: { answer: Promise<string | null>; at: number } | undefined;
/** How long an answer stands: a password reset of the demo accounts shows within this time. */
const RECHECK_MS = 60_000;

/**
 * The demo password in force (DEMO_PASSWORD, else the default) if it opens a demo account, else
 * null. Checked at most once a minute per process: argon2 takes a noticeable time, and the login
 * page asks on every visit.
 */
export function demoPasswordInForce(now = Date.now()): Promise<string | null> {
  if (!inForce || now - inForce.at >= RECHECK_MS) {
    inForce = { answer: checkDemoPassword(getDb(), process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD).catch(() => null), at: now };
  }
  return inForce.answer;
}
