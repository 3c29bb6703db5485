import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencies, users, type User } from '@/db/schema';
import { recordAudit, type Actor, type RequestContext } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/guard';
import { containsEmailLocalPart } from '@/lib/auth/common-passwords';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { revokeOtherSessions } from '@/lib/auth/revoke-other-sessions';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { markAttemptSucceeded, startAttempt } from '@/lib/auth/throttle';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { parseInput } from '@/lib/validation/common';
import { ChangeOwnPasswordInput, CreateUserInput, ResetPasswordInput, UpdateUserAccessInput, UpdateUserNamesInput } from './input';

/** What the audit trail keeps of a user: never the hash. */
function publicView(u: User) {
  return { id: u.id, email: u.email, name: u.name, nameKo: u.nameKo, role: u.role, agencyId: u.agencyId, active: u.active, mustChangePassword: u.mustChangePassword };
}


function agencyIdFor(db: Db, code: string | undefined): number | null {
  if (!code) return null;
  const row = db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code)).get();
  if (!row) throw new ValidationError({ agencyCode: ['unknown_agency'] });
  return row.id;
}

function loadUser(db: Db, id: number): User {
  const u = db.select().from(users).where(eq(users.id, id)).get();
  if (!u) throw new NotFoundError('No such user');
  return u;
}

function emailTaken(db: Db, email: string): boolean {
  return !!db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase())).get();
}

/**
 * Inserts a user with an already-validated input; no permission check. For the admin service
 * below, the `user:create` command and the demo seed.
 */
export async function insertUser(
  db: Db,
  input: Omit<CreateUserInput, 'nameKo'> & { nameKo?: string | null },
  options: { mustChangePassword: boolean; actor: Actor | null; origin: string },
): Promise<User> {
  const agencyId = agencyIdFor(db, input.agencyCode);
  if (emailTaken(db, input.email)) throw new ValidationError({ email: ['email_taken'] });
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    const user = tx
      .insert(users)
      .values({ email: input.email, name: input.name, nameKo: input.nameKo ?? null, role: input.role, agencyId, passwordHash, mustChangePassword: options.mustChangePassword })
      .returning()
      .get();
    recordAudit(tx, { actor: options.actor, action: 'user.create', targetType: 'user', targetId: user.id, after: publicView(user), origin: options.origin });
    return user;
  });
}

/** Admin creates a user with a temporary password, to be changed at first sign-in. */
export async function createUser(db: Db, actor: Actor, raw: unknown, ctx: RequestContext): Promise<User> {
  authorize(db, actor, 'user.manage', undefined, ctx, 'user');
  return insertUser(db, parseInput(CreateUserInput, raw), { mustChangePassword: true, actor, origin: ctx.origin });
}

/** Enables or disables an account; disabling ends its sessions at once. */
export function setUserActive(db: Db, actor: Actor, userId: number, active: boolean, ctx: RequestContext): User {
  authorize(db, actor, 'user.manage', undefined, ctx, String(userId));
  const before = loadUser(db, userId);
  if (before.id === actor.id && !active) throw new ValidationError({ active: ['cannot_disable_self'] });
  return db.transaction((tx) => {
    const after = tx.update(users).set({ active, updatedAt: new Date().toISOString() }).where(eq(users.id, userId)).returning().get()!;
    if (!active) revokeUserSessions(tx, userId);
    recordAudit(tx, { actor, action: active ? 'user.enable' : 'user.disable', targetType: 'user', targetId: userId, before: publicView(before), after: publicView(after), origin: ctx.origin });
    return after;
  });
}

/** Changes the display names (English and Korean) a user is shown by. */
export function updateUserNames(db: Db, actor: Actor, userId: number, raw: unknown, ctx: RequestContext): User {
  authorize(db, actor, 'user.manage', undefined, ctx, String(userId));
  const input = parseInput(UpdateUserNamesInput, raw);
  const before = loadUser(db, userId);
  return db.transaction((tx) => {
    const after = tx.update(users).set({ name: input.name, nameKo: input.nameKo, updatedAt: new Date().toISOString() }).where(eq(users.id, userId)).returning().get()!;
    recordAudit(tx, { actor, action: 'user.update_names', targetType: 'user', targetId: userId, before: publicView(before), after: publicView(after), origin: ctx.origin });
    return after;
  });
}

/** Changes role and agency; the new rights apply from the user's next request. */
export function updateUserAccess(db: Db, actor: Actor, userId: number, raw: unknown, ctx: RequestContext): User {
  authorize(db, actor, 'user.manage', undefined, ctx, String(userId));
  const input = parseInput(UpdateUserAccessInput, raw);
  const before = loadUser(db, userId);
  if (before.id === actor.id && input.role !== before.role) throw new ValidationError({ role: ['cannot_change_own_role'] });
  const agencyId = agencyIdFor(db, input.agencyCode);
  return db.transaction((tx) => {
    const after = tx.update(users).set({ role: input.role, agencyId, updatedAt: new Date().toISOString() }).where(eq(users.id, userId)).returning().get()!;
    recordAudit(tx, { actor, action: 'user.update_access', targetType: 'user', targetId: userId, before: publicView(before), after: publicView(after), origin: ctx.origin });
    return after;
  });
}

/** A new password must not contain its owner's e-mail name; `field` names the form field. */
function refusePersonalPassword(password: string, email: string, field: string): void {
  if (containsEmailLocalPart(password, email)) throw new ValidationError({ [field]: ['password_contains_email'] });
}

/** Admin sets a temporary password; the user must change it at next sign-in; sessions end. */
export async function resetUserPassword(db: Db, actor: Actor, userId: number, raw: unknown, ctx: RequestContext): Promise<User> {
  authorize(db, actor, 'user.manage', undefined, ctx, String(userId));
  const input = parseInput(ResetPasswordInput, raw);
  const before = loadUser(db, userId);
  refusePersonalPassword(input.password, before.email, 'password');
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    const after = tx.update(users).set({ passwordHash, mustChangePassword: true, updatedAt: new Date().toISOString() }).where(eq(users.id, userId)).returning().get()!;
    revokeUserSessions(tx, userId);
    recordAudit(tx, { actor, action: 'user.reset_password', targetType: 'user', targetId: userId, before: publicView(before), after: publicView(after), origin: ctx.origin });
    return after;
  });
}

/** Where a password change comes from: the client address (for the throttle) and the session making it. */
export interface PasswordChangeSource {
  address: string;
  sessionId: string | null;
}

/**
 * Any signed-in user changes their own password (required after a reset). The current-password
 * check goes through the sign-in throttle and its failures are audited; the change ends every
 * other session of the user.
 */
export async function changeOwnPassword(db: Db, actor: Actor, raw: unknown, ctx: RequestContext, source: PasswordChangeSource): Promise<void> {
  const input = parseInput(ChangeOwnPasswordInput, raw);
  refusePersonalPassword(input.newPassword, actor.email, 'newPassword');
  const user = loadUser(db, actor.id);
  const attempt = startAttempt(db, user.email, source.address);
  const audit = { actor, targetType: 'user', targetId: actor.id, origin: ctx.origin };
  if (!attempt.allowed) {
    recordAudit(db, { ...audit, action: 'auth.password_check.throttled', after: { retryAt: attempt.retryAt.toISOString() } });
    throw new ValidationError({ currentPassword: ['too_many_attempts'] });
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    recordAudit(db, { ...audit, action: 'auth.password_check.failure' });
    throw new ValidationError({ currentPassword: ['wrong_password'] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  db.transaction((tx) => {
    markAttemptSucceeded(tx, attempt.attemptId);
    tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date().toISOString() }).where(eq(users.id, actor.id)).run();
    revokeOtherSessions(tx, actor.id, source.sessionId);
    recordAudit(tx, { ...audit, action: 'user.change_password' });
  });
}
