import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { agencies, commitmentPartners, commitments, settings, users, type User } from '../schema';
import { agencyShortName } from '@/lib/agencies/short-name';
import { recordAudit } from '@/lib/audit/record';
import { NewPasswordInput } from '@/lib/auth/password';
import { insertUser } from '@/lib/users/service';

export const DEFAULT_DEMO_PASSWORD = 'demo-password-2023';
export const DEMO_EMAIL_DOMAIN = 'demo.example';

/**
 * Agencies that lead or partner on at least one commitment: each gets a demo official. A whole
 * government (kind `government`, a party the source names) is no office with officials of its own.
 */
function involvedAgencies(db: Db) {
  const ids = sql`(select ${commitments.leadAgencyId} from ${commitments} union select ${commitmentPartners.agencyId} from ${commitmentPartners})`;
  return db
    .select({ code: agencies.code, nameKo: agencies.nameKo, shortNameKo: agencies.shortNameKo, nameEn: agencies.nameEn })
    .from(agencies)
    .where(sql`${agencies.id} in ${ids} and ${agencies.kind} != 'government'`)
    .orderBy(agencies.code)
    .all();
}

/**
 * Demo accounts: admin@, analyst@ and <agency code>@demo.example for every involved agency,
 * all with the same password, each with an English and a Korean display name ("MSIT official" /
 * "과기정통부 담당자"). Idempotent: existing accounts keep their password and names, except that
 * one without a Korean name (a database seeded before there were any) is given it.
 * Marks the installation as a demo so the UI shows a banner.
 */
export async function seedDemoUsers(db: Db, password: string = DEFAULT_DEMO_PASSWORD): Promise<number> {
  // DEMO_PASSWORD follows the same rules as every other password.
  const checked = NewPasswordInput.safeParse(password);
  if (!checked.success) throw new Error(`DEMO_PASSWORD is refused (${checked.error.issues.map((i) => i.message).join(', ')}): choose another.`);
  const wanted = [
    { email: `admin@${DEMO_EMAIL_DOMAIN}`, name: 'Demo Administrator', nameKo: '관리자', role: 'admin' as const, agencyCode: undefined },
    { email: `analyst@${DEMO_EMAIL_DOMAIN}`, name: 'Demo Analyst', nameKo: '분석 담당자', role: 'analyst' as const, agencyCode: undefined },
    ...involvedAgencies(db).map((a) => ({
      email: `${a.code.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`,
      name: `${a.code} official`,
      nameKo: `${agencyShortName(a, 'ko')} 담당자`,
      role: 'official' as const,
      agencyCode: a.code,
    })),
  ];
  let created = 0;
  for (const u of wanted) {
    const existing = db.select().from(users).where(eq(users.email, u.email)).get();
    if (existing) {
      if (existing.nameKo === null) nameInKorean(db, existing, u.nameKo);
      continue;
    }
    await insertUser(db, { ...u, password }, { mustChangePassword: false, actor: null, origin: 'seed' });
    created += 1;
  }
  db.insert(settings).values({ key: 'demo_mode', value: '1' }).onConflictDoNothing().run();
  return created;
}

/** Gives an existing demo account its Korean display name, audited like any change to a user. */
function nameInKorean(db: Db, user: User, nameKo: string): void {
  db.transaction((tx) => {
    const changed = tx.update(users).set({ nameKo, updatedAt: new Date().toISOString() }).where(and(eq(users.id, user.id), isNull(users.nameKo))).run().changes;
    if (changed) recordAudit(tx, { actor: null, action: 'user.update_names', targetType: 'user', targetId: user.id, before: { nameKo: null }, after: { nameKo }, origin: 'seed' });
  });
}
