import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { commitments } from '@/db/schema';
import { createCommitment } from '@/lib/admin/commitment-service';
import { saveDialogue } from '@/lib/admin/reference-service';
import { planAsOfView } from '@/lib/as-of/view';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { buildQuarterlyReport } from './model';
import type { ReportParams } from './types';

const TODAY = '2025-06-30';
const NOW = new Date('2025-06-30T03:00:00Z');
let db: Db;
let admin: Actor;

const record = (code: string, status: string, progress: number, effectiveDate: string, note = 'hand-made') => {
  const version = db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;
  updateCommitmentStatus(db, admin, code, { status, progress, note, effectiveDate, version }, { origin: 'test' }, TODAY);
};
const report = (params: Partial<ReportParams> & { quarter: string }) =>
  buildQuarterlyReport(db, { lang: 'en', area: 'BIO', ...params }, { by: { name: 'Analyst', email: 'analyst@example.org' }, today: TODAY, now: NOW });
const nonZero = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([, n]) => n !== 0));

/**
 * The four BIO commitments of the 2023 dialogue (held 2023-12-09): BIO-01 and BIO-04 due 2024,
 * BIO-02 and BIO-03 ongoing.
 */
beforeEach(() => {
  db = useSeededTestDb();
  const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  admin = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
  record('CET23-BIO-01', 'in_progress', 20, '2024-02-10');
  record('CET23-BIO-01', 'in_progress', 60, '2024-05-02', 'second meeting held');
  record('CET23-BIO-01', 'completed', 100, '2024-11-30');
  record('CET23-BIO-04', 'at_risk', 30, '2024-05-05');
});

describe('the quarterly report model on a hand-made history', () => {
  it('stands at the quarter’s last day against the previous quarter end', () => {
    const r = report({ quarter: '2024-Q2' });
    expect(r.asOf).toBe('2024-06-30');
    expect(r.previousQuarterEnd).toBe('2024-03-31');
    expect(nonZero(r.summary.atEnd.counts)).toEqual({ in_progress: 1, at_risk: 1, not_started: 2 });
    expect(nonZero(r.summary.atPreviousEnd.counts)).toEqual({ in_progress: 1, not_started: 3 });
    expect(r.summary.atEnd.meanProgress).toBe(22.5);
    expect(r.summary.meanProgressChange).toBe(17.5);
    expect(r.summary.atEnd.shares.at_risk).toBe(0.25);
    expect(r.commitments.map((c) => c.code)).toEqual(['CET23-BIO-01', 'CET23-BIO-02', 'CET23-BIO-03', 'CET23-BIO-04']);
    const bio01 = r.commitments[0]!;
    expect(bio01).toMatchObject({ status: 'in_progress', progress: 60, previousStatus: 'in_progress', previousProgress: 20, progressChange: 40, latestEntryOn: '2024-05-02', latestNote: 'second meeting held' });
    expect(r.changes.map((c) => [c.code, c.effectiveDate])).toEqual([
      ['CET23-BIO-01', '2024-05-02'],
      ['CET23-BIO-04', '2024-05-05'],
    ]);
  });

  it('counts a back-dated entry recorded after the quarter but effective inside it', () => {
    const before = report({ quarter: '2024-Q2' });
    expect(before.summary.completedThisQuarter).toBe(0);
    record('CET23-BIO-02', 'completed', 100, '2024-06-15', 'recorded a year late');
    const after = report({ quarter: '2024-Q2' });
    expect(after.summary.completedThisQuarter).toBe(1);
    expect(after.summary.atEnd.counts.completed).toBe(1);
    expect(after.commitments.find((c) => c.code === 'CET23-BIO-02')).toMatchObject({ status: 'completed', latestNote: 'recorded a year late' });
    expect(after.changes.map((c) => c.code)).toContain('CET23-BIO-02');
    expect(after.lastUpdateId).toBeGreaterThan(before.lastUpdateId);
  });

  it('leaves out an entry effective after the quarter', () => {
    const r = report({ quarter: '2024-Q3' });
    expect(r.summary.atEnd.counts.completed).toBe(0);
    expect(r.changes).toEqual([]);
    expect(report({ quarter: '2024-Q4' }).summary.completedThisQuarter).toBe(1);
  });

  it('counts a commitment due in the quarter and not closed by its last day as newly overdue', () => {
    const q4 = report({ quarter: '2024-Q4' });
    // BIO-01 (due 2024) was completed in time; BIO-04 (due 2024, at risk) was not.
    expect(q4.summary.newlyOverdue).toBe(1);
    expect(q4.summary.atEnd.overdue).toBe(1);
    expect(q4.commitments.filter((c) => c.overdue).map((c) => c.code)).toEqual(['CET23-BIO-04']);
    expect(report({ quarter: '2025-Q1' }).summary).toMatchObject({ newlyOverdue: 0, atEnd: { overdue: 1 } });
    // Both due 2024 and still open at the end of Q3.
    expect(report({ quarter: '2024-Q3' }).summary.dueNextQuarter).toBe(2);
  });

  it('takes nothing from a dialogue held after the quarter', () => {
    saveDialogue(db, admin, null, { code: 'LATER-2024', nameKo: '후속 대화', nameEn: 'Later dialogue', heldOn: '2024-09-01', placeKo: '서울', placeEn: 'Seoul' }, { origin: 'test' });
    createCommitment(db, admin, { code: 'LATER-BIO-01', dialogueCode: 'LATER-2024', areaCode: 'BIO', titleKo: '후속', titleEn: 'Later', leadAgencyCode: 'MOHW', partners: '', due: '2024-06' }, { origin: 'test' });
    const q2 = report({ quarter: '2024-Q2' });
    expect(q2.summary.atEnd.total).toBe(4);
    expect(q2.dialogues.map((d) => d.code)).toEqual(['KR-US-CET-2023']);
    const later = report({ quarter: '2024-Q2', dialogue: 'LATER-2024', area: undefined });
    expect(later).toMatchObject({ emptyReason: 'before_first_dialogue', commitments: [], changes: [], dialogues: [] });
    const q3 = report({ quarter: '2024-Q3' });
    expect(q3.summary.atEnd.total).toBe(5);
    expect(q3.commitments.find((c) => c.code === 'LATER-BIO-01')).toMatchObject({ previousStatus: 'absent', overdue: true });
  });

  it('agrees with the as-of view on every count it shares with the dashboard', () => {
    for (const quarter of ['2024-Q1', '2024-Q2', '2024-Q4', '2025-Q2']) {
      for (const scope of [{ area: 'BIO' }, { area: undefined }, { area: undefined, agency: 'MOHW' }, { area: undefined, country: 'US' }]) {
        const r = report({ quarter, ...scope });
        const view = planAsOfView({ ...scope }, r.asOf, TODAY, db);
        expect(r.summary.atEnd.counts, `${quarter} ${JSON.stringify(scope)}`).toEqual(view.headline.counts);
        expect(r.summary.atPreviousEnd.counts).toEqual(view.previous.counts);
        expect(r.summary.atEnd.meanProgress).toBeCloseTo(view.headline.meanProgress, 9);
        expect(r.charts.quarterSeries.at(-1)!.counts).toEqual(view.headline.counts);
        expect(r.commitments).toHaveLength(view.headline.total);
        const byArea = Object.fromEntries(r.byArea.map((a) => [a.code, a.atEnd.counts]));
        expect(byArea).toEqual(Object.fromEntries(view.byArea.map((a) => [a.code, a.counts])));
        const led = Object.fromEntries(r.byLeadAgency.map((a) => [a.code, [a.atEnd.total, a.atEnd.counts.completed]]));
        expect(led).toEqual(Object.fromEntries(view.byLeadAgency.map((a) => [a.code, [a.led, a.completed]])));
      }
    }
  });

  it('reports the running quarter as of today', () => {
    const r = report({ quarter: '2025-Q2' });
    expect(r).toMatchObject({ asOf: TODAY, partial: false });
    const running = buildQuarterlyReport(db, { quarter: '2025-Q2', lang: 'ko' }, { by: { name: 'A', email: 'a@x' }, today: '2025-05-10', now: NOW });
    expect(running).toMatchObject({ asOf: '2025-05-10', partial: true });
  });
});
