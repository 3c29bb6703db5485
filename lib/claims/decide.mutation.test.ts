import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, auditEvents, claimDecisions, commitmentPartners, commitments, statusUpdates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { projectedEdit, snapshotTables, useSeededTestDb } from '@/lib/testing/test-db';
import { testActor } from '@/lib/testing/refusal';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { setCommitmentArchived } from '@/lib/admin/commitment-service';
import { decideClaim, decisionInputFromForm } from './decide';

// Pins what lib/claims/decide.ts promises, field by field (issue 18: mutants that outlived claims.test.ts).

const TODAY = '2024-12-31';
const ctx = { origin: 'test-origin' };
const CODE = 'CET23-BIO-01'; // MSIT (KR) leads, NSF (US) partners
let db: Db;
let msit: Actor;
let nsf: Actor;
let admin: Actor;

const actorFor = (email: string, role: Actor['role'], agencyCode: string | null) => testActor(db, email, role, agencyCode);

const version = () => db.select().from(commitments).where(eq(commitments.code, CODE)).get()!.version;
const commitmentId = () => db.select().from(commitments).where(eq(commitments.code, CODE)).get()!.id;
const record = (who: Actor, status: string, progress: number, effectiveDate: string) =>
  updateCommitmentStatus(db, who, CODE, { status, progress, note: `${status} by ${who.email}`, effectiveDate, version: version() }, ctx, TODAY);
const lastUpdateId = () => db.select().from(statusUpdates).all().at(-1)!.id;
const valid = (over: Record<string, unknown> = {}) => ({ decision: 'confirm', updateId: lastUpdateId(), effectiveDate: '2024-03-10', version: version(), ...over });
const decide = (who: Actor, input: unknown, code = CODE) => decideClaim(db, who, code, input, ctx, TODAY);

/** The error `decide` throws (the test fails when it throws none). */
function refusal(who: Actor, input: unknown, code = CODE): unknown {
  try {
    decide(who, input, code);
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

/** The field errors of a refused answer, after checking nothing was written. */
function fieldErrors(input: unknown): Record<string, string[]> {
  const before = snapshotTables(db);
  const e = refusal(nsf, input);
  expect(e).toBeInstanceOf(ValidationError);
  expect(snapshotTables(db)).toEqual(before);
  return (e as ValidationError).fieldErrors;
}

const decisionRows = () => db.select().from(claimDecisions).all();
const lastAudit = () => db.select().from(auditEvents).all().at(-1)!;

beforeEach(() => {
  db = useSeededTestDb();
  msit = actorFor('msit@example.org', 'official', 'MSIT');
  nsf = actorFor('nsf@example.org', 'official', 'NSF');
  admin = actorFor('admin@example.org', 'admin', null);
});

describe('decisionInputFromForm', () => {
  it('maps every form field to the JSON shape, numbers as numbers and the link trimmed', () => {
    expect(
      decisionInputFromForm({ decision: 'dispute', note: ' Not yet ', evidenceUrl: '  https://example.org/x  ', updateId: '12', effectiveDate: '2024. 3. 5.', version: ' 7 ' }),
    ).toEqual({ decision: 'dispute', note: ' Not yet ', evidenceUrl: 'https://example.org/x', updateId: 12, effectiveDate: '2024. 3. 5.', version: 7 });
  });

  it('turns missing fields into the defaults: empty note, no link, no numbers', () => {
    expect(decisionInputFromForm({})).toEqual({ decision: undefined, note: '', evidenceUrl: null, updateId: undefined, effectiveDate: undefined, version: undefined });
  });

  it('treats blank numbers and a blank link as absent', () => {
    expect(decisionInputFromForm({ decision: 'confirm', note: '', evidenceUrl: '   ', updateId: '', effectiveDate: '', version: '   ' })).toEqual({
      decision: 'confirm',
      note: '',
      evidenceUrl: null,
      updateId: undefined,
      effectiveDate: '',
      version: undefined,
    });
  });

  it('passes a number that does not parse on as NaN, for the validator to refuse', () => {
    const out = decisionInputFromForm({ updateId: 'abc', version: '2' });
    expect(out.updateId).toBeNaN();
    expect(out.version).toBe(2);
  });
});

describe('validation: exact field errors, nothing written', () => {
  beforeEach(() => {
    record(msit, 'completed', 100, '2024-03-01');
  });

  it('names a missing and an unknown decision', () => {
    expect(fieldErrors(valid({ decision: undefined }))).toEqual({ decision: ['required'] });
    expect(fieldErrors(valid({ decision: 'maybe' }))).toEqual({ decision: ['invalid_decision'] });
  });

  it.each(['updateId', 'version'])('names a missing, non-numeric, fractional and non-positive %s', (field) => {
    expect(fieldErrors(valid({ [field]: undefined }))).toEqual({ [field]: ['required'] });
    expect(fieldErrors(valid({ [field]: '3' }))).toEqual({ [field]: ['not_a_number'] });
    expect(fieldErrors(valid({ [field]: 1.5 }))).toEqual({ [field]: ['not_an_integer'] });
    expect(fieldErrors(valid({ [field]: 0 }))).toEqual({ [field]: ['out_of_range'] });
  });

  it('requires a note for a dispute, whether missing, null, not text or blank', () => {
    expect(fieldErrors(valid({ decision: 'dispute', note: undefined }))).toEqual({ note: ['note_required'] });
    expect(fieldErrors(valid({ decision: 'dispute', note: ' \n ' }))).toEqual({ note: ['note_required'] });
    // A note of the wrong type: the schema names the type (its message replaces the rule's).
    expect(fieldErrors(valid({ decision: 'dispute', note: null }))).toEqual({ note: ['required'] });
    expect(fieldErrors(valid({ decision: 'dispute', note: 5 }))).toEqual({ note: ['not_a_string'] });
  });

  it('refuses a body that is not an object as a whole, without reading its fields', () => {
    for (const body of [null, 'confirm', 42, [valid()]]) {
      expect(Object.keys(fieldErrors(body))).toEqual(['_form']);
    }
  });

  it('accepts an answer dated the claim’s own day, and refuses the day before', () => {
    expect(fieldErrors(valid({ effectiveDate: '2024-02-29' }))).toEqual({ effectiveDate: ['date_before_claim'] });
    expect(decide(nsf, valid({ effectiveDate: '2024-03-01' })).effectiveDate).toBe('2024-03-01');
  });

  it('accepts an answer dated today, and refuses tomorrow', () => {
    expect(fieldErrors(valid({ effectiveDate: '2025-01-01' }))).toEqual({ effectiveDate: ['date_in_future'] });
    expect(decide(nsf, valid({ effectiveDate: TODAY })).effectiveDate).toBe(TODAY);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
  ])('dates an answer with a %s date today', (_what, effectiveDate) => {
    const result = decide(nsf, valid({ effectiveDate }));
    expect(result.effectiveDate).toBe(TODAY);
    expect(decisionRows().map((r) => r.effectiveDate)).toEqual([TODAY]);
  });
});

describe('what an answer writes', () => {
  it('confirm: the row, the result, the version bump and the audit event, field by field', () => {
    record(msit, 'completed', 100, '2024-03-01');
    const claimId = lastUpdateId();
    const result = decide(nsf, { decision: 'confirm', updateId: claimId, effectiveDate: '2024-03-10', version: 2 });
    const row = decisionRows()[0]!;
    expect(result).toEqual({ id: row.id, code: CODE, decision: 'confirm', updateId: claimId, side: 'US', effectiveDate: '2024-03-10', version: 3 });
    expect(row).toEqual({
      id: row.id,
      claimId,
      commitmentId: commitmentId(),
      decision: 'confirm',
      note: '', // the default of an omitted note
      evidenceUrl: null,
      side: 'US',
      actorId: nsf.id,
      actorAgencyId: nsf.agencyId,
      effectiveDate: '2024-03-10',
      recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    const c = db.select().from(commitments).where(eq(commitments.code, CODE)).get()!;
    expect(c.version).toBe(3);
    expect(c.updatedAt).toBe(row.recordedAt);
    expect(lastAudit()).toMatchObject({
      actorId: nsf.id,
      actorEmail: nsf.email,
      action: 'commitment.claim_confirm',
      targetType: 'commitment',
      targetId: CODE,
      before: { version: 2, claim: { updateId: claimId, side: 'KR', status: 'completed' } },
      after: { version: 3, decisionId: row.id, decision: 'confirm', side: 'US', agency: 'NSF', note: '', evidenceUrl: null, effectiveDate: '2024-03-10' },
      origin: 'test-origin',
    });
  });

  it('dispute: the note trimmed and the evidence link kept, in the row and the audit event', () => {
    record(msit, 'discontinued', 40, '2024-03-01');
    const claimId = lastUpdateId();
    decide(nsf, { decision: 'dispute', note: '  Still running  ', evidenceUrl: 'https://example.org/call', updateId: claimId, effectiveDate: '2024-03-05', version: 2 });
    expect(decisionRows()[0]).toMatchObject({ decision: 'dispute', note: 'Still running', evidenceUrl: 'https://example.org/call', side: 'US' });
    expect(lastAudit()).toMatchObject({
      action: 'commitment.claim_dispute',
      targetType: 'commitment',
      before: { version: 2, claim: { updateId: claimId, side: 'KR', status: 'discontinued' } },
      after: { version: 3, decision: 'dispute', side: 'US', agency: 'NSF', note: 'Still running', evidenceUrl: 'https://example.org/call', effectiveDate: '2024-03-05' },
    });
  });

  it('an administrator’s answer names no agency', () => {
    record(msit, 'completed', 100, '2024-03-01');
    decide(admin, valid());
    expect(decisionRows()[0]).toMatchObject({ actorId: admin.id, actorAgencyId: null, side: 'US' });
    expect(lastAudit()).toMatchObject({ actorId: admin.id, action: 'commitment.claim_confirm', after: { agency: null, side: 'US' } });
  });
});

describe('the side an answer speaks for, when a claim asks two countries', () => {
  beforeEach(() => {
    const jst = db.insert(agencies).values({ code: 'JST', nameKo: '일본과학기술진흥기구', nameEn: 'Japan Science and Technology Agency', country: 'JP', kind: 'agency' }).returning().get();
    projectedEdit(db, [CODE], (tx) => {
      tx.insert(commitmentPartners).values({ commitmentId: commitmentId(), agencyId: jst.id, role: 'participant' }).run();
    });
    record(msit, 'completed', 100, '2024-03-01'); // asks JP and US
  });

  it('an official speaks for their own country, not the first one asked', () => {
    expect(decide(nsf, valid()).side).toBe('US');
    expect(decisionRows()[0]!.side).toBe('US');
    expect(lastAudit().after).toMatchObject({ side: 'US', agency: 'NSF' });
  });

  it('an administrator speaks for the first side asked', () => {
    expect(decide(admin, valid()).side).toBe('JP');
  });
});

describe('refusals before anything is written', () => {
  it('an unknown code is not found, and nothing is written', () => {
    const before = snapshotTables(db);
    const e = refusal(nsf, { decision: 'confirm', updateId: 1, effectiveDate: '2024-03-10', version: 1 }, 'NOPE-00');
    expect(e).toBeInstanceOf(NotFoundError);
    expect((e as NotFoundError).message).toBe('No commitment has the code NOPE-00');
    expect(snapshotTables(db)).toEqual(before);
  });

  it('an archived commitment’s claim cannot be answered until it is restored', () => {
    record(msit, 'completed', 100, '2024-03-01');
    setCommitmentArchived(db, admin, CODE, true, ctx);
    const before = snapshotTables(db);
    const e = refusal(nsf, valid());
    expect(e).toBeInstanceOf(ConflictError);
    expect(e).toMatchObject({
      message: `The commitment ${CODE} is archived; an administrator must restore it before updates can be recorded`,
      messageKey: 'update.archived',
    });
    expect(snapshotTables(db)).toEqual(before);
    setCommitmentArchived(db, admin, CODE, false, ctx);
    expect(decide(nsf, valid()).decision).toBe('confirm');
  });

  it('an answer to a superseded claim is a conflict naming the current claim and version', () => {
    record(msit, 'completed', 100, '2024-03-01');
    const old = lastUpdateId();
    record(msit, 'discontinued', 100, '2024-03-04');
    const current = lastUpdateId();
    const before = snapshotTables(db);
    const e = refusal(nsf, valid({ updateId: old }));
    expect(e).toBeInstanceOf(ConflictError);
    expect(e).toMatchObject({ message: 'The claim was superseded by a newer update since you loaded it', current: { version: 3, updateId: current }, messageKey: 'claim.superseded' });
    expect((e as ConflictError).current).toEqual({ version: 3, updateId: current });
    expect(snapshotTables(db)).toEqual(before);
  });

  it('a stale version is a conflict naming the current version', () => {
    record(msit, 'completed', 100, '2024-03-01');
    const before = snapshotTables(db);
    const e = refusal(nsf, valid({ version: 1 }));
    expect(e).toBeInstanceOf(ConflictError);
    expect(e).toMatchObject({ message: 'The commitment was changed by someone else since you loaded it', messageKey: 'update.conflict' });
    expect((e as ConflictError).current).toEqual({ version: 2 });
    expect(snapshotTables(db)).toEqual(before);
  });
});
