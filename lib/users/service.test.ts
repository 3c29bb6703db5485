import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditEvents, sessions, users } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { createSession, resolveSession } from '@/lib/auth/sessions';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { changeOwnPassword, createUser, resetUserPassword, setUserActive, updateUserAccess, updateUserNames } from './service';

const ctx = { origin: 'test' };
const source = { address: '192.0.2.9', sessionId: null };
let db: Db;
let admin: Actor;
let targetId: number;
let hash: string;

beforeAll(async () => {
  hash = await hashPassword('original-password-1');
});
beforeEach(() => {
  db = useSeededTestDb();
  const a = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: hash });
  admin = { id: a.id, email: a.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
  targetId = insertTestUser(db, { email: 'target@example.org', role: 'analyst', passwordHash: hash }).id;
});

const fieldErrors = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldErrors;
    throw e;
  }
  return null;
};

describe('user administration', () => {
  it('creates an official with a temporary password they must change', async () => {
    const u = await createUser(db, admin, { email: 'New@Example.org', name: 'New', role: 'official', agencyCode: 'msit', password: 'temporary-pass-2024' }, ctx);
    expect(u).toMatchObject({ role: 'official', mustChangePassword: true, active: true });
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = db.select().from(auditEvents).where(eq(auditEvents.action, 'user.create')).get()!;
    expect(JSON.stringify(audit.after)).not.toContain('passwordHash');
  });

  it('refuses an official without an agency, an analyst with one, duplicates and weak passwords', async () => {
    const base = { email: 'x@example.org', name: 'X', password: 'temporary-pass-2024' };
    expect(await fieldErrors(createUser(db, admin, { ...base, role: 'official' }, ctx))).toEqual({ agencyCode: ['agency_required'] });
    expect(await fieldErrors(createUser(db, admin, { ...base, role: 'analyst', agencyCode: 'MSIT' }, ctx))).toEqual({ agencyCode: ['agency_only_for_officials'] });
    expect(await fieldErrors(createUser(db, admin, { ...base, email: 'TARGET@example.org', role: 'analyst' }, ctx))).toEqual({ email: ['email_taken'] });
    expect(await fieldErrors(createUser(db, admin, { ...base, role: 'analyst', password: 'password1234' }, ctx))).toEqual({ password: ['password_too_common'] });
    expect(await fieldErrors(createUser(db, admin, { ...base, role: 'official', agencyCode: 'ZZZ' }, ctx))).toEqual({ agencyCode: ['unknown_agency'] });
    expect(db.select().from(users).all()).toHaveLength(2);
  });

  it('disabling ends the user’s sessions; an admin cannot disable themself', async () => {
    const sid = createSession(db, targetId, 'test');
    setUserActive(db, admin, targetId, false, ctx);
    expect(resolveSession(db, sid)).toBeNull();
    expect(await fieldErrors(() => setUserActive(db, admin, admin.id, false, ctx))).toEqual({ active: ['cannot_disable_self'] });
  });

  it('changes role and agency, but not the admin’s own role', async () => {
    expect(updateUserAccess(db, admin, targetId, { role: 'official', agencyCode: 'NIST' }, ctx).role).toBe('official');
    expect(await fieldErrors(() => updateUserAccess(db, admin, admin.id, { role: 'analyst' }, ctx))).toEqual({ role: ['cannot_change_own_role'] });
  });

  it('a reset forces a password change and ends sessions; changing it clears the flag', async () => {
    const sid = createSession(db, targetId, 'test');
    await resetUserPassword(db, admin, targetId, { password: 'temporary-pass-5555' }, ctx);
    expect(resolveSession(db, sid)).toBeNull();
    const target: Actor = { id: targetId, email: 'target@example.org', role: 'analyst', agencyId: null, agencyCode: null, active: true, mustChangePassword: true };
    expect(await fieldErrors(changeOwnPassword(db, target, { currentPassword: 'wrong', newPassword: 'my-own-secret-99', confirmPassword: 'my-own-secret-99' }, ctx, source))).toEqual({ currentPassword: ['wrong_password'] });
    expect(await fieldErrors(changeOwnPassword(db, target, { currentPassword: 'temporary-pass-5555', newPassword: 'my-own-secret-99', confirmPassword: 'different-9999' }, ctx, source))).toEqual({ confirmPassword: ['passwords_differ'] });
    await changeOwnPassword(db, target, { currentPassword: 'temporary-pass-5555', newPassword: 'my-own-secret-99', confirmPassword: 'my-own-secret-99' }, ctx, source);
    const u = db.select().from(users).where(eq(users.id, targetId)).get()!;
    expect(u.mustChangePassword).toBe(false);
    expect(await verifyPassword(u.passwordHash, 'my-own-secret-99')).toBe(true);
    expect(db.select().from(sessions).where(eq(sessions.userId, targetId)).all().every((s) => s.revokedAt)).toBe(true);
  });

  it('refuses passwords on the common list, common ones padded or doubled, and ones containing the e-mail name', async () => {
    for (const password of ['iloveyou12345', '1qaz2wsx3edc', 'sunshine!!2024', 'qwertyqwerty']) {
      expect(await fieldErrors(resetUserPassword(db, admin, targetId, { password }, ctx))).toEqual({ password: ['password_too_common'] });
    }
    expect(await fieldErrors(resetUserPassword(db, admin, targetId, { password: 'Target-at-the-office-7' }, ctx))).toEqual({ password: ['password_contains_email'] });
    const base = { email: 'jkim.lee@example.org', name: 'J', role: 'analyst', password: 'xjkim.leex-2024' };
    expect(await fieldErrors(createUser(db, admin, base, ctx))).toEqual({ password: ['password_contains_email'] });
    const target: Actor = { id: targetId, email: 'target@example.org', role: 'analyst', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
    const change = { currentPassword: 'original-password-1', newPassword: 'my-target-secret-99', confirmPassword: 'my-target-secret-99' };
    expect(await fieldErrors(changeOwnPassword(db, target, change, ctx, source))).toEqual({ newPassword: ['password_contains_email'] });
    expect(await verifyPassword(db.select().from(users).where(eq(users.id, targetId)).get()!.passwordHash, 'original-password-1')).toBe(true);
  });
});

describe('changing one’s own password', () => {
  const target = (): Actor => ({ id: targetId, email: 'target@example.org', role: 'analyst', agencyId: null, agencyCode: null, active: true, mustChangePassword: false });
  const change = (currentPassword: string) => ({ currentPassword, newPassword: 'a-brand-new-secret-42', confirmPassword: 'a-brand-new-secret-42' });

  it('ends the user’s other sessions and keeps the one that made the change', async () => {
    const current = createSession(db, targetId, 'test');
    const laptop = createSession(db, targetId, 'test');
    const phone = createSession(db, targetId, 'test');
    const adminSession = createSession(db, admin.id, 'test');
    await changeOwnPassword(db, target(), change('original-password-1'), ctx, { address: '192.0.2.9', sessionId: current });
    expect(resolveSession(db, current)?.id).toBe(targetId);
    expect(resolveSession(db, laptop)).toBeNull();
    expect(resolveSession(db, phone)).toBeNull();
    expect(resolveSession(db, adminSession)?.id).toBe(admin.id);
  });

  it('throttles the current-password check like sign-in and audits its failures', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await fieldErrors(changeOwnPassword(db, target(), change(`wrong-guess-${i}`), ctx, source))).toEqual({ currentPassword: ['wrong_password'] });
    }
    expect(await fieldErrors(changeOwnPassword(db, target(), change('original-password-1'), ctx, source))).toEqual({ currentPassword: ['too_many_attempts'] });
    const actions = db.select().from(auditEvents).all().map((e) => e.action);
    expect(actions.filter((a) => a === 'auth.password_check.failure')).toHaveLength(5);
    expect(actions.filter((a) => a === 'auth.password_check.throttled')).toHaveLength(1);
    expect(actions).not.toContain('user.change_password');
    expect(await verifyPassword(db.select().from(users).where(eq(users.id, targetId)).get()!.passwordHash, 'original-password-1')).toBe(true);
  });
});

describe('display names', () => {
  const user = () => db.select().from(users).where(eq(users.id, targetId)).get()!;

  it('creates a user with a Korean display name, or none when it is left blank', async () => {
    const base = { role: 'analyst', password: 'temporary-pass-2024' };
    expect((await createUser(db, admin, { ...base, email: 'ko@example.org', name: 'Analyst Kim', nameKo: ' 분석 담당자 ' }, ctx)).nameKo).toBe('분석 담당자');
    expect((await createUser(db, admin, { ...base, email: 'blank@example.org', name: 'Analyst Lee', nameKo: '' }, ctx)).nameKo).toBeNull();
  });

  it('lets an administrator change both names, audited, and refuses a blank English name', async () => {
    updateUserNames(db, admin, targetId, { name: 'Target Person', nameKo: '대상자' }, ctx);
    expect(user()).toMatchObject({ name: 'Target Person', nameKo: '대상자' });
    const audit = db.select().from(auditEvents).where(eq(auditEvents.action, 'user.update_names')).get()!;
    expect(audit.after).toMatchObject({ name: 'Target Person', nameKo: '대상자' });
    updateUserNames(db, admin, targetId, { name: 'Target Person', nameKo: '  ' }, ctx);
    expect(user().nameKo).toBeNull();
    expect(await fieldErrors(() => updateUserNames(db, admin, targetId, { name: ' ', nameKo: '대상자' }, ctx))).toEqual({ name: ['required'] });
  });

  it('refuses analysts and officials, writing nothing', () => {
    const before = user();
    for (const role of ['analyst', 'official'] as const) {
      const agencyId = role === 'official' ? 1 : null;
      const u = insertTestUser(db, { email: `${role}-x@example.org`, role, agencyId, passwordHash: hash });
      const actor: Actor = { id: u.id, email: u.email, role, agencyId, agencyCode: null, active: true, mustChangePassword: false };
      expect(() => updateUserNames(db, actor, targetId, { name: 'Hijacked', nameKo: '탈취' }, ctx)).toThrow(ForbiddenError);
    }
    expect(user()).toEqual(before);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'user.update_names')).all()).toHaveLength(0);
  });
});
