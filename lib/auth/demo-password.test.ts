import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { DEFAULT_DEMO_PASSWORD } from '@/db/seed/demo-users';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { checkDemoPassword, demoPasswordInForce } from './demo-password';
import { hashPassword } from './password';

let defaultHash: string;
beforeAll(async () => {
  defaultHash = await hashPassword(DEFAULT_DEMO_PASSWORD);
});

function demoDb(hash = defaultHash) {
  const db = useSeededTestDb();
  insertTestUser(db, { email: 'admin@demo.example', role: 'admin', passwordHash: hash });
  insertTestUser(db, { email: 'analyst@demo.example', role: 'analyst', passwordHash: hash });
  return db;
}

describe('the demo password the login page shows', () => {
  it('is the password when it opens a demo account', async () => {
    expect(await checkDemoPassword(demoDb(), DEFAULT_DEMO_PASSWORD)).toBe(DEFAULT_DEMO_PASSWORD);
  });

  it('is none when DEMO_PASSWORD (or the default) opens no demo account, or only a disabled one', async () => {
    const db = demoDb();
    expect(await checkDemoPassword(db, 'an-override-2024')).toBeNull();
    db.update(users).set({ active: false }).run();
    expect(await checkDemoPassword(db, DEFAULT_DEMO_PASSWORD)).toBeNull();
  });

  it('is checked once per process', async () => {
    const db = demoDb();
    expect(await demoPasswordInForce()).toBe(DEFAULT_DEMO_PASSWORD);
    db.update(users).set({ passwordHash: 'changed' }).where(eq(users.email, 'admin@demo.example')).run();
    db.update(users).set({ passwordHash: 'changed' }).where(eq(users.email, 'analyst@demo.example')).run();
    expect(await demoPasswordInForce()).toBe(DEFAULT_DEMO_PASSWORD);
  });
});
