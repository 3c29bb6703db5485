import { asc, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, commitmentPartners, commitments, statusUpdates, tallySnapshotDates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { CommitmentFilterInput } from '@/lib/commitments/filters';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { addDays, monthEnd } from '@/lib/periods/dates';
import { recordRandomHistory } from '@/lib/testing/random-history';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { listAsOf } from './list';
import { baseFor, RECENT_MONTHS, SNAPSHOTS_KEPT, snapshotDates } from './snapshot-dates';
import { planAsOfView } from './view';

/** Far enough from the seed's dialogue (December 2023) that most of its history lies outside the recent months. */
const TODAY = '2033-02-15';
let db: Db;

beforeEach(() => {
  db = useSeededTestDb();
  const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  const admin: Actor = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
  recordRandomHistory(db, admin, 7, TODAY, 150);
});

/** 60 different month ends from 2019 to 2033, as a reader churning the cache would ask for them. */
const SIXTY_MONTH_ENDS = Array.from({ length: 60 }, (_, i) => {
  const month = 2019 * 12 + Math.floor((i * 169) / 60);
  return monthEnd(Math.floor(month / 12), (month % 12) + 1);
});

const cached = () => db.select().from(tallySnapshotDates).orderBy(asc(tallySnapshotDates.asOf)).all();

/** Counts by status at the end of `date` from status_updates alone (ties by recording order). */
function recount(date: string, agencyCode?: string): Record<Status, number> {
  const agencyId = agencyCode ? db.select().from(agencies).all().find((a) => a.code === agencyCode)!.id : null;
  const partners = db.select().from(commitmentPartners).all();
  const history = db.select().from(statusUpdates).orderBy(asc(statusUpdates.effectiveDate), asc(statusUpdates.id)).all();
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const c of db.select().from(commitments).all()) {
    if (c.adoptedOn > date || c.archivedAt) continue;
    if (agencyId !== null && c.leadAgencyId !== agencyId && !partners.some((p) => p.commitmentId === c.id && p.agencyId === agencyId)) continue;
    const last = history.filter((h) => h.commitmentId === c.id && h.effectiveDate <= date).at(-1);
    counts[(last?.newStatus ?? 'not_started') as Status] += 1;
  }
  return counts;
}

describe('the month-end snapshot cache is bounded', () => {
  it('may cache only month ends of the recent months and quarter ends before them, at most 48 dates', () => {
    const dates = snapshotDates(TODAY);
    expect(dates).toHaveLength(SNAPSHOTS_KEPT);
    expect(dates[0]).toBe('2033-01-31');
    expect(dates.slice(0, RECENT_MONTHS)).toContain('2030-02-28');
    const older = dates.filter((d) => d < '2030-02-28');
    expect(older).toHaveLength(SNAPSHOTS_KEPT - RECENT_MONTHS);
    expect(older.every((d) => ['03-31', '06-30', '09-30', '12-31'].includes(d.slice(5)))).toBe(true);
    expect(dates.every((d) => d < TODAY)).toBe(true);
    // A date near a cacheable one starts from it; a date far from all of them from the history.
    expect(dates.at(-1)).toBe('2027-03-31');
    expect(baseFor('2030-06-10', TODAY)).toBe('2030-05-31');
    expect(baseFor('2028-05-20', TODAY)).toBe('2028-06-30');
    expect(baseFor('2029-11-11', TODAY)).toBe('2029-09-30');
    expect(baseFor('2032-12-20', TODAY)).toBe('2032-12-31');
    expect(baseFor('2033-02-10', TODAY)).toBe('9999-12-31');
    expect(baseFor('2027-02-01', TODAY)).toBe('2027-03-31');
    expect(baseFor('2026-06-15', TODAY)).toBeNull();
    expect(baseFor('2010-05-20', TODAY)).toBeNull();
  });

  it('builds each cacheable date at most once however many dates a reader asks for, and never evicts one for another', { timeout: 60_000 }, () => {
    const ask = (date: string) => {
      planAsOfView({}, date, TODAY, db);
      planAsOfView({ agency: 'MSIT' }, date, TODAY, db);
      listAsOf(CommitmentFilterInput.parse({ asOf: date, sort: 'status' }), TODAY, db);
    };
    for (const date of SIXTY_MONTH_ENDS) ask(date);
    const first = cached();
    expect(first.length).toBeLessThanOrEqual(SNAPSHOTS_KEPT);
    const allowed = new Set(snapshotDates(TODAY));
    expect(first.filter((r) => !allowed.has(r.asOf))).toEqual([]);

    // Asked again, and with days in between: nothing is built or dropped.
    db.run(sql`update ${tallySnapshotDates} set built_at = '2000-01-01T00:00:00.000Z'`);
    for (const date of [...SIXTY_MONTH_ENDS, ...SIXTY_MONTH_ENDS.map((d) => addDays(d, -12))]) ask(date);
    expect(cached()).toEqual(first.map((r) => ({ ...r, builtAt: '2000-01-01T00:00:00.000Z' })));
  });

  it('counts dates served from a quarter end, a recent month end or the history as the history says', () => {
    for (const date of ['2019-06-30', '2023-12-31', '2024-05-31', '2026-03-31', '2027-02-01', '2028-05-20', '2029-11-11', '2030-06-15', '2032-07-19', '2033-01-31', '2033-02-10']) {
      expect(planAsOfView({}, date, TODAY, db).headline.counts, date).toEqual(recount(date));
      expect(planAsOfView({ agency: 'MSIT' }, date, TODAY, db).headline.counts, `MSIT ${date}`).toEqual(recount(date, 'MSIT'));
      const list = listAsOf(CommitmentFilterInput.parse({ asOf: date, pageSize: '100' }), TODAY, db);
      const listed = Object.fromEntries(STATUSES.map((s) => [s, list.items.filter((i) => i.status === s).length]));
      expect(listed, `list ${date}`).toEqual(recount(date));
    }
  });
});
