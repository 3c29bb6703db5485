import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, commitments } from '@/db/schema';
import { recordAssessment } from '@/lib/assessments/record';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import { STATUSES } from '@/lib/commitments/vocabulary';
import { handMadeHistory } from '@/lib/testing/hand-made-history';
import { testActor } from '@/lib/testing/refusal';
import { projectedEdit, useSeededTestDb } from '@/lib/testing/test-db';
import { listAsOf } from './list';
import { planAsOfView, type AsOfView } from './view';

// What the mutation run found unpinned in view.ts (npm run test:mutation, group as-of): the
// drill-down links of the agency, country, due-quarter, area and assessment rows; the order of
// countries; the series' months and quarters at their bounds; the `past` flag; the overdue flag of
// listed commitments; the compliance mean of a group assessed twice alike.
const TODAY = '2025-06-30';
let db: Db;

/** How many commitments the list behind a link shows. */
const drilled = (href: string) => listAsOf(parseFiltersLeniently(new URLSearchParams(href.split('?')[1] ?? '')), TODAY, db).total;

beforeEach(() => {
  db = useSeededTestDb();
  const { record } = handMadeHistory(db, TODAY);
  record('CET23-AI-01', 'completed', 100, '2024-11-01');
  record('CET23-AI-02', 'discontinued', 0, '2024-10-01');
  record('CET23-BIO-04', 'at_risk', 30, '2025-05-01');
  record('CET23-TRI-01', 'in_progress', 50, '2024-03-01');
  record('CET23-BIO-01', 'in_progress', 40, '2025-06-01');
  record('CET23-QNT-01', 'delayed', 10, '2025-06-10');
  // A U.S. lead whose code sorts before the Korean ones: countries are not in the agencies' order.
  const doe = db.select().from(agencies).where(eq(agencies.code, 'DOE')).get()!.id;
  projectedEdit(db, ['CET23-AI-05'], (tx) => tx.update(commitments).set({ leadAgencyId: doe }).where(eq(commitments.code, 'CET23-AI-05')).run());
});

/** Every figure with a link, and the link, as [name, figure, href]. */
function linked(v: AsOfView): [string, number, string][] {
  const out: [string, number, string][] = [];
  out.push(['total', v.headline.total, v.links.total], ['overdue', v.headline.overdue, v.links.overdue]);
  for (const s of STATUSES) out.push([s, v.headline.counts[s], v.links[s]]);
  for (const a of v.byArea) {
    out.push([`area ${a.code}`, a.total, a.links.total]);
    for (const s of STATUSES) out.push([`area ${a.code} ${s}`, a.counts[s], a.links[s]]);
  }
  for (const a of v.byLeadAgency) {
    out.push([`lead ${a.code}`, a.led, a.links.led], [`lead ${a.code} completed`, a.completed, a.links.completed], [`lead ${a.code} overdue`, a.overdue, a.links.overdue]);
  }
  for (const c of v.byCountry) {
    out.push([`country ${c.country}`, c.led, c.links.led], [`country ${c.country} completed`, c.completed, c.links.completed], [`country ${c.country} overdue`, c.overdue, c.links.overdue]);
  }
  for (const q of v.dueTimeline) {
    for (const k of ['completed', 'onCourse', 'overdue', 'discontinued'] as const) out.push([`due ${q.quarter} ${k}`, q[k], q.links[k]]);
  }
  out.push(['no deadline', v.noDeadline.count, v.noDeadline.link]);
  for (const a of v.assessment.byArea) out.push([`not assessed, area ${a.code}`, a.total - a.assessed, a.link]);
  for (const a of v.assessment.byLeadAgency) out.push([`not assessed, lead ${a.code}`, a.total - a.assessed, a.link]);
  const last = v.series.at(-1);
  if (last) for (const s of STATUSES) out.push([`series ${last.period} ${s}`, last.counts[s], last.links[s]]);
  return out;
}

describe('the dashboard’s drill-down links', () => {
  it('each list exactly what its figure counts, today and at a past date', () => {
    for (const asOf of [TODAY, '2024-12-31', '2024-06-15']) {
      const v = planAsOfView({}, asOf, TODAY, db);
      const figures = linked(v);
      expect(figures.length).toBeGreaterThan(60);
      for (const [name, figure, href] of figures) expect(drilled(href), `${asOf}: ${name} (${href})`).toBe(figure);
    }
    // Not vacuous: the figures the links had to tell apart.
    const v = planAsOfView({}, TODAY, TODAY, db);
    expect(v.byLeadAgency.find((a) => a.code === 'MSIT')).toMatchObject({ led: 6, completed: 1, overdue: 1 });
    expect(v.byCountry.map((c) => [c.country, c.led, c.completed, c.overdue])).toEqual([
      ['KR', 18, 1, 4],
      ['US', 1, 0, 0],
    ]);
    expect(v.dueTimeline.map((q) => [q.quarter, q.completed, q.onCourse, q.overdue, q.discontinued])).toEqual([
      ['2024-Q2', 0, 0, 1, 0],
      ['2024-Q4', 1, 0, 3, 1],
    ]);
  });
});

describe('the view’s date', () => {
  it('is past only before today', () => {
    expect(planAsOfView({}, '2025-06-29', TODAY, db).past).toBe(true);
    expect(planAsOfView({}, TODAY, TODAY, db).past).toBe(false);
    expect(planAsOfView({}, '2025-07-01', TODAY, db).past).toBe(false);
  });
});

describe('the progress series', () => {
  const series = (asOf: string) => {
    const v = planAsOfView({}, asOf, TODAY, db);
    return { unit: v.seriesUnit, periods: v.series.map((p) => p.period), ends: v.series.map((p) => p.end) };
  };

  it('is monthly for up to 24 months from the first dialogue, quarterly beyond, each point ending at the latest at the date', () => {
    // The dialogue was held on 2023-12-09: December 2023 to November 2025 is 24 months.
    const monthly = series('2025-11-30');
    expect(monthly.unit).toBe('month');
    expect(monthly.periods).toHaveLength(24);
    expect(monthly.periods[0]).toBe('2023-12');
    expect(monthly.ends.at(-1)).toBe('2025-11-30');
    const quarterly = series('2025-12-01');
    expect(quarterly.unit).toBe('quarter');
    expect(quarterly.periods[0]).toBe('2023-Q4');
    expect(quarterly.periods.at(-1)).toBe('2025-Q4');
    expect(quarterly.ends.slice(-2)).toEqual(['2025-09-30', '2025-12-01']);
  });

  it('includes the month of a date on its first day, and starts on the dialogue’s own day', () => {
    const march = series('2025-03-01');
    expect(march.periods.at(-1)).toBe('2025-03');
    expect(march.ends.at(-1)).toBe('2025-03-01');
    expect(march.ends.at(-2)).toBe('2025-02-28');
    expect(series('2023-12-09')).toEqual({ unit: 'month', periods: ['2023-12'], ends: ['2023-12-09'] });
    expect(series('2023-12-08').periods).toEqual([]);
  });

  it('links each point’s statuses to the list at its end', () => {
    const v = planAsOfView({}, '2024-12-31', TODAY, db);
    const nov = v.series.find((p) => p.period === '2024-11')!;
    expect(nov.links.completed).toContain('asOf=2024-11-30');
    expect(drilled(nov.links.completed)).toBe(nov.counts.completed);
    expect(nov.counts.completed).toBe(1);
  });
});

describe('listed commitments', () => {
  it('are overdue when open and past their due date, not on it, not when closed, never without one', () => {
    const attention = (asOf: string) => Object.fromEntries(planAsOfView({}, asOf, TODAY, db).attention.map((c) => [c.code.replace('CET23-', ''), c.overdue]));
    const today = attention(TODAY);
    expect(today).toMatchObject({ 'AI-03': true, 'BIO-04': true, 'TRI-01': true, 'BIO-01': true, 'QNT-01': false, 'AI-04': false });
    expect(Object.entries(today).filter(([, o]) => o).map(([c]) => c).sort()).toEqual(['AI-03', 'BIO-01', 'BIO-04', 'TRI-01']);
    // On the due date itself, nothing is overdue yet.
    expect(Object.values(attention('2024-12-31')).filter(Boolean)).toHaveLength(1); // TRI-01, due 2024-04-30
  });
});

describe('compliance', () => {
  it('is the mean verdict over the commitments assessed, however many share a group', () => {
    const analyst = testActor(db, 'analyst@example.org', 'analyst', null);
    const quarter = '2025-Q2';
    const assess = (code: string, verdict: number) =>
      recordAssessment(db, analyst, code, { quarter, verdict, confidence: 'medium', rationale: 'Checked.', links: [] }, { origin: 'test' }, TODAY);
    assess('CET23-ICT-01', 1);
    assess('CET23-ICT-02', 1);
    assess('CET23-QNT-02', -1);
    const v = planAsOfView({}, TODAY, TODAY, db);
    expect(v.assessment.overall).toEqual({ assessed: 3, total: 19, mean: 1 / 3 });
    expect(v.assessment.byArea.find((a) => a.code === 'ICT')).toMatchObject({ assessed: 2, total: 2, mean: 1 });
    expect(v.assessment.byLeadAgency.find((a) => a.code === 'MSIT')).toMatchObject({ assessed: 3, mean: 1 / 3 });
  });
});
