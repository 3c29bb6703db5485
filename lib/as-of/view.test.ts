import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, areas, commitmentPartners, commitments, statusUpdates, users } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import { listAsOf as searchCommitments } from '@/lib/as-of/list';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { isClosed, STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { addDays } from '@/lib/periods/dates';
import { formatQuarter, quarterOf } from '@/lib/periods/quarters';
import type { AsOfScope } from './scope';
import { handMadeHistory } from '@/lib/testing/hand-made-history';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { createCommitment } from '@/lib/admin/commitment-service';
import { saveDialogue } from '@/lib/admin/reference-service';
import { planAsOfView as getDashboard } from './view';

const TODAY = '2025-06-30';
let db: Db;

/**
 * Hand-made history for the four BIO commitments (BIO-01 and BIO-04 due 2024, the others ongoing).
 * BIO-02's delayed entry is recorded last but takes effect first.
 */
beforeEach(() => {
  db = useSeededTestDb();
  const { record } = handMadeHistory(db, TODAY);
  record('CET23-BIO-01', 'in_progress', 20, '2024-02-10');
  record('CET23-BIO-01', 'completed', 100, '2024-11-30');
  record('CET23-BIO-04', 'at_risk', 30, '2024-05-05');
  record('CET23-BIO-02', 'in_progress', 50, '2024-03-15');
  record('CET23-BIO-02', 'delayed', 10, '2024-01-20');
});

const bio = { area: 'BIO' };
const counts = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([, n]) => n !== 0));

type Recounted = { code: string; area: string; lead: string; country: string; partners: string[]; dueEnd: string | null; adoptedOn: string };

/** The end of the quarter before the one `date` is in. */
function previousQuarterEndOf(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3);
  return q === 0 ? `${y - 1}-12-31` : `${y}-${['03-31', '06-30', '09-30'][q - 1]}`;
}

/**
 * Every dashboard figure for the commitments `keep` picks, worked out from the raw tables alone: each
 * existing commitment stands where its latest entry effective by `date` (ties by recording order) put it.
 */
function recountFigures(date: string, keep: (c: Recounted) => boolean) {
  const partners = db.select({ commitmentId: commitmentPartners.commitmentId, code: agencies.code }).from(commitmentPartners).innerJoin(agencies, eq(agencies.id, commitmentPartners.agencyId)).all();
  const history = db.select().from(statusUpdates).orderBy(asc(statusUpdates.effectiveDate), asc(statusUpdates.id)).all();
  const rows = db
    .select({ id: commitments.id, code: commitments.code, area: areas.code, lead: agencies.code, country: agencies.country, dueEnd: commitments.dueEnd, adoptedOn: commitments.adoptedOn, archivedAt: commitments.archivedAt })
    .from(commitments)
    .innerJoin(areas, eq(areas.id, commitments.areaId))
    .innerJoin(agencies, eq(agencies.id, commitments.leadAgencyId))
    .all()
    .filter((c) => c.archivedAt === null && c.adoptedOn <= date)
    .map((c) => ({ ...c, partners: partners.filter((p) => p.commitmentId === c.id).map((p) => p.code) }))
    .filter(keep)
    .map((c) => {
      const own = history.filter((u) => u.commitmentId === c.id);
      const last = own.filter((u) => u.effectiveDate <= date).at(-1);
      const status = (last?.newStatus ?? own[0]?.previousStatus ?? 'not_started') as Status;
      const open = !isClosed(status);
      return { ...c, status, progress: last?.newProgress ?? own[0]?.previousProgress ?? 0, open, overdue: open && c.dueEnd !== null && c.dueEnd < date };
    });
  const zero = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const counts = zero();
  const byArea: Record<string, { counts: Record<Status, number>; total: number }> = {};
  const byLead: Record<string, { country: string; led: number; completed: number; overdue: number }> = {};
  const byCountry: Record<string, { led: number; completed: number; overdue: number }> = {};
  const byQuarter: Record<string, { completed: number; discontinued: number; overdue: number; onCourse: number }> = {};
  for (const c of rows) {
    counts[c.status] += 1;
    const area = (byArea[c.area] ??= { counts: zero(), total: 0 });
    area.counts[c.status] += 1;
    area.total += 1;
    for (const g of [(byLead[c.lead] ??= { country: c.country, led: 0, completed: 0, overdue: 0 }), (byCountry[c.country] ??= { led: 0, completed: 0, overdue: 0 })]) {
      g.led += 1;
      if (c.status === 'completed') g.completed += 1;
      if (c.overdue) g.overdue += 1;
    }
    if (c.dueEnd) {
      const q = (byQuarter[formatQuarter(quarterOf(c.dueEnd))] ??= { completed: 0, discontinued: 0, overdue: 0, onCourse: 0 });
      if (c.status === 'completed') q.completed += 1;
      else if (c.status === 'discontinued') q.discontinued += 1;
      else if (c.overdue) q.overdue += 1;
      else q.onCourse += 1;
    }
  }
  const total = rows.length;
  return {
    headline: { total, counts, overdue: rows.filter((c) => c.overdue).length, meanProgress: total ? rows.reduce((n, c) => n + c.progress, 0) / total : 0 },
    byArea,
    byLead,
    byCountry,
    byQuarter,
    noDeadline: rows.filter((c) => c.dueEnd === null).length,
    upcoming: rows
      .filter((c) => c.open && c.dueEnd !== null && c.dueEnd > date && c.dueEnd <= addDays(date, 90))
      .sort((a, b) => a.dueEnd!.localeCompare(b.dueEnd!) || a.code.localeCompare(b.code))
      .map((c) => c.code),
  };
}

describe('dashboard figures on a hand-made history', () => {
  it('at the end of 2024 Q1, with the change since the end of 2023', () => {
    const d = getDashboard(bio, '2024-03-31', TODAY, db);
    expect(counts(d.headline.counts)).toEqual({ in_progress: 2, not_started: 2 });
    expect(d.headline).toMatchObject({ total: 4, overdue: 0, meanProgress: 17.5 });
    expect(d.previousQuarterEnd).toBe('2023-12-31');
    expect(counts(d.previous.counts)).toEqual({ not_started: 4 });
  });

  it('mid-February 2024, when the back-dated delay was in force', () => {
    const d = getDashboard(bio, '2024-02-29', TODAY, db);
    expect(counts(d.headline.counts)).toEqual({ in_progress: 1, delayed: 1, not_started: 2 });
    expect(d.headline.meanProgress).toBe(7.5);
    expect(d.attention.map((a) => a.code)).toEqual(['CET23-BIO-02']);
  });

  it('at the end of 2025 Q1: completions, overdue, due timeline and agencies', () => {
    const d = getDashboard(bio, '2025-03-31', TODAY, db);
    expect(counts(d.headline.counts)).toEqual({ completed: 1, in_progress: 1, at_risk: 1, not_started: 1 });
    expect(d.headline).toMatchObject({ overdue: 1, meanProgress: 45 });
    expect(d.previous.overdue).toBe(0);
    expect(d.dueTimeline.map(({ links: _, ...q }) => q)).toEqual([{ quarter: '2024-Q4', completed: 1, discontinued: 0, overdue: 1, onCourse: 0 }]);
    // BIO-02 and BIO-03 have no deadline: the timeline leaves them out and says so, with their list.
    expect(d.noDeadline).toEqual({ count: 2, link: '/commitments?area=BIO&due=none&asOf=2025-03-31' });
    expect(d.byLeadAgency.map(({ code, led, completed, overdue }) => ({ code, led, completed, overdue })).sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'MOHW', led: 3, completed: 0, overdue: 1 },
      { code: 'MSIT', led: 1, completed: 1, overdue: 0 },
    ]);
    expect(d.byArea).toHaveLength(1);
    expect(d.attention.map((a) => [a.code, a.overdue])).toContainEqual(['CET23-BIO-04', true]);
  });

  it('counts what was overdue at the previous quarter’s end even if it was completed since', () => {
    const u = db.select().from(commitments).where(eq(commitments.code, 'CET23-BIO-04')).get()!;
    const admin: Actor = { id: 1, email: 'admin@example.org', role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
    updateCommitmentStatus(db, admin, 'CET23-BIO-04', { status: 'completed', progress: 100, note: 'done', effectiveDate: '2025-05-01', version: u.version }, { origin: 'test' }, TODAY);
    const d = getDashboard(bio, TODAY, TODAY, db);
    expect(d.previousQuarterEnd).toBe('2025-03-31');
    expect(d.previous.overdue).toBe(1);
    expect(d.headline.overdue).toBe(0);
    expect(d.previous.counts.at_risk).toBe(1);
    expect(d.headline.counts.completed).toBe(2);
  });

  it('reconstructs month-end counts when the range is short', () => {
    const d = getDashboard(bio, '2024-06-30', TODAY, db);
    expect(d.series.map((p) => p.period)).toEqual(['2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    expect(d.series.map((p) => counts(p.counts))).toEqual([
      { not_started: 4 },
      { delayed: 1, not_started: 3 },
      { in_progress: 1, delayed: 1, not_started: 2 },
      { in_progress: 2, not_started: 2 },
      { in_progress: 2, not_started: 2 },
      { in_progress: 2, at_risk: 1, not_started: 1 },
      { in_progress: 2, at_risk: 1, not_started: 1 },
    ]);
    expect(d.series.at(-1)!.meanProgress).toBe(25);
  });

  it('uses months for up to 24 months and quarters beyond, with the burn-up of what fell due', () => {
    const short = getDashboard(bio, '2025-06-30', TODAY, db);
    expect(short.seriesUnit).toBe('month');
    expect(short.series).toHaveLength(19);
    expect(short.series.at(-1)!.period).toBe('2025-06');
    const d = getDashboard(bio, '2026-03-31', '2026-03-31', db);
    expect(d.seriesUnit).toBe('quarter');
    expect(d.series.map((p) => p.period)).toEqual(['2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(d.series.map((p) => [p.counts.completed, p.dueByThen])).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [1, 2], [1, 2], [1, 2], [1, 2], [1, 2], [1, 2]]);
  });

  it('ends the burn-up at the as-of date: what falls due later in that month is not yet due', () => {
    // CET23-TRI-01 ("early 2024") falls due on 30 April 2024.
    expect(getDashboard({}, '2024-04-15', TODAY, db).series.at(-1)!.dueByThen).toBe(0);
    expect(getDashboard({}, '2024-04-30', TODAY, db).series.at(-1)!.dueByThen).toBe(1);
  });

  it('for today, equals the stored statuses', () => {
    const d = getDashboard({}, TODAY, TODAY, db);
    const stored = Object.fromEntries(STATUSES.map((s) => [s, db.select().from(commitments).where(eq(commitments.status, s)).all().length]));
    expect(d.headline.counts).toEqual(stored);
    expect(d.headline.total).toBe(19);
  });

  it('drills down to lists whose totals equal every figure', () => {
    for (const asOf of ['2024-02-29', '2024-03-31', '2025-03-31', TODAY]) {
      const d = getDashboard(bio, asOf, TODAY, db);
      const listTotal = (params: Record<string, string | string[]>) =>
        searchCommitments(parseFiltersLeniently({ ...params, asOf, pageSize: '100' }), TODAY, db).total;
      for (const s of STATUSES) expect(listTotal({ area: 'BIO', status: s }), `${asOf} ${s}`).toBe(d.headline.counts[s]);
      expect(listTotal({ area: 'BIO', overdue: '1' })).toBe(d.headline.overdue);
      for (const a of d.byLeadAgency) {
        expect(listTotal({ area: 'BIO', lead: a.code })).toBe(a.led);
        expect(listTotal({ area: 'BIO', lead: a.code, overdue: '1' })).toBe(a.overdue);
      }
      expect(listTotal({ area: 'BIO', due: 'none' }), `${asOf} no deadline`).toBe(d.noDeadline.count);
      for (const q of d.dueTimeline) {
        expect(listTotal({ area: 'BIO', due: q.quarter, overdue: '1' })).toBe(q.overdue);
        expect(listTotal({ area: 'BIO', due: q.quarter, status: 'completed' })).toBe(q.completed);
        expect(listTotal({ area: 'BIO', due: q.quarter, overdue: '0', status: ['not_started', 'in_progress', 'at_risk', 'delayed'] })).toBe(q.onCourse);
      }
    }
  });

  it('lists the commitments as they stood on a past date: status, progress, overdue and last update then', () => {
    const at = (asOf: string) => searchCommitments(parseFiltersLeniently({ area: 'BIO', asOf, pageSize: '100' }), TODAY, db);
    const feb = at('2024-02-29');
    expect(feb.past).toBe(true);
    const bio2 = feb.items.find((c) => c.code === 'CET23-BIO-02')!;
    expect(bio2).toMatchObject({ status: 'delayed', progress: 10, lastUpdate: '2024-01-20', overdue: false });
    const bio1 = at('2025-03-31').items.find((c) => c.code === 'CET23-BIO-01')!;
    expect(bio1).toMatchObject({ status: 'completed', progress: 100, lastUpdate: '2024-11-30', overdue: false });
    const bio4 = at('2025-03-31').items.find((c) => c.code === 'CET23-BIO-04')!;
    expect(bio4).toMatchObject({ status: 'at_risk', progress: 30, overdue: true });
    // Sorted by the status then, not today's.
    const sorted = searchCommitments(parseFiltersLeniently({ area: 'BIO', asOf: '2024-02-29', sort: 'status', dir: 'desc' }), TODAY, db).items.map((c) => c.status);
    expect(sorted[0]).toBe('delayed');
    const today = searchCommitments(parseFiltersLeniently({ area: 'BIO' }), TODAY, db);
    expect(today.past).toBe(false);
    expect(today.items.find((c) => c.code === 'CET23-BIO-02')).toMatchObject({ status: 'in_progress', progress: 50 });
  });

  it('counts a commitment only from its dialogue’s date: before it, it is in no figure, list or series', () => {
    const u = insertTestUser(db, { email: 'admin2@example.org', role: 'admin', passwordHash: 'x' });
    const admin: Actor = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
    saveDialogue(db, admin, null, { code: 'LATER-2024', nameKo: '후속 대화', nameEn: 'Later dialogue', heldOn: '2024-09-01', placeKo: '서울', placeEn: 'Seoul' }, { origin: 'test' });
    // Due before its dialogue took place: overdue from the day it exists, never before.
    createCommitment(db, admin, { code: 'LATER-BIO-01', dialogueCode: 'LATER-2024', areaCode: 'BIO', titleKo: '후속', titleEn: 'Later', leadAgencyCode: 'MOHW', partners: '', due: '2024-06' }, { origin: 'test' });
    const june = getDashboard(bio, '2024-06-30', TODAY, db);
    expect(june.headline.total).toBe(4);
    expect(june.headline.overdue).toBe(0);
    expect(june.series.every((p) => p.total === 4)).toBe(true);
    expect(searchCommitments(parseFiltersLeniently({ area: 'BIO', asOf: '2024-06-30', pageSize: '100' }), TODAY, db).items.map((c) => c.code)).not.toContain('LATER-BIO-01');
    expect(getDashboard({ dialogue: 'LATER-2024' }, '2024-06-30', TODAY, db).headline.total).toBe(0);
    const sept = getDashboard(bio, '2024-09-30', TODAY, db);
    expect(sept.headline.total).toBe(5);
    expect(sept.headline.overdue).toBe(1);
    expect(sept.series.map((p) => p.total)).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 4, 5]);
    expect(sept.series.at(-2)!.dueByThen).toBe(0);
    expect(sept.series.at(-1)!.dueByThen).toBe(1);
    expect(searchCommitments(parseFiltersLeniently({ area: 'BIO', asOf: '2024-09-30', overdue: '1' }), TODAY, db).items.map((c) => c.code)).toEqual(['LATER-BIO-01']);
    // An entry before the dialogue is refused.
    expect(() => updateCommitmentStatus(db, admin, 'LATER-BIO-01', { status: 'in_progress', progress: 5, note: '', effectiveDate: '2024-08-31', version: 1 }, { origin: 'test' }, TODAY)).toThrow();
  });

  it('filters every figure by agency and country', () => {
    // Two US-led commitments, one with MOHW as partner, so each filter keeps some and drops others.
    const u = db.select().from(users).where(eq(users.email, 'admin@example.org')).get()!;
    const admin: Actor = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
    const record = (code: string, status: string, progress: number, effectiveDate: string) => {
      const { version } = db.select().from(commitments).where(eq(commitments.code, code)).get()!;
      updateCommitmentStatus(db, admin, code, { status, progress, note: 'filters', effectiveDate, version }, { origin: 'test' }, TODAY);
    };
    const add = (code: string, areaCode: string, leadAgencyCode: string, partners: string, due: string) =>
      createCommitment(db, admin, { code, dialogueCode: 'KR-US-CET-2023', areaCode, titleKo: code, titleEn: code, leadAgencyCode, partners, due }, { origin: 'test' });
    add('CET23-BIO-09', 'BIO', 'NIH', 'MOHW', '2025-08');
    add('CET23-AI-09', 'AI', 'NSF', 'MSIT', '2024-06');
    record('CET23-BIO-09', 'at_risk', 15, '2024-04-02');
    record('CET23-AI-09', 'in_progress', 60, '2024-03-10');
    record('CET23-AI-09', 'completed', 100, '2025-02-14');
    record('CET23-SEMI-01', 'delayed', 5, '2024-11-11');
    record('CET23-AI-01', 'discontinued', 0, '2024-09-09');

    const cases: [AsOfScope, (c: Recounted) => boolean][] = [
      [{ agency: 'MOHW' }, (c) => c.lead === 'MOHW' || c.partners.includes('MOHW')],
      [{ country: 'US' }, (c) => c.country === 'US'],
      [{ country: 'KR' }, (c) => c.country === 'KR'],
    ];
    for (const [scope, keep] of cases) {
      for (const asOf of ['2024-02-29', '2024-06-30', '2025-03-31', TODAY]) {
        const label = `${JSON.stringify(scope)} at ${asOf}`;
        const d = getDashboard(scope, asOf, TODAY, db);
        const want = recountFigures(asOf, keep);
        expect(want.headline.total, `${label}: the filter keeps some`).toBeGreaterThan(0);
        expect(d.headline.counts, label).toEqual(want.headline.counts);
        expect(d.headline.total, label).toBe(want.headline.total);
        expect(d.headline.overdue, label).toBe(want.headline.overdue);
        expect(d.headline.meanProgress, label).toBeCloseTo(want.headline.meanProgress, 9);
        const previous = recountFigures(d.previousQuarterEnd, keep).headline;
        expect(d.previousQuarterEnd, label).toBe(previousQuarterEndOf(asOf));
        expect({ ...d.previous, meanProgress: Math.round(d.previous.meanProgress * 1e6) }, `${label}, previous quarter`).toEqual({ ...previous, meanProgress: Math.round(previous.meanProgress * 1e6) });
        expect(Object.fromEntries(d.byArea.map((a) => [a.code, { counts: a.counts, total: a.total }])), `${label}, by area`).toEqual(want.byArea);
        expect(Object.fromEntries(d.byLeadAgency.map((a) => [a.code, { country: a.country, led: a.led, completed: a.completed, overdue: a.overdue }])), `${label}, by lead`).toEqual(want.byLead);
        expect(Object.fromEntries(d.byCountry.map((c) => [c.country, { led: c.led, completed: c.completed, overdue: c.overdue }])), `${label}, by country`).toEqual(want.byCountry);
        expect(Object.fromEntries(d.dueTimeline.map((q) => [q.quarter, { completed: q.completed, discontinued: q.discontinued, overdue: q.overdue, onCourse: q.onCourse }])), `${label}, due timeline`).toEqual(want.byQuarter);
        expect(d.noDeadline.count, `${label}, no deadline`).toBe(want.noDeadline);
        expect(d.upcoming.map((c) => c.code), `${label}, upcoming`).toEqual(want.upcoming);
        for (const p of d.series) {
          const then = recountFigures(p.end, keep).headline;
          expect({ counts: p.counts, total: p.total }, `${label}, series at ${p.end}`).toEqual({ counts: then.counts, total: then.total });
          expect(p.meanProgress, `${label}, series at ${p.end}`).toBeCloseTo(then.meanProgress, 9);
        }
      }
    }
    // The filters reach the figures above: US-led is only the two added, MOHW's include its partnership.
    const us = getDashboard({ country: 'US' }, TODAY, TODAY, db);
    expect(us.headline.total).toBe(2);
    expect(us.byArea.map((a) => [a.code, a.total]).sort()).toEqual([['AI', 1], ['BIO', 1]]);
    const mohw = getDashboard({ agency: 'MOHW' }, TODAY, TODAY, db);
    expect(mohw.byLeadAgency.map((a) => [a.code, a.led]).sort()).toEqual([['MOHW', 3], ['NIH', 1]]);
    expect(mohw.byCountry.map((c) => [c.country, c.led])).toEqual([['KR', 3], ['US', 1]]);
  });
});
