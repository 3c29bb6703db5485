import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { commitments } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { isStale, recordedWindow } from './staleness';
import { planAsOfView, type ListedCommitment } from './view';

const TODAY = '2025-06-30';
let db: Db;

/** Records an entry effective on `effectiveDate` as if at the instant `recordedAt` (the service stamps the clock). */
let admins = 0;
function record(code: string, status: string, progress: number, effectiveDate: string, recordedAt: string) {
  const u = insertTestUser(db, { email: `admin-${++admins}@example.org`, role: 'admin', passwordHash: 'x' });
  const admin: Actor = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
  const version = db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;
  vi.setSystemTime(new Date(recordedAt));
  updateCommitmentStatus(db, admin, code, { status, progress, note: 'hand-made', effectiveDate, version }, { origin: 'test' }, TODAY);
}

/**
 * All commitments adopted 2023-12-09. AI-05's only entry takes effect 200 days before TODAY but was
 * recorded yesterday; ICT-01's was recorded 91 days before TODAY, ICT-02's exactly 90 days before
 * (both effective that day); QNT-01's effective yesterday, recorded today at 08:30 in Seoul, which
 * is still the day before in UTC.
 */
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  db = useSeededTestDb();
  record('CET23-AI-05', 'in_progress', 30, '2024-12-12', '2025-06-29T02:00:00.000Z');
  record('CET23-ICT-01', 'in_progress', 10, '2025-03-31', '2025-03-31T02:00:00.000Z');
  record('CET23-ICT-02', 'in_progress', 10, '2025-04-01', '2025-04-01T02:00:00.000Z');
  record('CET23-QNT-01', 'in_progress', 10, '2025-06-29', '2025-06-29T23:30:00.000Z');
  vi.setSystemTime(new Date(`${TODAY}T03:00:00.000Z`));
});

afterEach(() => {
  vi.useRealTimers();
});

const attention = (scope: object, asOf: string) => new Map(planAsOfView(scope, asOf, TODAY, db).attention.map((c) => [c.code, c] as [string, ListedCommitment]));

describe('staleness: no entry recorded in the 90 days up to the date', () => {
  it('bounds the window by the app time zone’s days', () => {
    expect(recordedWindow('2025-06-30', 'Asia/Seoul')).toEqual({ from: '2025-03-31T15:00:00.000Z', to: '2025-06-30T15:00:00.000Z' });
    const open = { status: 'in_progress' as const, adoptedOn: '2023-12-09' };
    expect(isStale({ ...open, lastRecordedAt: '2025-03-31T14:59:59.999Z' }, '2025-06-30')).toBe(true);
    expect(isStale({ ...open, lastRecordedAt: '2025-03-31T15:00:00.000Z' }, '2025-06-30')).toBe(false);
    expect(isStale({ ...open, lastRecordedAt: null }, '2025-06-30')).toBe(true);
    // Closed commitments and those adopted in the last 90 days are never stale.
    expect(isStale({ ...open, status: 'completed', lastRecordedAt: null }, '2025-06-30')).toBe(false);
    expect(isStale({ ...open, adoptedOn: '2025-04-01', lastRecordedAt: null }, '2025-06-30')).toBe(false);
  });

  for (const [label, scope] of [
    ['the whole corpus', {}],
    ['a dialogue', { dialogue: 'KR-US-CET-2023' }],
  ] as const) {
    it(`today, over ${label}: an entry back-dated 200 days but recorded yesterday is recent; one recorded 91 days ago is not`, () => {
      const list = attention(scope, TODAY);
      expect(list.has('CET23-AI-05')).toBe(false);
      expect(list.get('CET23-ICT-01')).toMatchObject({ stale: true, lastUpdate: '2025-03-31', lastRecorded: '2025-03-31' });
      expect(list.has('CET23-ICT-02')).toBe(false);
      // Recorded on 30 June in Seoul (29 June in UTC).
      expect(list.has('CET23-QNT-01')).toBe(false);
      // Never updated since its adoption in 2023.
      expect(list.get('CET23-AI-04')).toMatchObject({ stale: true, lastUpdate: null, lastRecorded: null });
    });

    it(`as of a past date, over ${label}: entries recorded after it do not count`, () => {
      // On 28 June AI-05's entry was not recorded yet: no entry since its adoption.
      const june28 = attention(scope, '2025-06-28');
      expect(june28.get('CET23-AI-05')).toMatchObject({ stale: true, status: 'in_progress', lastUpdate: '2024-12-12', lastRecorded: null });
      // ICT-01's entry, recorded 89 days before 28 June, was recent then.
      expect(june28.has('CET23-ICT-01')).toBe(false);
      // On 29 June (Seoul) AI-05's entry had been recorded.
      expect(attention(scope, '2025-06-29').has('CET23-AI-05')).toBe(false);
      // QNT-01's entry was recorded on 30 June in Seoul, after the end of 29 June.
      expect(attention(scope, '2025-06-29').get('CET23-QNT-01')).toMatchObject({ stale: true, lastRecorded: null });
    });
  }
});
