import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { settings } from '@/db/schema';
import { isDemoInstallation } from '@/lib/settings/queries';

let cached: string | undefined;

/**
 * NEXTAUTH_SECRET when set; otherwise a random secret generated once per installation and kept
 * in the database, so sessions survive restarts without a manual step.
 */
export function getAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (cached) return cached;
  const db = getDb();
  db.insert(settings).values({ key: 'auth_secret', value: randomBytes(32).toString('base64url') }).onConflictDoNothing().run();
  cached = db.select().from(settings).where(eq(settings.key, 'auth_secret')).get()!.value;
  return cached;
}

export const SECRET_IN_DATABASE_WARNING =
  'NEXTAUTH_SECRET is not set: the key that encrypts session cookies and signs CSRF tokens is kept in the database ' +
  '(settings.auth_secret), so every copy of the database file carries it. Set NEXTAUTH_SECRET (32+ random bytes) in production.';

/**
 * Said once at start (instrumentation.ts): outside a demo installation the cookie key should not
 * live next to the data it protects.
 */
export function warnIfSecretInDatabase(db: Db, env: { NEXTAUTH_SECRET?: string } = process.env): void {
  if (env.NEXTAUTH_SECRET || isDemoInstallation(db)) return;
  console.warn(SECRET_IN_DATABASE_WARNING);
}
