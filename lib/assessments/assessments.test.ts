import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, assessments, auditEvents, commitments } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { insertTestUser, snapshotTables, useSeededTestDb } from '@/lib/testing/test-db';
import { listAsOf } from '@/lib/as-of/list';
import { CommitmentFilterInput } from '@/lib/commitments/filters';
import { assessmentAt, assessmentsOf } from './queries';
import { assessmentInputFromForm, recordAssessment } from './record';

const TODAY = '2024-08-15';
const ctx = { origin: 'test' };
const CODE = 'CET23-BIO-01';
let db: Db;
let analyst: Actor;
let official: Actor;

function actorFor(email: string, role: Actor['role'], agencyCode: string | null): Actor {
  const agencyId = agencyCode ? db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, agencyCode)).get()!.id : null;
  const u = insertTestUser(db, { email, role, agencyId, passwordHash: 'x', name: email.split('@')[0] });
  return { id: u.id, email, role, agencyId, agencyCode, active: true, mustChangePassword: false };
}

const valid = { quarter: '2024-Q2', verdict: 0, confidence: 'medium', rationale: 'The call opened; no awards yet.', links: ['https://example.org/call'] };
const assess = (input: Record<string, unknown>, who: Actor = analyst, code = CODE) => recordAssessment(db, who, code, { ...valid, ...input }, ctx, TODAY);
const id = () => db.select().from(commitments).where(eq(commitments.code, CODE)).get()!.id;

beforeEach(() => {
  db = useSeededTestDb();
  analyst = actorFor('analyst@example.org', 'analyst', null);
  official = actorFor('msit@example.org', 'official', 'MSIT');
});

describe('recordAssessment', () => {
  it('records a verdict with its rationale and links, audited', () => {
    const a = assess({});
    expect(a).toMatchObject({ code: CODE, quarter: '2024-Q2', verdict: 0, confidence: 'medium', links: ['https://example.org/call'], revises: null });
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.assess')).all()).toHaveLength(1);
  });

  it('a revision supersedes on the page, and both stay in the history', () => {
    const first = assess({});
    const second = assess({ verdict: 1, confidence: 'high', rationale: 'Awards announced.', revises: first.id });
    const entries = assessmentsOf(db, id());
    expect(entries.map((e) => [e.id, e.verdict, e.standing])).toEqual([
      [second.id, 1, true],
      [first.id, 0, false],
    ]);
    expect(assessmentAt(entries, '2024-06-30')).toMatchObject({ id: second.id, current: true });
    // In Q3 nothing is assessed yet: the Q2 one is shown, flagged as not this quarter's.
    expect(assessmentAt(entries, '2024-08-01')).toMatchObject({ id: second.id, current: false });
    expect(assessmentAt(entries, '2024-03-31')).toBeNull();
  });

  it('refuses a revision that does not name the quarter’s latest entry (two analysts at once)', () => {
    const first = assess({});
    assess({ verdict: 1, revises: first.id });
    const before = snapshotTables(db);
    expect(() => assess({ verdict: -1, revises: first.id })).toThrow(ConflictError);
    expect(() => assess({ verdict: -1 })).toThrow(ConflictError);
    expect(snapshotTables(db)).toEqual(before);
  });

  it('is append-only', () => {
    assess({});
    expect(() => db.update(assessments).set({ verdict: 1 }).run()).toThrow(/append-only/);
    expect(() => db.delete(assessments).run()).toThrow(/append-only/);
  });

  it.each([
    [{ rationale: '  ' }, 'rationale', 'required'],
    [{ rationale: 'x'.repeat(2001) }, 'rationale', 'too_long'],
    [{ verdict: 2 }, 'verdict', 'invalid_verdict'],
    [{ verdict: undefined }, 'verdict', 'required'],
    [{ confidence: 'certain' }, 'confidence', 'invalid_confidence'],
    [{ quarter: '2024-Q5' }, 'quarter', 'invalid_quarter'],
    [{ quarter: '2024-Q4' }, 'quarter', 'quarter_in_future'],
    [{ quarter: '2023-Q3' }, 'quarter', 'quarter_before_dialogue'],
    [{ links: ['javascript:alert(1)'] }, 'links.0', 'invalid_url'],
  ])('refuses %j (%s: %s) and writes nothing', (input, field, code) => {
    const before = snapshotTables(db);
    try {
      assess(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fieldErrors[field]).toContain(code);
    }
    expect(snapshotTables(db)).toEqual(before);
  });

  it('accepts a rationale of exactly 2,000 characters', () => {
    expect(assess({ rationale: 'x'.repeat(2000) }).rationale).toHaveLength(2000);
  });

  it('refuses an official, writing nothing but the refusal', () => {
    const before = snapshotTables(db, ['audit_events']);
    expect(() => assess({}, official)).toThrow(ForbiddenError);
    expect(snapshotTables(db, ['audit_events'])).toEqual(before);
  });

  it('reads a form: verdict as a number, links one per line', () => {
    expect(assessmentInputFromForm({ quarter: '2024-Q2', verdict: '-1', confidence: 'low', rationale: 'r', links: 'https://a.example\n https://b.example ', revises: '' })).toEqual({
      quarter: '2024-Q2',
      verdict: -1,
      confidence: 'low',
      rationale: 'r',
      links: ['https://a.example', 'https://b.example'],
      revises: null,
    });
  });
});

describe('the list filters by verdict', () => {
  it('filters by the standing verdict of the list date’s quarter and by "not assessed this quarter"', () => {
    const first = assess({ verdict: -1 });
    assess({ verdict: 1, revises: first.id });
    assess({ verdict: 0 }, analyst, 'CET23-QNT-02');
    const codes = (verdict: string, asOf: string) => listAsOf(CommitmentFilterInput.parse({ verdict, asOf, pageSize: 100 }), TODAY, db).items.map((i) => i.code);
    expect(codes('1', '2024-06-30')).toEqual([CODE]);
    expect(codes('-1', '2024-06-30')).toEqual([]);
    expect(codes('+1', '2024-06-30')).toEqual([CODE]);
    expect(codes('0', '2024-06-30')).toEqual(['CET23-QNT-02']);
    const all = listAsOf(CommitmentFilterInput.parse({ asOf: '2024-06-30', pageSize: 100 }), TODAY, db).total;
    expect(codes('none', '2024-06-30')).toHaveLength(all - 2);
    // Q3: nobody assessed yet.
    expect(codes('none', TODAY)).toHaveLength(all);
  });
});
