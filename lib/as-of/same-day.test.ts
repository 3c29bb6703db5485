import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { areas, commitments, dialogues, statusUpdates, tallySnapshotDates } from '@/db/schema';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { handMadeHistory } from '@/lib/testing/hand-made-history';
import { useSeededTestDb } from '@/lib/testing/test-db';
import { listAsOf } from './list';
import type { AsOfScope } from './scope';
import { baseFor } from './snapshot-dates';
import { END_OF_TIME } from './state';
import { planAsOfView } from './view';

/**
 * Two entries effective on the same day stand in the order they were recorded. A past date is
 * counted from the nearer month-end snapshot (or today's tallies) and corrected by the entries in
 * between: undoing or replaying those must respect that order too.
 */
const TODAY = '2025-06-30';
let db: Db;
let record: ReturnType<typeof handMadeHistory>['record'];

beforeEach(() => {
  db = useSeededTestDb();
  ({ record } = handMadeHistory(db, TODAY));
});

/** Each BIO commitment's status at the end of `date`, from the raw entries alone: the latest by (effective date, recording order). */
function bioFromHistory(date: string): Map<string, Status> {
  const bio = db.select({ id: areas.id }).from(areas).where(eq(areas.code, 'BIO')).get()!.id;
  const entries = db.select().from(statusUpdates).orderBy(asc(statusUpdates.id)).all();
  const states = new Map<string, Status>();
  for (const c of db.select().from(commitments).where(eq(commitments.areaId, bio)).all()) {
    const own = entries.filter((u) => u.commitmentId === c.id);
    const upTo = own.filter((u) => u.effectiveDate <= date).sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.id - b.id);
    states.set(c.code, (upTo.at(-1)?.newStatus ?? own[0]?.previousStatus ?? c.status) as Status);
  }
  return states;
}

function countsOf(states: Map<string, Status>, codes?: string[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const [code, s] of states) if (!codes || codes.includes(code)) counts[s] += 1;
  return counts;
}

/** The dashboard's counts, the list and the list sorted by status, for a scope at a date. */
function readAt(scope: AsOfScope, date: string) {
  const view = planAsOfView(scope, date, TODAY, db);
  const list = (sort: string) =>
    Object.fromEntries(listAsOf(parseFiltersLeniently({ ...scope, asOf: date, pageSize: '100', sort }), TODAY, db).items.map((c) => [c.code, c.status]));
  return { counts: view.headline.counts, list: list('code'), byStatus: list('status') };
}

function expectAgreesWithHistory(date: string, label: string) {
  const want = bioFromHistory(date);
  const mohwCodes = ['CET23-BIO-02', 'CET23-BIO-03', 'CET23-BIO-04'];
  const dialogue = db.select().from(dialogues).get()!.code;
  const cases: [AsOfScope, string[] | undefined][] = [
    [{ area: 'BIO' }, undefined],
    [{ agency: 'MOHW', area: 'BIO' }, mohwCodes],
    [{ agency: 'MSIT', area: 'BIO' }, ['CET23-BIO-01']],
    [{ dialogue, area: 'BIO' }, undefined],
  ];
  for (const [scope, codes] of cases) {
    const got = readAt(scope, date);
    const expected = Object.fromEntries([...want].filter(([code]) => !codes || codes.includes(code)));
    expect(got.counts, `${label}: counts for ${JSON.stringify(scope)}`).toEqual(countsOf(want, codes));
    expect(got.list, `${label}: list for ${JSON.stringify(scope)}`).toEqual(expected);
    expect(got.byStatus, `${label}: list by status for ${JSON.stringify(scope)}`).toEqual(expected);
  }
}

describe('entries effective on the same day, counted from a snapshot or the tallies', () => {
  it('undoes them in reverse recording order going back from a month end: BIO as of 2024-03-20 is all not started', () => {
    record('CET23-BIO-01', 'in_progress', 20, '2024-03-25');
    record('CET23-BIO-01', 'delayed', 15, '2024-03-25');
    record('CET23-BIO-01', 'in_progress', 40, '2024-04-10');
    expect(baseFor('2024-03-20', TODAY)).toBe('2024-03-31');
    // Built first, so every read below corrects back from it.
    planAsOfView({}, '2024-03-31', TODAY, db);
    expect(db.select().from(tallySnapshotDates).all().map((r) => r.asOf)).toContain('2024-03-31');

    expect(bioFromHistory('2024-03-20').get('CET23-BIO-01')).toBe('not_started');
    expect(planAsOfView({ area: 'BIO' }, '2024-03-20', TODAY, db).headline.counts.not_started).toBe(4);
    expectAgreesWithHistory('2024-03-20', 'back from 2024-03-31');
    expectAgreesWithHistory('2024-03-25', 'on the day of the tie');
    expectAgreesWithHistory('2024-03-31', 'at the month end');
  });

  it('replays them in recording order going forward from a month end', () => {
    record('CET23-BIO-02', 'in_progress', 30, '2024-04-03');
    record('CET23-BIO-02', 'at_risk', 25, '2024-04-03');
    record('CET23-BIO-03', 'delayed', 5, '2024-04-02');
    record('CET23-BIO-03', 'in_progress', 35, '2024-04-02');
    expect(baseFor('2024-04-05', TODAY)).toBe('2024-03-31');
    planAsOfView({}, '2024-03-31', TODAY, db);

    expect(bioFromHistory('2024-04-05').get('CET23-BIO-02')).toBe('at_risk');
    expect(bioFromHistory('2024-04-05').get('CET23-BIO-03')).toBe('in_progress');
    expectAgreesWithHistory('2024-04-05', 'forward from 2024-03-31');
  });

  it('undoes them in reverse recording order going back from today’s tallies', () => {
    record('CET23-BIO-04', 'in_progress', 20, '2025-06-25');
    record('CET23-BIO-04', 'delayed', 15, '2025-06-25');
    record('CET23-BIO-04', 'in_progress', 40, '2025-06-28');
    expect(baseFor('2025-06-20', TODAY)).toBe(END_OF_TIME);

    expect(bioFromHistory('2025-06-20').get('CET23-BIO-04')).toBe('not_started');
    expectAgreesWithHistory('2025-06-20', 'back from today');
    expectAgreesWithHistory('2025-06-25', 'on the day of the tie, near today');
  });
});
