import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { settings } from '@/db/schema';
import { createTestDb } from '@/lib/testing/test-db';
import { SECRET_IN_DATABASE_WARNING, warnIfSecretInDatabase } from './secret';

let db: Db;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  db = createTestDb();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('the start-up warning about the cookie key', () => {
  it('says the key lives in the database when NEXTAUTH_SECRET is unset outside demo mode', () => {
    warnIfSecretInDatabase(db, {});
    expect(warn).toHaveBeenCalledWith(SECRET_IN_DATABASE_WARNING);
    expect(SECRET_IN_DATABASE_WARNING).toMatch(/NEXTAUTH_SECRET is not set.*database/);
  });

  it('stays silent when NEXTAUTH_SECRET is set, or on a demo installation', () => {
    warnIfSecretInDatabase(db, { NEXTAUTH_SECRET: 'x'.repeat(43) });
    db.insert(settings).values({ key: 'demo_mode', value: '1' }).run();
    warnIfSecretInDatabase(db, {});
    expect(warn).not.toHaveBeenCalled();
  });
});
