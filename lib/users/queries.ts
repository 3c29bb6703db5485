import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { agencies, users } from '@/db/schema';

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  nameKo: users.nameKo,
  role: users.role,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  agencyCode: agencies.code,
  agencyNameKo: agencies.nameKo,
  agencyShortNameKo: agencies.shortNameKo,
  agencyNameEn: agencies.nameEn,
};

export function listUsers(db: Db = getDb()) {
  return db.select(columns).from(users).leftJoin(agencies, eq(agencies.id, users.agencyId)).orderBy(asc(users.email)).all();
}

export function getUser(id: number, db: Db = getDb()) {
  return db.select(columns).from(users).leftJoin(agencies, eq(agencies.id, users.agencyId)).where(eq(users.id, id)).get();
}

export type UserRow = ReturnType<typeof listUsers>[number];
