import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { settings } from '@/db/schema';

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
