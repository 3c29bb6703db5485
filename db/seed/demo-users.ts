import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { agencies, commitmentPartners, commitments, settings, users } from '../schema';
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
    .select({ code: agencies.code, nameEn: agencies.nameEn })
    .from(agencies)
    .where(sql`${agencies.id} in ${ids} and ${agencies.kind} != 'government'`)
    .orderBy(agencies.code)
    .all();
}

/**
 * Demo accounts: admin@, analyst@ and <agency code>@demo.example for every involved agency,
 * all with the same password. Idempotent: existing accounts are left as they are.
 * Marks the installation as a demo so the UI shows a banner.
 */
export async function seedDemoUsers(db: Db, password: string = DEFAULT_DEMO_PASSWORD): Promise<number> {
  // DEMO_PASSWORD follows the same rules as every other password.
  const checked = NewPasswordInput.safeParse(password);
  if (!checked.success) throw new Error(`DEMO_PASSWORD is refused (${checked.error.issues.map((i) => i.message).join(', ')}): choose another.`);
  const wanted = [
    { email: `admin@${DEMO_EMAIL_DOMAIN}`, name: 'Demo Administrator', role: 'admin' as const, agencyCode: undefined },
    { email: `analyst@${DEMO_EMAIL_DOMAIN}`, name: 'Demo Analyst', role: 'analyst' as const, agencyCode: undefined },
    ...involvedAgencies(db).map((a) => ({
      email: `${a.code.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`,
      name: `${a.code} official`,
      role: 'official' as const,
      agencyCode: a.code,
    })),
  ];
  let created = 0;
  for (const u of wanted) {
    if (db.select({ id: users.id }).from(users).where(eq(users.email, u.email)).get()) continue;
    await insertUser(db, { ...u, password }, { mustChangePassword: false, actor: null, origin: 'seed' });
    created += 1;
  }
  db.insert(settings).values({ key: 'demo_mode', value: '1' }).onConflictDoNothing().run();
  return created;
}
