import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { agencies } from '@/db/schema';

export function listAgencies(db: Db = getDb()) {
  return db
    .select({ id: agencies.id, code: agencies.code, nameKo: agencies.nameKo, shortNameKo: agencies.shortNameKo, nameEn: agencies.nameEn, country: agencies.country })
    .from(agencies)
    .orderBy(asc(agencies.country), asc(agencies.code))
    .all();
}

export type AgencyOption = ReturnType<typeof listAgencies>[number];
