import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import { handMadeHistory } from '@/lib/testing/hand-made-history';
import { useSeededTestDb } from '@/lib/testing/test-db';
import { testActor } from '@/lib/testing/refusal';
import { createCommitment } from '@/lib/admin/commitment-service';
import { saveDialogue } from '@/lib/admin/reference-service';
import { listAsOf } from './list';
import { planAsOfView } from './view';

const TODAY = '2025-06-30';
let db: Db;
let record: ReturnType<typeof handMadeHistory>['record'];

/**
 * The seed's six dated commitments (CET23-TRI-01 due 2024-04-30; BIO-01, BIO-04, AI-01, AI-02 and
 * AI-03 due 2024-12-31) and thirteen ongoing ones, with a hand-made history: BIO-01 completed before
 * its due date; AI-01 completed early, then reopened; two ongoing commitments completed.
 */
beforeEach(() => {
  db = useSeededTestDb();
  ({ record } = handMadeHistory(db, TODAY));
  record('CET23-BIO-01', 'completed', 100, '2024-11-30');
  record('CET23-SEMI-01', 'completed', 100, '2024-06-15');
  record('CET23-BAT-02', 'completed', 100, '2024-09-01');
  record('CET23-AI-01', 'completed', 100, '2024-10-01');
  record('CET23-AI-01', 'in_progress', 80, '2025-02-10');
});

const point = (asOf: string) => planAsOfView({}, asOf, TODAY, db).series.at(-1)!;

describe('the burn-up: due by then against completed among those due', () => {
  it('counts only the completed commitments that had fallen due, never those without a deadline', () => {
    const p = point('2025-03-31');
    expect(p.dueByThen).toBe(6);
    expect(p.completedOfDue).toBe(1);
    // What the chart used to plot against the six: every completed commitment, ongoing ones included.
    expect(p.counts.completed).toBe(3);
  });

  it('counts a commitment from the later of its completion and its due date, and stops when it is reopened', () => {
    const series = planAsOfView({}, '2025-03-31', TODAY, db).series;
    const at = (period: string) => series.find((p) => p.period === period)!;
    // TRI-01 alone has fallen due; AI-01 is completed but not due yet.
    expect([at('2024-10').dueByThen, at('2024-10').completedOfDue, at('2024-10').counts.completed]).toEqual([1, 0, 3]);
    expect([at('2024-11').dueByThen, at('2024-11').completedOfDue]).toEqual([1, 0]);
    // At the end of 2024 both BIO-01 and AI-01 are due and completed.
    expect([at('2024-12').dueByThen, at('2024-12').completedOfDue, at('2024-12').counts.completed]).toEqual([6, 2, 4]);
    expect([at('2025-01').dueByThen, at('2025-01').completedOfDue]).toEqual([6, 2]);
    // AI-01 reopened in February.
    expect([at('2025-02').dueByThen, at('2025-02').completedOfDue]).toEqual([6, 1]);
    expect(series.every((p) => p.completedOfDue <= p.dueByThen && p.completedOfDue <= p.counts.completed)).toBe(true);
  });

  it('gives the same figure at a period end in a longer series and as that day’s own view', () => {
    for (const end of ['2024-06-30', '2024-10-31', '2024-12-31', '2025-02-28']) {
      const inSeries = planAsOfView({}, '2025-06-30', TODAY, db).series.find((p) => p.end === end)!;
      expect(inSeries.completedOfDue, end).toBe(point(end).completedOfDue);
      expect(inSeries.dueByThen, end).toBe(point(end).dueByThen);
    }
  });

  it('drills down to lists of exactly what each point counts', () => {
    const series = planAsOfView({}, '2025-03-31', TODAY, db).series;
    for (const p of series) {
      const total = (href: string) => listAsOf(parseFiltersLeniently(Object.fromEntries(new URL(href, 'http://x').searchParams)), TODAY, db).total;
      expect(total(p.links.dueByThen), `${p.period} due`).toBe(p.dueByThen);
      expect(total(p.links.completedOfDue), `${p.period} completed of due`).toBe(p.completedOfDue);
    }
    expect(series.at(-1)!.links.completedOfDue).toBe('/commitments?dueBy=2025-03-31&asOf=2025-03-31&status=completed');
  });

  it('counts a commitment due before its dialogue’s date from its adoption on, not before', () => {
    const admin = testActor(db, 'admin2@example.org', 'admin', null);
    const ctx = { origin: 'test' };
    // Held on a month end, with a commitment due three months before it (the end of August 2024).
    saveDialogue(db, admin, null, { code: 'LATER', nameKo: '후속 대화', nameEn: 'Later dialogue', heldOn: '2024-11-30', placeKo: '서울', placeEn: 'Seoul' }, ctx);
    createCommitment(db, admin, { code: 'LATER-AI-01', dialogueCode: 'LATER', areaCode: 'AI', titleKo: '후속', titleEn: 'Later', leadAgencyCode: 'MSIT', partners: '', due: '2024-08' }, ctx);
    const series = planAsOfView({}, '2025-03-31', TODAY, db).series;
    const due = (period: string) => series.find((p) => p.period === period)!.dueByThen;
    // TRI-01 alone until November, when LATER-AI-01 is adopted (on the period's last day) already due.
    expect(['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'].map(due)).toEqual([1, 1, 1, 1, 2, 7]);
    for (const p of series) {
      const total = listAsOf(parseFiltersLeniently(Object.fromEntries(new URL(p.links.dueByThen, 'http://x').searchParams)), TODAY, db).total;
      expect(total, `${p.period} due`).toBe(p.dueByThen);
    }
  });

  it('counts a discontinued commitment among those due, and never as completed', () => {
    record('CET23-AI-02', 'discontinued', 0, '2024-11-10');
    const series = planAsOfView({}, '2025-03-31', TODAY, db).series;
    const at = (period: string) => series.find((p) => p.period === period)!;
    expect([at('2024-11').dueByThen, at('2024-12').dueByThen, at('2024-12').completedOfDue, at('2025-03').dueByThen]).toEqual([1, 6, 2, 6]);
  });

  it('narrows to a scope: a dialogue read from the history, an area from the tallies', () => {
    expect(planAsOfView({ dialogue: 'KR-US-CET-2023' }, '2025-03-31', TODAY, db).series.at(-1)).toMatchObject({ dueByThen: 6, completedOfDue: 1 });
    expect(planAsOfView({ area: 'AI' }, '2024-12-31', TODAY, db).series.at(-1)).toMatchObject({ dueByThen: 3, completedOfDue: 1 });
    expect(planAsOfView({ area: 'SEMI' }, '2025-03-31', TODAY, db).series.at(-1)).toMatchObject({ dueByThen: 0, completedOfDue: 0, counts: { completed: 1 } });
  });
});
