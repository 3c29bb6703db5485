import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { assessments, auditEvents, commitments, dialogues } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { setCommitmentArchived } from '@/lib/admin/commitment-service';
import { projectedEdit, useSeededTestDb } from '@/lib/testing/test-db';
import { fieldErrorsOf as fieldErrorsWritingNothing, refusal as refusalOf, testActor } from '@/lib/testing/refusal';
import type * as RecordModule from './record';

// Issue #18: pins what the first Stryker run left alive in record.ts (exact error codes, the form
// reader's defaults, boundaries, the audit event's fields).

const TODAY = '2024-08-15';
const ctx = { origin: 'test' };
const CODE = 'CET23-BIO-01';
let db: Db;
let analyst: Actor;
let admin: Actor;
// Imported per test, not at the top: a schema that fails to build then fails these tests, where a
// failing static import only fails the file's collection (which Stryker does not count as a kill).
let record: typeof RecordModule;

const actorFor = (email: string, role: Actor['role'], agencyCode: string | null) => testActor(db, email, role, agencyCode);

const valid = { quarter: '2024-Q2', verdict: 0, confidence: 'medium', rationale: 'The call opened; no awards yet.', links: ['https://example.org/call'] };
const assess = (input: Record<string, unknown>, today = TODAY, code = CODE) => record.recordAssessment(db, analyst, code, { ...valid, ...input }, ctx, today);

/** The error `fn` throws, after checking it wrote nothing (outside the tables named). */
const refusal = (fn: () => unknown, except: string[] = []) => refusalOf(db, fn, except);
const fieldErrorsOf = (fn: () => unknown) => fieldErrorsWritingNothing(db, fn);

beforeEach(async () => {
  record = await import('./record');
  db = useSeededTestDb();
  analyst = actorFor('analyst@example.org', 'analyst', null);
  admin = actorFor('admin@example.org', 'admin', null);
});

describe('AssessmentInput error codes', () => {
  it.each([
    ['a missing quarter', { quarter: undefined }, { quarter: ['required'] }],
    ['a quarter that is not text', { quarter: 20242 }, { quarter: ['invalid_quarter'] }],
    ['a revision id that is not a number', { revises: 'abc' }, { revises: ['not_a_number'] }],
    ['a fractional revision id', { revises: 1.5 }, { revises: ['not_an_integer'] }],
    ['a revision id of 0', { revises: 0 }, { revises: ['out_of_range'] }],
    ['a negative revision id', { revises: -3 }, { revises: ['out_of_range'] }],
    ['eleven links', { links: Array.from({ length: 11 }, (_, i) => `https://example.org/${i}`) }, { links: ['too_many'] }],
  ])('refuses %s with exactly that error', (_label, input, errors) => {
    expect(fieldErrorsOf(() => assess(input))).toEqual(errors);
  });

  it.each([1, 0, -1])('accepts the verdict %i', (verdict) => {
    expect(assess({ verdict }).verdict).toBe(verdict);
  });

  it('accepts ten links', () => {
    const links = Array.from({ length: 10 }, (_, i) => `https://example.org/${i}`);
    expect(assess({ links }).links).toEqual(links);
  });

  it('records no links when none are sent', () => {
    const { links: _omitted, ...noLinks } = valid;
    const a = record.recordAssessment(db, analyst, CODE, noLinks, ctx, TODAY);
    expect(a.links).toEqual([]);
    expect(db.select().from(assessments).where(eq(assessments.id, a.id)).get()!.links).toBe('[]');
  });

  it('accepts revision ids above 1 (a quarter’s third entry)', () => {
    const first = assess({});
    const second = assess({ verdict: 1, revises: first.id });
    expect(second.id).toBeGreaterThan(1);
    expect(assess({ verdict: -1, revises: second.id })).toMatchObject({ verdict: -1, revises: second.id });
  });
});

describe('recordAssessment', () => {
  it('refuses an unknown code as not found, with the code in the message', () => {
    const e = refusal(() => assess({}, TODAY, 'CET23-XXX-99'));
    expect(e).toBeInstanceOf(NotFoundError);
    expect((e as NotFoundError).message).toBe('No commitment has the code CET23-XXX-99');
  });

  it('refuses an archived commitment with the archived conflict, before validating, and writes nothing', () => {
    setCommitmentArchived(db, admin, CODE, true, ctx);
    for (const input of [{}, { verdict: 7 }]) {
      const e = refusal(() => assess(input));
      expect(e).toBeInstanceOf(ConflictError);
      expect(e).toMatchObject({
        message: `The commitment ${CODE} is archived; an administrator must restore it before anything can be recorded`,
        messageKey: 'update.archived',
        current: undefined,
      });
    }
  });

  it('accepts the current quarter on its first day, and refuses the next one', () => {
    expect(assess({ quarter: '2024-Q3' }, '2024-07-01').quarter).toBe('2024-Q3');
    expect(fieldErrorsOf(() => assess({ quarter: '2024-Q3' }, '2024-06-30'))).toEqual({ quarter: ['quarter_in_future'] });
  });

  it('accepts the quarter ending on the adoption day, and refuses the one before', () => {
    // A commitment is adopted on its dialogue's date: move the dialogue to a quarter's last day.
    const { dialogueId } = db.select({ dialogueId: commitments.dialogueId }).from(commitments).where(eq(commitments.code, CODE)).get()!;
    projectedEdit(db, [CODE], (tx) => void tx.update(dialogues).set({ heldOn: '2023-12-31' }).where(eq(dialogues.id, dialogueId)).run());
    expect(db.select({ adoptedOn: commitments.adoptedOn }).from(commitments).where(eq(commitments.code, CODE)).get()).toEqual({ adoptedOn: '2023-12-31' });
    expect(assess({ quarter: '2023-Q4' }).quarter).toBe('2023-Q4');
    expect(fieldErrorsOf(() => assess({ quarter: '2023-Q3' }))).toEqual({ quarter: ['quarter_before_dialogue'] });
  });

  it('tells a stale revision which entry is now the latest', () => {
    const first = assess({});
    const second = assess({ verdict: 1, revises: first.id });
    const e = refusal(() => assess({ verdict: -1, revises: first.id }));
    expect(e).toBeInstanceOf(ConflictError);
    expect(e).toMatchObject({
      message: 'Someone recorded an assessment for this quarter since you loaded it',
      messageKey: 'assessment.conflict',
    });
    expect((e as ConflictError).current).toEqual({ quarter: '2024-Q2', latest: second.id });
  });

  it('refuses a revision of an entry in a quarter that has none, naming no latest', () => {
    const e = refusal(() => assess({ quarter: '2024-q1', revises: 5 }));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).messageKey).toBe('assessment.conflict');
    expect((e as ConflictError).current).toEqual({ quarter: '2024-Q1', latest: null });
  });

  it('stores the rationale trimmed and audits every field of a revision', () => {
    const first = assess({});
    const a = assess({ verdict: 1, confidence: 'high', rationale: '  Awards announced.  ', links: [], revises: first.id });
    const expected = { id: a.id, code: CODE, quarter: '2024-Q2', verdict: 1, confidence: 'high', rationale: 'Awards announced.', links: [], recordedAt: a.recordedAt, revises: first.id };
    expect(a).toEqual(expected);
    expect(db.select().from(assessments).where(eq(assessments.id, a.id)).get()).toMatchObject({ rationale: 'Awards announced.', links: '[]', verdict: 1, authorId: analyst.id });
    const events = db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.assess')).all();
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ targetType: 'commitment', targetId: CODE, before: null });
    expect(events[1]).toMatchObject({ actorId: analyst.id, actorEmail: analyst.email, targetType: 'commitment', targetId: CODE, origin: 'test' });
    expect(events[1]!.before).toEqual({ assessmentId: first.id });
    expect(events[1]!.after).toEqual(expected);
  });
});

describe('assessmentInputFromForm', () => {
  it('reads an empty form as missing values, no links and no revision', () => {
    expect(record.assessmentInputFromForm({})).toEqual({ quarter: undefined, verdict: undefined, confidence: undefined, rationale: '', links: [], revises: null });
  });

  it.each(['', '   '])('reads a blank verdict (%j) as missing, not as 0', (verdict) => {
    expect(record.assessmentInputFromForm({ verdict }).verdict).toBeUndefined();
  });

  it('reads a verdict and a revision with spaces around them as numbers', () => {
    expect(record.assessmentInputFromForm({ verdict: ' 1 ', revises: ' 7 ' })).toMatchObject({ verdict: 1, revises: 7 });
  });

  it('reads a blank revision as none, not as 0', () => {
    expect(record.assessmentInputFromForm({ revises: '   ' }).revises).toBeNull();
  });
});
