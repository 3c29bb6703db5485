import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, auditEvents, commitments } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { verifyChains } from '@/lib/audit/chain';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { insertTestUser, snapshotTables, useSeededTestDb } from '@/lib/testing/test-db';
import { setAssignmentConfirmation } from './confirm-basis';
import { getCommitmentByCode } from './queries';

const TODAY = '2025-06-30';
const ctx = { origin: 'test' };
let db: Db;
let admin: Actor;
let official: Actor;

const version = (code: string) => db.select({ v: commitments.version }).from(commitments).where(eq(commitments.code, code)).get()!.v;
const confirm = (actor: Actor, code: string, agencyCode: string, extra: Record<string, unknown> = {}) =>
  setAssignmentConfirmation(db, actor, code, { confirmed: true, agencyCode, confirmedBy: 'Director Kim, International Cooperation', confirmedOn: '2025-06-01', evidenceUrl: 'https://example.org/letter.pdf', version: version(code), ...extra }, ctx, TODAY);
const withdraw = (actor: Actor, code: string, agencyCode: string) => setAssignmentConfirmation(db, actor, code, { confirmed: false, agencyCode, version: version(code) }, ctx, TODAY);
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
};

beforeEach(() => {
  db = useSeededTestDb();
  const a = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  admin = { id: a.id, email: a.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
  const mohw = db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'MOHW')).get()!.id;
  const o = insertTestUser(db, { email: 'mohw@example.org', role: 'official', agencyId: mohw, passwordHash: 'x' });
  official = { id: o.id, email: o.email, role: 'official', agencyId: mohw, agencyCode: 'MOHW', active: true, mustChangePassword: false };
});

describe('confirming an inferred assignment', () => {
  it('records who confirmed a partner link and when, audited, and withdraws it back to inferred with its reason', () => {
    const before = getCommitmentByCode('CET23-BIO-04', db)!.partners.find((p) => p.code === 'OPPR')!.basis;
    expect(before.basis).toBe('inferred');

    const result = confirm(admin, 'CET23-BIO-04', 'OPPR');
    expect(result).toMatchObject({ basis: 'confirmed', version: 2 });
    const confirmed = getCommitmentByCode('CET23-BIO-04', db)!.partners.find((p) => p.code === 'OPPR')!.basis;
    expect(confirmed).toEqual({ basis: 'confirmed', quote: null, reason: before.reason, confirmation: { by: 'Director Kim, International Cooperation', on: '2025-06-01', evidenceUrl: 'https://example.org/letter.pdf' } });
    const audit = db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.basis_confirm')).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetId: 'CET23-BIO-04', actorId: admin.id, before: { agency: 'OPPR', role: 'counterpart', basis: 'inferred' }, after: { agency: 'OPPR', basis: 'confirmed', confirmedOn: '2025-06-01' } });

    withdraw(admin, 'CET23-BIO-04', 'OPPR');
    expect(getCommitmentByCode('CET23-BIO-04', db)!.partners.find((p) => p.code === 'OPPR')!.basis).toEqual(before);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.basis_unconfirm')).all()).toHaveLength(1);
    expect(version('CET23-BIO-04')).toBe(3);
    expect(verifyChains(db.$client).ok).toBe(true);
  });

  it('confirms an inferred lead', () => {
    confirm(admin, 'CET23-BIO-04', 'MOHW', { evidenceUrl: '' });
    expect(getCommitmentByCode('CET23-BIO-04', db)!.leadBasis).toMatchObject({ basis: 'confirmed', confirmation: { by: 'Director Kim, International Cooperation', on: '2025-06-01', evidenceUrl: null } });
  });

  it('refuses, writing nothing: officials, stated or already confirmed links, unassigned agencies, future dates, stale versions, bad input', () => {
    const untouched = snapshotTables(db);
    expect(errorOf(() => confirm(official, 'CET23-BIO-04', 'OPPR'))).toBeInstanceOf(ForbiddenError);
    // The auth guard records the refusal; nothing else changed.
    expect(snapshotTables(db, ['audit_events'])).toEqual(Object.fromEntries(Object.entries(untouched).filter(([k]) => k !== 'audit_events')));
    const stated = errorOf(() => confirm(admin, 'CET23-BIO-01', 'NSF')) as ValidationError;
    expect(stated.fieldErrors).toEqual({ agencyCode: ['basis_already_stated'] });
    expect(errorOf(() => withdraw(admin, 'CET23-BIO-04', 'OPPR'))).toMatchObject({ fieldErrors: { agencyCode: ['basis_not_confirmed'] } });
    expect(errorOf(() => confirm(admin, 'CET23-BIO-04', 'NSF'))).toBeInstanceOf(NotFoundError);
    expect(errorOf(() => setAssignmentConfirmation(db, admin, 'CET23-NOPE-01', { confirmed: false, agencyCode: 'NSF', version: 1 }, ctx, TODAY))).toBeInstanceOf(NotFoundError);
    expect(errorOf(() => confirm(admin, 'CET23-BIO-04', 'OPPR', { confirmedOn: '2025-07-01' }))).toMatchObject({ fieldErrors: { confirmedOn: ['date_in_future'] } });
    expect(errorOf(() => confirm(admin, 'CET23-BIO-04', 'OPPR', { confirmedBy: ' ', evidenceUrl: 'javascript:alert(1)', confirmedOn: '2025-02-30' }))).toMatchObject({
      fieldErrors: { confirmedBy: ['required'], evidenceUrl: ['invalid_url'], confirmedOn: ['invalid_date'] },
    });
    expect(errorOf(() => confirm(admin, 'CET23-BIO-04', 'OPPR', { version: 7 }))).toBeInstanceOf(ConflictError);
    confirm(admin, 'CET23-BIO-04', 'OPPR');
    expect(errorOf(() => confirm(admin, 'CET23-BIO-04', 'OPPR'))).toMatchObject({ fieldErrors: { agencyCode: ['basis_already_confirmed'] } });
    expect(errorOf(() => setAssignmentConfirmation(db, admin, 'CET23-BIO-04', { confirmed: 'yes' }, ctx, TODAY))).toBeInstanceOf(ValidationError);
  });
});
