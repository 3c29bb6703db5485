import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, auditEvents, claimDecisions, claims, commitmentPartners, commitments, statusUpdates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { insertTestUser, snapshotTables, useSeededTestDb } from '@/lib/testing/test-db';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { listAsOf } from '@/lib/as-of/list';
import { CommitmentFilterInput } from '@/lib/commitments/filters';
import { decideClaim } from './decide';
import { claimAt, claimCounts, sideViewsAt } from './queries';

const TODAY = '2024-12-31';
const ctx = { origin: 'test' };
const CODE = 'CET23-BIO-01'; // MSIT (KR) leads, NSF (US) partners
let db: Db;
let msit: Actor;
let nsf: Actor;
let nih: Actor;
let admin: Actor;

function actorFor(email: string, role: Actor['role'], agencyCode: string | null): Actor {
  const agencyId = agencyCode ? db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, agencyCode)).get()!.id : null;
  const u = insertTestUser(db, { email, role, agencyId, passwordHash: 'x' });
  return { id: u.id, email, role, agencyId, agencyCode, active: true, mustChangePassword: false };
}

const version = (code = CODE) => db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;
const commitmentId = (code = CODE) => db.select().from(commitments).where(eq(commitments.code, code)).get()!.id;
const record = (who: Actor, status: string, progress: number, effectiveDate: string, code = CODE) =>
  updateCommitmentStatus(db, who, code, { status, progress, note: `${status} by ${who.email}`, effectiveDate, version: version(code) }, ctx, TODAY);
const lastUpdateId = () => db.select().from(statusUpdates).all().at(-1)!.id;
const answer = (who: Actor, decision: 'confirm' | 'dispute', effectiveDate: string, note = '', code = CODE) =>
  decideClaim(db, who, code, { decision, note, updateId: lastUpdateId(), effectiveDate, version: version(code) }, ctx, TODAY);
const counts = (date: string) => claimCounts(db, [], date);
const listed = (confirmation: 'pending' | 'pending_overdue' | 'disputed', asOf: string) =>
  listAsOf(CommitmentFilterInput.parse({ confirmation, asOf }), TODAY, db).items.map((i) => i.code);

beforeEach(() => {
  db = useSeededTestDb();
  msit = actorFor('msit@example.org', 'official', 'MSIT');
  nsf = actorFor('nsf@example.org', 'official', 'NSF');
  nih = actorFor('nih@example.org', 'official', 'NIH');
  admin = actorFor('admin@example.org', 'admin', null);
});

describe('a claim asks the other side', () => {
  it('makes a completed update on a bilateral commitment a claim pending the other country', () => {
    record(msit, 'completed', 100, '2024-03-01');
    const row = db.select().from(claims).get()!;
    expect(row).toMatchObject({ side: 'KR', counterSides: 'US', effectiveDate: '2024-03-01' });
    const view = claimAt(db, commitmentId(), '2024-03-02')!;
    expect(view).toMatchObject({ state: 'pending', status: 'completed', side: 'KR' });
    expect(view.awaiting.map((a) => a.code)).toEqual(['NSF']);
    expect(counts('2024-03-02')).toEqual({ pending: 1, pendingOverdue: 0, disputed: 0 });
  });

  it('asks nothing when no agency on the commitment is on another side', () => {
    db.delete(commitmentPartners).where(eq(commitmentPartners.commitmentId, commitmentId())).run();
    record(msit, 'completed', 100, '2024-03-01');
    expect(db.select().from(claims).all()).toEqual([]);
    expect(claimAt(db, commitmentId(), TODAY)).toBeNull();
  });

  it('does not make an open status a claim', () => {
    record(msit, 'in_progress', 40, '2024-03-01');
    expect(db.select().from(claims).all()).toEqual([]);
  });
});

describe('confirm and dispute', () => {
  it('claim → confirm: the claim becomes the settled status, with history and audit', () => {
    record(msit, 'completed', 100, '2024-03-01');
    const result = answer(nsf, 'confirm', '2024-03-10');
    expect(result).toMatchObject({ decision: 'confirm', side: 'US', version: 3 });
    expect(claimAt(db, commitmentId(), '2024-03-10')!.state).toBe('confirmed');
    expect(claimAt(db, commitmentId(), '2024-03-09')!.state).toBe('pending');
    expect(counts('2024-03-10')).toEqual({ pending: 0, pendingOverdue: 0, disputed: 0 });
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.claim_confirm')).all()).toHaveLength(1);
    expect(db.select().from(commitments).where(eq(commitments.code, CODE)).get()!.status).toBe('completed');
  });

  it('claim → dispute → a new update clears the disagreement', () => {
    record(msit, 'completed', 100, '2024-03-01');
    answer(nsf, 'dispute', '2024-03-05', 'The joint call has not closed yet');
    const disputed = claimAt(db, commitmentId(), '2024-03-06')!;
    expect(disputed.state).toBe('disputed');
    expect(disputed.answers.map((a) => [a.decision, a.note, a.agency])).toEqual([['dispute', 'The joint call has not closed yet', 'NSF']]);
    expect(listed('disputed', '2024-03-06')).toEqual([CODE]);
    // The claimant may change an unconfirmed claim without an administrator.
    record(msit, 'in_progress', 90, '2024-03-20');
    expect(claimAt(db, commitmentId(), '2024-03-21')).toBeNull();
    expect(counts('2024-03-21')).toEqual({ pending: 0, pendingOverdue: 0, disputed: 0 });
    // As of the days in between, the disagreement still stands.
    expect(counts('2024-03-19').disputed).toBe(1);
  });

  it('a same-day update recorded after the claim supersedes it; one recorded before does not', () => {
    record(nsf, 'in_progress', 80, '2024-03-01');
    record(msit, 'completed', 100, '2024-03-01');
    expect(claimAt(db, commitmentId(), '2024-03-01')!.state).toBe('pending');
    record(nsf, 'in_progress', 90, '2024-03-01');
    expect(claimAt(db, commitmentId(), '2024-03-01')).toBeNull();
    expect(counts('2024-03-01').pending).toBe(0);
  });

  it('refuses a dispute without a note and writes nothing', () => {
    record(msit, 'completed', 100, '2024-03-01');
    const before = snapshotTables(db);
    expect(() => answer(nsf, 'dispute', '2024-03-05', '   ')).toThrow(ValidationError);
    try {
      answer(nsf, 'dispute', '2024-03-05');
    } catch (e) {
      expect((e as ValidationError).fieldErrors.note).toEqual(['note_required']);
    }
    expect(snapshotTables(db)).toEqual(before);
  });

  it('refuses an answer dated before the claim or in the future', () => {
    record(msit, 'completed', 100, '2024-03-01');
    expect(() => answer(nsf, 'confirm', '2024-02-28')).toThrow(ValidationError);
    expect(() => answer(nsf, 'confirm', '2025-01-01')).toThrow(ValidationError);
    expect(db.select().from(claimDecisions).all()).toEqual([]);
  });

  it('holds a date typed in the Korean order to the same rules, and stores it as YYYY-MM-DD', () => {
    record(msit, 'completed', 100, '2024-03-01');
    const fieldError = (date: string) => {
      try {
        answer(nsf, 'confirm', date);
      } catch (e) {
        return (e as ValidationError).fieldErrors.effectiveDate;
      }
      return undefined;
    };
    expect(fieldError('2024. 2. 28.')).toEqual(['date_before_claim']);
    expect(fieldError('2025. 1. 1.')).toEqual(['date_in_future']);
    expect(db.select().from(claimDecisions).all()).toEqual([]);
    answer(nsf, 'confirm', '2024. 12. 31.');
    expect(db.select().from(claimDecisions).get()!.effectiveDate).toBe('2024-12-31');
  });

  it('lets only the other side (or an administrator) answer; the claimant’s side and a third agency are refused with nothing written', () => {
    record(msit, 'completed', 100, '2024-03-01');
    for (const who of [msit, nih]) {
      const before = snapshotTables(db, ['audit_events']);
      expect(() => answer(who, 'confirm', '2024-03-05')).toThrow(ForbiddenError);
      expect(snapshotTables(db, ['audit_events'])).toEqual(before);
      expect(db.select().from(auditEvents).all().at(-1)!.action).toBe('access.denied');
    }
    expect(answer(admin, 'confirm', '2024-03-05')).toMatchObject({ side: 'US' });
  });

  it('refuses an answer when there is no open claim', () => {
    record(msit, 'in_progress', 50, '2024-03-01');
    expect(() => answer(nsf, 'confirm', '2024-03-05')).toThrow(ForbiddenError);
    expect(() => answer(admin, 'confirm', '2024-03-05')).toThrow(ForbiddenError);
  });

  it('detects a stale version and a claim superseded by a newer update', () => {
    record(msit, 'completed', 100, '2024-03-01');
    const claimId = lastUpdateId();
    expect(() => decideClaim(db, nsf, CODE, { decision: 'confirm', updateId: claimId, effectiveDate: '2024-03-05', version: 1 }, ctx, TODAY)).toThrow(ConflictError);
    record(msit, 'in_progress', 95, '2024-03-03');
    try {
      decideClaim(db, nsf, CODE, { decision: 'confirm', updateId: claimId, effectiveDate: '2024-03-05', version: version() }, ctx, TODAY);
      expect.unreachable();
    } catch (e) {
      // No open claim any more: nobody may answer.
      expect(e).toBeInstanceOf(ForbiddenError);
    }
    record(msit, 'completed', 100, '2024-03-04');
    try {
      decideClaim(db, nsf, CODE, { decision: 'confirm', updateId: claimId, effectiveDate: '2024-03-05', version: version() }, ctx, TODAY);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError);
      expect((e as ConflictError).messageKey).toBe('claim.superseded');
    }
  });

  it('places a back-dated answer in world order: the state at each date follows the effective dates, not the recording order', () => {
    record(msit, 'completed', 100, '2024-03-01');
    answer(nsf, 'dispute', '2024-03-20', 'Not yet');
    // Recorded later, effective earlier: NSF had confirmed on 03-05 and disputed on 03-20.
    answer(nsf, 'confirm', '2024-03-05');
    const id = commitmentId();
    expect(claimAt(db, id, '2024-03-04')!.state).toBe('pending');
    expect(claimAt(db, id, '2024-03-10')!.state).toBe('confirmed');
    expect(claimAt(db, id, '2024-03-25')!.state).toBe('disputed');
    expect(claimAt(db, id, '2024-03-25')!.answers.map((a) => a.decision)).toEqual(['confirm', 'dispute']);
  });

  it('counts pending, long-pending and disputed claims as of dates in between', () => {
    record(msit, 'completed', 100, '2024-03-01');
    record(msit, 'discontinued', 20, '2024-04-01', 'CET23-QNT-02');
    answer(nsf, 'dispute', '2024-05-15', 'Still running', 'CET23-QNT-02');
    expect(counts('2024-02-28')).toEqual({ pending: 0, pendingOverdue: 0, disputed: 0 });
    expect(counts('2024-03-15')).toEqual({ pending: 1, pendingOverdue: 0, disputed: 0 });
    expect(counts('2024-04-05')).toEqual({ pending: 2, pendingOverdue: 1, disputed: 0 });
    expect(counts('2024-05-20')).toEqual({ pending: 1, pendingOverdue: 1, disputed: 1 });
    expect(listed('pending', '2024-04-05')).toEqual([CODE, 'CET23-QNT-02']);
    expect(listed('pending_overdue', '2024-04-05')).toEqual([CODE]);
    expect(listed('disputed', '2024-05-20')).toEqual(['CET23-QNT-02']);
    // A back-dated update before the claim does not supersede it.
    record(nsf, 'in_progress', 70, '2024-02-15');
    expect(counts('2024-03-15').pending).toBe(1);
  });
});

describe('each side’s latest view', () => {
  it('shows the latest update of each country side by a date', () => {
    record(nsf, 'in_progress', 60, '2024-02-01');
    record(msit, 'completed', 100, '2024-03-01');
    const sides = sideViewsAt(db, commitmentId(), '2024-03-15');
    expect(sides).toEqual([
      { country: 'KR', latest: expect.objectContaining({ status: 'completed', progress: 100, effectiveDate: '2024-03-01', agency: 'MSIT' }) },
      { country: 'US', latest: expect.objectContaining({ status: 'in_progress', progress: 60, effectiveDate: '2024-02-01', agency: 'NSF' }) },
    ]);
    expect(sideViewsAt(db, commitmentId(), '2024-02-15')[0]!.latest).toBeNull();
  });

  it('counts an answer as the answering side’s latest word once it is the later one', () => {
    record(nsf, 'in_progress', 60, '2024-02-01');
    record(msit, 'completed', 100, '2024-03-01');
    answer(nsf, 'confirm', '2024-03-10');
    expect(sideViewsAt(db, commitmentId(), '2024-03-09')[1]!.latest).toMatchObject({ status: 'in_progress', answer: null });
    expect(sideViewsAt(db, commitmentId(), '2024-03-10')[1]!.latest).toMatchObject({ status: 'completed', progress: 100, effectiveDate: '2024-03-10', agency: 'NSF', answer: 'confirm' });
  });
});

describe('answers are append-only', () => {
  it('refuses to change or delete a claim or an answer', () => {
    record(msit, 'completed', 100, '2024-03-01');
    answer(nsf, 'confirm', '2024-03-05');
    expect(() => db.update(claimDecisions).set({ decision: 'dispute' }).run()).toThrow(/append-only/);
    expect(() => db.delete(claims).where(and(eq(claims.commitmentId, commitmentId()))).run()).toThrow(/append-only/);
  });
});
