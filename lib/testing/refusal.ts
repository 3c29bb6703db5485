import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { agencies } from '@/db/schema';
import { eq } from 'drizzle-orm';
import type { Actor } from '@/lib/audit/record';
import { ValidationError } from '@/lib/errors';
import { insertTestUser, snapshotTables } from './test-db';

/** A user of `role` (an official of `agencyCode`) as the services see them. */
export function testActor(db: Db, email: string, role: Actor['role'], agencyCode: string | null = null): Actor {
  const agencyId = agencyCode ? db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, agencyCode)).get()!.id : null;
  const u = insertTestUser(db, { email, role, agencyId, passwordHash: 'x', name: email.split('@')[0] });
  return { id: u.id, email, role, agencyId, agencyCode, active: true, mustChangePassword: false };
}

/** The error `fn` throws, after checking it wrote nothing (outside the tables named); fails when it throws none. */
export function refusal(db: Db, fn: () => unknown, except: string[] = []): unknown {
  const before = snapshotTables(db, except);
  try {
    fn();
  } catch (e) {
    expect(snapshotTables(db, except)).toEqual(before);
    return e;
  }
  return expect.unreachable('should have thrown');
}

/** The field errors of the ValidationError `fn` throws, after checking it wrote nothing. */
export function fieldErrorsOf(db: Db, fn: () => unknown): Record<string, string[]> {
  const e = refusal(db, fn);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).fieldErrors;
}
