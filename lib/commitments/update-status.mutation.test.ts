import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { auditEvents, claims, commitmentPartners, commitments, statusUpdates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { setCommitmentArchived } from '@/lib/admin/commitment-service';
import { decideClaim } from '@/lib/claims/decide';
import { projectedEdit, useSeededTestDb } from '@/lib/testing/test-db';
import { fieldErrorsOf as fieldErrorsWritingNothing, refusal as refusalOf, testActor } from '@/lib/testing/refusal';
import { canUpdateCommitment, updateAvailability, updateCommitmentStatus } from './update-status';

// Issue #18: pins what the first Stryker run left alive in update-status.ts (the default date,
// input that is no object, the note rule's edges, the in-transaction archive check, the claim and
// audit fields, the availability helpers).

const TODAY = '2025-06-30';
const CODE = 'CET23-BIO-01';
const ctx = { origin: 'test' };
let db: Db;
let official: Actor;
let admin: Actor;

const actorFor = (email: string, role: Actor['role'], agencyCode: string | null) => testActor(db, email, role, agencyCode);

const base = { status: 'in_progress', progress: 10, note: '', effectiveDate: '2024-01-10', version: 1 };
const update = (input: Record<string, unknown>, who: Actor = official, code = CODE) => updateCommitmentStatus(db, who, code, { ...base, ...input }, ctx, TODAY);
const commitmentRow = (code = CODE) => db.select().from(commitments).where(eq(commitments.code, code)).get()!;
const statusAudits = () => db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.status_update')).all();

/** The error `fn` throws, after checking it wrote nothing (outside the tables named). */
const refusal = (fn: () => unknown, except: string[] = []) => refusalOf(db, fn, except);
const fieldErrorsOf = (fn: () => unknown) => fieldErrorsWritingNothing(db, fn);

beforeEach(() => {
  db = useSeededTestDb();
  official = actorFor('msit@example.org', 'official', 'MSIT');
  admin = actorFor('admin@example.org', 'admin', null);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('input that is no object', () => {
  it.each([
    ['null', null],
    ['a string', 'in_progress'],
    ['an array', [base]],
  ])('refuses %s as a whole, not field by field', (_label, raw) => {
    expect(fieldErrorsOf(() => updateCommitmentStatus(db, official, CODE, raw, ctx, TODAY))).toEqual({ _form: [expect.any(String)] });
  });
});

describe('the effective date', () => {
  it.each([
    ['null', null],
    ['empty', ''],
  ])('defaults to today when it is %s', (_label, effectiveDate) => {
    expect(update({ effectiveDate }).version).toBe(2);
    expect(db.select().from(statusUpdates).get()!.effectiveDate).toBe(TODAY);
  });

  it('may be the adoption day itself', () => {
    expect(commitmentRow().adoptedOn).toBe('2023-12-09');
    expect(update({ effectiveDate: '2023-12-09' }).version).toBe(2);
    expect(fieldErrorsOf(() => update({ effectiveDate: '2023-12-08', version: 2 }))).toEqual({ effectiveDate: ['date_before_dialogue'] });
  });
});

describe('the note rule', () => {
  it('asks for a note when a move into delayed sends none at all', () => {
    expect(fieldErrorsOf(() => update({ status: 'delayed', note: undefined }))).toEqual({ note: ['note_required'] });
  });

  it('asks for no new note while the status stays delayed', () => {
    update({ status: 'delayed', note: 'Procurement slipped' });
    expect(update({ status: 'delayed', progress: 20, note: '', version: 2 })).toMatchObject({ status: 'delayed', progress: 20, version: 3 });
  });
});

describe('refusals', () => {
  it('names the unknown code', () => {
    const e = refusal(() => update({}, official, 'CET23-XXX-99'));
    expect(e).toBeInstanceOf(NotFoundError);
    expect((e as NotFoundError).message).toBe('No commitment has the code CET23-XXX-99');
  });

  it('refuses an archived commitment as archived even when the input is invalid too', () => {
    setCommitmentArchived(db, admin, CODE, true, ctx);
    const e = refusal(() => update({ progress: 101, version: commitmentRow().version }));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).messageKey).toBe('update.archived');
  });

  it('refuses, under the write lock, a commitment an admin archived after the first check', () => {
    const transaction = db.transaction.bind(db);
    vi.spyOn(db, 'transaction').mockImplementationOnce(((fn: Parameters<Db['transaction']>[0], config: Parameters<Db['transaction']>[1]) => {
      // The admin's archive commits between the service's check and its transaction.
      setCommitmentArchived(db, admin, CODE, true, ctx);
      return transaction(fn, config);
    }) as Db['transaction']);
    expect(() => update({})).toThrow(expect.objectContaining({ messageKey: 'update.archived' }));
    expect(commitmentRow().archivedAt).not.toBeNull();
    expect(db.select().from(statusUpdates).all()).toEqual([]);
    expect(statusAudits()).toEqual([]);
  });

  it('says why a stale version is refused', () => {
    update({});
    const e = refusal(() => update({ progress: 50 }));
    expect(e).toBeInstanceOf(ConflictError);
    expect(e).toMatchObject({ message: 'The commitment was changed by someone else since you loaded it', messageKey: 'update.conflict' });
  });
});

describe('closed commitments', () => {
  it('lets an official record another completion of a confirmed completed commitment (no reopening)', () => {
    update({ status: 'completed', progress: 100 });
    const nsf = actorFor('nsf@example.org', 'official', 'NSF');
    const updateId = db.select().from(statusUpdates).get()!.id;
    decideClaim(db, nsf, CODE, { decision: 'confirm', updateId, version: 2, effectiveDate: '2024-01-20' }, ctx, TODAY);
    expect(update({ status: 'completed', progress: 100, note: 'Final report filed', effectiveDate: '2024-02-01', version: 3 })).toMatchObject({ status: 'completed', version: 4 });
  });

  it('leaves reopening to an admin when the completion was no claim (no other side to answer it)', () => {
    projectedEdit(db, [CODE], (tx) => void tx.delete(commitmentPartners).where(eq(commitmentPartners.commitmentId, commitmentRow().id)).run());
    update({ status: 'completed', progress: 100 });
    expect(db.select().from(claims).all()).toEqual([]);
    // Only the refusal itself is recorded.
    const e = refusal(() => update({ status: 'in_progress', progress: 80, effectiveDate: '2024-02-01', version: 2 }), ['audit_events']);
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(db.select().from(auditEvents).all().at(-1)).toMatchObject({ action: 'access.denied', targetType: 'commitment.reopen', targetId: CODE });
    expect(update({ status: 'in_progress', progress: 80, effectiveDate: '2024-02-01', version: 2 }, admin).status).toBe('in_progress');
  });
});

describe('what is recorded', () => {
  it('a claim to every other country, and an audit event with every field', () => {
    const nso = actorFor('nso@example.org', 'official', 'NSO');
    const before = commitmentRow('CET23-TRI-01');
    const state = update({ status: 'completed', progress: 100, note: 'Done', evidenceUrl: 'https://example.org/report' }, nso, 'CET23-TRI-01');
    const entry = db.select().from(statusUpdates).get()!;
    expect(db.select().from(claims).all()).toEqual([
      { updateId: entry.id, commitmentId: before.id, side: 'KR', counterSides: 'IN,US', effectiveDate: '2024-01-10', recordedAt: entry.recordedAt },
    ]);
    const [event, ...rest] = statusAudits();
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ actorId: nso.id, actorEmail: nso.email, targetType: 'commitment', targetId: 'CET23-TRI-01', origin: 'test' });
    expect(event!.before).toEqual({ code: 'CET23-TRI-01', status: before.status, progress: before.progress, version: before.version, updatedAt: before.updatedAt });
    expect(event!.after).toEqual({
      ...state,
      note: 'Done',
      evidenceUrl: 'https://example.org/report',
      effectiveDate: '2024-01-10',
      statusUpdateId: entry.id,
      statusUpdateHash: entry.hash,
      claim: { side: 'KR', counterSides: ['IN', 'US'] },
    });
  });

  it('an audit event without evidence or claim saying so', () => {
    const state = update({ progress: 30, note: 'Call issued' });
    const entry = db.select().from(statusUpdates).get()!;
    expect(statusAudits().map((e) => e.after)).toEqual([
      { ...state, note: 'Call issued', evidenceUrl: null, effectiveDate: '2024-01-10', statusUpdateId: entry.id, statusUpdateHash: entry.hash },
    ]);
  });
});

describe('who may update', () => {
  it('allows an involved official', () => {
    expect(updateAvailability(official, CODE, db)).toBe('allowed');
    expect(canUpdateCommitment(official, CODE, db)).toBe(true);
  });

  it('forbids an official of an uninvolved agency, and any unknown code', () => {
    const kesco = actorFor('kesco@example.org', 'official', 'KESCO');
    expect(updateAvailability(kesco, CODE, db)).toBe('forbidden');
    expect(canUpdateCommitment(kesco, CODE, db)).toBe(false);
    expect(updateAvailability(official, 'CET23-XXX-99', db)).toBe('forbidden');
    expect(updateAvailability(admin, 'CET23-XXX-99', db)).toBe('forbidden');
  });
});
