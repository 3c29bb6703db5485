import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, commitments, statusUpdates } from '@/db/schema';
import { saveAgency } from '@/lib/admin/reference-service';
import { recordAssessment } from '@/lib/assessments/record';
import { decideClaim } from '@/lib/claims/decide';
import { testActor } from '@/lib/testing/refusal';
import { otherCouldWrite, withTwoConnections } from '@/lib/testing/write-lock';
import { updateCommitmentStatus } from './update-status';

// Every write service reads what it checks and writes in one IMMEDIATE transaction, so a second
// process (the app runs several) queues behind it rather than both reading the same version.
// A unit test on one connection cannot see that; two connections to one file can.
const TODAY = '2024-12-31';
const ctx = { origin: 'test' };
const CODE = 'CET23-BIO-01'; // MSIT (KR) leads, NSF (US) partners

const actorFor = testActor;
const version = (db: Db) => db.select().from(commitments).where(eq(commitments.code, CODE)).get()!.version;

describe('the write services hold the write lock from their first read', () => {
  it('status updates, claim answers, assessments and agency edits', () => {
    withTwoConnections((a, b) => {
      const msit = actorFor(a, 'msit@example.org', 'official', 'MSIT');
      const nsf = actorFor(a, 'nsf@example.org', 'official', 'NSF');
      const analyst = actorFor(a, 'analyst@example.org', 'analyst', null);
      const admin = actorFor(a, 'admin@example.org', 'admin', null);
      const update = () => updateCommitmentStatus(a, msit, CODE, { status: 'completed', progress: 100, note: 'Done.', effectiveDate: '2024-03-01', version: version(a) }, ctx, TODAY);
      expect(otherCouldWrite(a, b, update), 'updateCommitmentStatus').toEqual([false]);
      const updateId = a.select().from(statusUpdates).all().at(-1)!.id;
      const decide = () => decideClaim(a, nsf, CODE, { decision: 'confirm', updateId, effectiveDate: '2024-03-10', version: version(a) }, ctx, TODAY);
      expect(otherCouldWrite(a, b, decide), 'decideClaim').toEqual([false]);
      const assess = () => recordAssessment(a, analyst, CODE, { quarter: '2024-Q2', verdict: 0, confidence: 'medium', rationale: 'No awards yet.', links: [] }, ctx, TODAY);
      expect(otherCouldWrite(a, b, assess), 'recordAssessment').toEqual([false]);
      const agency = () => saveAgency(a, admin, null, { code: 'METI', nameKo: '경제산업성', nameEn: 'Ministry of Economy, Trade and Industry', country: 'JP', kind: 'ministry' }, ctx);
      expect(otherCouldWrite(a, b, agency), 'saveAgency').toEqual([false]);
      // The probe itself works: a deferred transaction lets the other connection write.
      expect(otherCouldWrite(a, b, () => a.transaction((tx) => tx.select().from(agencies).all())), 'a deferred read').toEqual([true]);
    });
  });
});
