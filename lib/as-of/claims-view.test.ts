import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, commitments, statusUpdates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { recordAssessment } from '@/lib/assessments/record';
import { decideClaim } from '@/lib/claims/decide';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { STATUSES } from '@/lib/commitments/vocabulary';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { listAsOf } from './list';
import { planAsOfView } from './view';

const TODAY = '2025-06-30';
const ctx = { origin: 'test' };
let db: Db;
let admin: Actor;
let analyst: Actor;

function actorFor(email: string, role: Actor['role'], agencyCode: string | null): Actor {
  const agencyId = agencyCode ? db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, agencyCode)).get()!.id : null;
  const u = insertTestUser(db, { email, role, agencyId, passwordHash: 'x' });
  return { id: u.id, email, role, agencyId, agencyCode, active: true, mustChangePassword: false };
}

const versionOf = (code: string) => db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;

function record(code: string, status: string, effectiveDate: string) {
  const progress = status === 'completed' ? 100 : 40;
  updateCommitmentStatus(db, admin, code, { status, progress, note: 'hand-made', effectiveDate, version: versionOf(code) }, ctx, TODAY);
}

function answer(code: string, who: Actor, decision: 'confirm' | 'dispute', effectiveDate: string) {
  const id = db.select({ id: commitments.id }).from(commitments).where(eq(commitments.code, code)).get()!.id;
  const updateId = db.select({ id: statusUpdates.id }).from(statusUpdates).where(eq(statusUpdates.commitmentId, id)).all().at(-1)!.id;
  decideClaim(db, who, code, { decision, note: decision === 'dispute' ? 'Not what we agreed' : '', updateId, effectiveDate, version: versionOf(code) }, ctx, TODAY);
}

const assess = (code: string, quarter: string, verdict: 1 | 0 | -1, revises: number | null = null) =>
  recordAssessment(db, analyst, code, { quarter, verdict, confidence: 'medium', rationale: 'Read the agencies’ reports.', revises }, ctx, TODAY).id;

/**
 * Every commitment (all 19 seeded ones have a party on the other side) with what the test reads
 * straight from the tables at the end of `date`: the status in force, the claim's state when its
 * latest update is a claim, and the standing verdict for `quarter`.
 */
function oracle(date: string, quarter: string) {
  return db.$client
    .prepare(
      `with latest as (
         select c.id, c.code, c.area_id, c.lead_agency_id,
           (select su.id from status_updates su where su.commitment_id = c.id and su.effective_date <= @date order by su.effective_date desc, su.id desc limit 1) as update_id
         from commitments c where c.adopted_on <= @date)
       select l.code, l.area_id as areaId, l.lead_agency_id as leadAgencyId,
         coalesce((select new_status from status_updates where id = l.update_id),
                  (select previous_status from status_updates f where f.commitment_id = l.id order by f.id limit 1),
                  (select status from commitments where id = l.id)) as status,
         cl.effective_date as claimDate,
         case when cl.update_id is null then null
              else coalesce((select case d.decision when 'confirm' then 'confirmed' else 'disputed' end from claim_decisions d
                             where d.claim_id = cl.update_id and d.effective_date <= @date order by d.effective_date desc, d.id desc limit 1), 'pending') end as claim,
         (select a.verdict from assessments a where a.commitment_id = l.id and a.quarter = @quarter order by a.id desc limit 1) as verdict
       from latest l left join claims cl on cl.update_id = l.update_id`,
    )
    .all({ date, quarter }) as { code: string; areaId: number; leadAgencyId: number; status: string; claimDate: string | null; claim: string | null; verdict: number | null }[];
}

/** The commitments list behind a drill-down link, as the page would read it. */
const drilled = (href: string) => listAsOf(parseFiltersLeniently(new URLSearchParams(href.split('?')[1] ?? '')), TODAY, db);

beforeEach(() => {
  db = useSeededTestDb();
  admin = actorFor('admin@example.org', 'admin', null);
  analyst = actorFor('analyst@example.org', 'analyst', null);
  const nih = actorFor('nih@example.org', 'official', 'NIH');
  record('CET23-ICT-01', 'completed', '2025-01-15'); // pending since January
  record('CET23-AI-01', 'completed', '2025-02-01');
  record('CET23-AI-01', 'in_progress', '2025-03-01'); // the claim is superseded
  record('CET23-BIO-04', 'completed', '2025-03-01');
  answer('CET23-BIO-04', admin, 'confirm', '2025-03-10');
  record('CET23-BIO-03', 'completed', '2025-04-10');
  answer('CET23-BIO-03', nih, 'dispute', '2025-04-20');
  record('CET23-BIO-01', 'completed', '2025-05-01'); // pending over 30 days by the end of June
  record('CET23-AI-02', 'discontinued', '2025-06-05'); // pending, under 30 days
  record('CET23-BIO-02', 'delayed', '2025-06-10');
  const first = assess('CET23-BIO-01', '2025-Q2', 1);
  assess('CET23-BIO-01', '2025-Q2', 0, first); // the revision stands
  assess('CET23-BIO-02', '2025-Q2', -1);
  assess('CET23-AI-01', '2025-Q2', 1);
  assess('CET23-ICT-02', '2025-Q2', 0);
  assess('CET23-BIO-03', '2025-Q1', 1); // last quarter's: not assessed this quarter
  assess('CET23-ICT-01', '2025-Q1', -1);
});

describe('claims on the dashboard', () => {
  it.each([
    // date, pending, over 30 days, disputed: counted by hand from the history above
    ['2025-06-30', 3, 2, 1], // ICT-01, BIO-01 (over 30 days), AI-02; BIO-03 disputed
    ['2025-04-15', 2, 1, 0], // ICT-01 (over 30 days), BIO-03 (its dispute is later)
    ['2025-03-31', 1, 1, 0], // ICT-01; AI-01 superseded; BIO-04 confirmed
    ['2025-01-31', 1, 0, 0], // ICT-01, 16 days old
  ])('at the end of %s: %i awaiting confirmation (%i over 30 days), %i disputed', (date, pending, overdue, disputed) => {
    const rows = oracle(date, '2025-Q2');
    const cutoff = new Date(Date.parse(`${date}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
    const fromTables = {
      pending: rows.filter((r) => r.claim === 'pending').length,
      pendingOverdue: rows.filter((r) => r.claim === 'pending' && r.claimDate! < cutoff).length,
      disputed: rows.filter((r) => r.claim === 'disputed').length,
    };
    expect(fromTables).toEqual({ pending, pendingOverdue: overdue, disputed });
    const { links, ...counts } = planAsOfView({}, date, TODAY, db).claims;
    expect(counts).toEqual(fromTables);
    // Each figure's link lists exactly what it counts, at the same date.
    expect(drilled(links.pending).total).toBe(pending);
    expect(drilled(links.pendingOverdue).total).toBe(overdue);
    expect(drilled(links.disputed).total).toBe(disputed);
    if (date < TODAY) expect(links.pending).toContain(`asOf=${date}`);
  });

  it('marks the attention list’s disputed claims and those awaiting confirmation for over 30 days', () => {
    const d = planAsOfView({}, TODAY, TODAY, db);
    const marked = Object.fromEntries(d.attention.filter((a) => a.claim && a.claim !== 'confirmed').map((a) => [a.code, a.claim]));
    expect(marked).toMatchObject({ 'CET23-BIO-03': 'disputed', 'CET23-BIO-01': 'pending', 'CET23-ICT-01': 'pending' });
    expect(marked['CET23-AI-02']).toBeUndefined();
  });

  it('qualifies the list rows with their claim and the quarter’s verdict', () => {
    const items = listAsOf(parseFiltersLeniently({ area: 'BIO' }), TODAY, db).items;
    const byCode = Object.fromEntries(items.map((i) => [i.code, { status: i.status, claim: i.claim?.state ?? null, overdue: i.claim?.overdue ?? null, verdict: i.verdict }]));
    expect(byCode).toEqual({
      'CET23-BIO-01': { status: 'completed', claim: 'pending', overdue: true, verdict: 0 },
      'CET23-BIO-02': { status: 'delayed', claim: null, overdue: null, verdict: -1 },
      'CET23-BIO-03': { status: 'completed', claim: 'disputed', overdue: false, verdict: null },
      'CET23-BIO-04': { status: 'completed', claim: null, overdue: null, verdict: null },
    });
    expect(items.find((i) => i.code === 'CET23-BIO-01')!.claim!.awaiting).toEqual(['NSF']);
  });
});

describe('assessed against self-reported on the dashboard', () => {
  it.each([
    ['2025-06-30', '2025-Q2'],
    ['2025-03-31', '2025-Q1'],
  ])('at the end of %s the cross-table counts the standing verdicts for %s by status', (date, quarter) => {
    const rows = oracle(date, quarter);
    const a = planAsOfView({}, date, TODAY, db).assessment;
    expect(a.quarter).toBe(quarter);
    expect(a.cross.map((r) => r.verdict)).toEqual([1, 0, -1, null]);
    for (const row of a.cross) {
      const mine = rows.filter((r) => r.verdict === row.verdict);
      expect(row.counts).toEqual(Object.fromEntries(STATUSES.map((s) => [s, mine.filter((r) => r.status === s).length])));
      expect(row.total).toBe(mine.length);
      // Drill-downs list what the cells count.
      expect(drilled(row.links.total).total).toBe(row.total);
      for (const s of STATUSES) if (row.counts[s]) expect(drilled(row.links[s]).total).toBe(row.counts[s]);
    }
    const assessed = rows.filter((r) => r.verdict !== null);
    const mean = assessed.length ? assessed.reduce((n, r) => n + r.verdict!, 0) / assessed.length : null;
    expect(a.overall).toEqual({ assessed: assessed.length, total: rows.length, mean });
  });

  it('gives the numbers worked out by hand for the second quarter of 2025', () => {
    const a = planAsOfView({}, TODAY, TODAY, db).assessment;
    const nonZero = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([, n]) => n));
    expect(a.cross.map((r) => [r.verdict, nonZero(r.counts), r.total])).toEqual([
      [1, { in_progress: 1 }, 1], // AI-01
      [0, { completed: 1, not_started: 1 }, 2], // BIO-01, ICT-02
      [-1, { delayed: 1 }, 1], // BIO-02
      [null, { not_started: 11, completed: 3, discontinued: 1 }, 15], // ICT-01, BIO-03, BIO-04 completed; AI-02 discontinued
    ]);
    expect(a.overall).toEqual({ assessed: 4, total: 19, mean: 0 });
    const bio = a.byArea.find((r) => r.code === 'BIO')!;
    expect(bio).toMatchObject({ assessed: 2, total: 4, mean: -0.5 });
    expect(drilled(bio.link).items.map((i) => i.code)).toEqual(['CET23-BIO-03', 'CET23-BIO-04']);
    // MSIT leads AI-01 (+1), AI-02, AI-05, BIO-01 (0), ICT-01, ICT-02 (0), QNT-02.
    const msit = a.byLeadAgency.find((r) => r.code === 'MSIT')!;
    expect(msit).toMatchObject({ assessed: 3, total: 7, mean: 1 / 3 });
    expect(drilled(msit.link).items.map((i) => i.code).sort(), 'the four not assessed').toEqual(['CET23-AI-02', 'CET23-AI-05', 'CET23-ICT-01', 'CET23-QNT-02']);
    expect(a.byLeadAgency.find((r) => r.code === 'MOHW')).toMatchObject({ assessed: 1, total: 3, mean: -1 });
    expect(a.byLeadAgency.find((r) => r.code === 'KRISS')).toMatchObject({ assessed: 0, total: 1, mean: null });
  });

  it('keeps to the scope: an area’s view counts its own commitments only', () => {
    const a = planAsOfView({ area: 'BIO' }, TODAY, TODAY, db).assessment;
    expect(a.overall).toEqual({ assessed: 2, total: 4, mean: -0.5 });
    expect(a.cross.find((r) => r.verdict === null)!.links.total).toBe('/commitments?area=BIO&verdict=none');
  });
});
