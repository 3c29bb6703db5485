import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { settings } from '@/db/schema';

/** True when the database was seeded with the demo accounts (`npm run demo`, the e2e suite). */
export function isDemoInstallation(db: Db = getDb()): boolean {
  return db.select().from(settings).where(eq(settings.key, 'demo_mode')).get()?.value === '1';
}
