import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { useSeededTestDb, useTestDbCopy } from '@/lib/testing/test-db';
import { displayName } from '@/lib/users/display-name';
import { seedDemoUsers } from './demo-users';

const names = (db: Db) => Object.fromEntries(db.select({ email: users.email, name: users.name, nameKo: users.nameKo }).from(users).all().map((u) => [u.email.split('@')[0], u]));

// Hashing a password per account takes seconds: seed once, and give each case a copy.
let seeded: Buffer;
beforeAll(async () => {
  const db = useSeededTestDb();
  await seedDemoUsers(db);
  seeded = db.$client.serialize();
}, 60_000);

describe('demo accounts', () => {
  it('have Korean display names: the role, or the agency’s short name and 담당자', () => {
    const db = useTestDbCopy(seeded);
    const n = names(db);
    expect(n.admin).toMatchObject({ name: 'Demo Administrator', nameKo: '관리자' });
    expect(n.analyst).toMatchObject({ name: 'Demo Analyst', nameKo: '분석 담당자' });
    expect(n.msit).toMatchObject({ name: 'MSIT official', nameKo: '과기정통부 담당자' });
    expect(n.motie!.nameKo).toBe('산업부 담당자');
    expect(n.doc!.nameKo).toBe('미 상무부 담당자');
    expect(n.nsf!.nameKo).toBe('NSF 담당자');
    // No short name in the glossary: the agency's Korean name.
    expect(n.rist!.nameKo).toBe('포항산업과학연구원 담당자');
    expect(displayName(n.msit!, 'ko')).toBe('과기정통부 담당자');
    expect(displayName(n.msit!, 'en')).toBe('MSIT official');
  });

  it('re-seeding gives existing accounts without a Korean name one, and keeps names an administrator set', async () => {
    const db = useTestDbCopy(seeded);
    db.update(users).set({ nameKo: null }).run();
    db.update(users).set({ nameKo: '김과기' }).where(eq(users.email, 'msit@demo.example')).run();
    expect(await seedDemoUsers(db)).toBe(0);
    const n = names(db);
    expect(n.admin!.nameKo).toBe('관리자');
    expect(n.nsf!.nameKo).toBe('NSF 담당자');
    expect(n.msit!.nameKo).toBe('김과기');
  }, 60_000);
});
