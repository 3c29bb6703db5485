import 'server-only';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencies, digestSends, users } from '@/db/schema';
import { todoAgencyOf } from '@/lib/todo/access';

export interface DigestRecipient {
  userId: number;
  email: string;
  name: string;
  /** Korean display name (users.name_ko), if any. */
  nameKo: string | null;
  agencyId: number;
  agencyCode: string;
  country: string;
}

/** The active users with a to-do list (officials), by agency and address. */
export function digestRecipients(db: Db): DigestRecipient[] {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, nameKo: users.nameKo, role: users.role, active: users.active, agencyId: users.agencyId, agencyCode: agencies.code, country: agencies.country })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.active, true), isNotNull(users.agencyId)))
    .orderBy(asc(agencies.code), asc(users.email))
    .all()
    .filter((u) => todoAgencyOf(u) !== null)
    .map((u) => ({ userId: u.userId, email: u.email, name: u.name, nameKo: u.nameKo, agencyId: u.agencyId!, agencyCode: u.agencyCode, country: u.country }));
}

/** The delivery that already covers this user's week (sent or written), if any; a failed attempt does not. */
export function deliveredThisWeek(db: Db, userId: number, week: string) {
  return db
    .select({ status: digestSends.status, at: digestSends.at })
    .from(digestSends)
    .where(and(eq(digestSends.userId, userId), eq(digestSends.week, week), inArray(digestSends.status, ['sent', 'written'])))
    .get();
}

/** Logs one attempt. */
export function recordDigestSend(db: Db, row: typeof digestSends.$inferInsert): void {
  db.insert(digestSends).values(row).run();
}
