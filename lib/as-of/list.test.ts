import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { areas, commitments, stateSnapshots, statusUpdates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import { isClosed, STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { recordRandomHistory } from '@/lib/testing/random-history';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { listAsOf } from './list';

const TODAY = '2025-06-30';
let db: Db;

beforeEach(() => {
  db = useSeededTestDb();
  const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  const admin: Actor = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
  recordRandomHistory(db, admin, 5, TODAY, 200);
});

/** Every commitment's state at the end of `date` from the raw history alone (ties by recording order). */
function statesFromHistory(date: string) {
  const history = db.select().from(statusUpdates).orderBy(asc(statusUpdates.effectiveDate), asc(statusUpdates.id)).all();
  return db
    .select({ id: commitments.id, code: commitments.code, areaId: commitments.areaId, dueEnd: commitments.dueEnd, adoptedOn: commitments.adoptedOn })
    .from(commitments)
    .all()
    .filter((c) => c.adoptedOn <= date)
    .map((c) => {
      const own = history.filter((u) => u.commitmentId === c.id);
      const last = own.filter((u) => u.effectiveDate <= date).at(-1);
      const status = (last?.newStatus ?? own[0]?.previousStatus ?? 'not_started') as Status;
      return { ...c, status, progress: last?.newProgress ?? own[0]?.previousProgress ?? 0 };
    });
}

describe('the list as of a date, sorted by status', () => {
  it('pages through exactly the history’s order, from a snapshot, its corrections or the history', () => {
    const semi = db.select().from(areas).where(eq(areas.code, 'SEMI')).get()!.id;
    const filters: [Record<string, string | string[]>, (c: { areaId: number; status: Status; dueEnd: string | null }, date: string) => boolean][] = [
      [{}, () => true],
      [{ area: 'SEMI' }, (c) => c.areaId === semi],
      [{ status: ['in_progress', 'delayed'] }, (c) => c.status === 'in_progress' || c.status === 'delayed'],
      [{ overdue: '1' }, (c, date) => c.dueEnd !== null && c.dueEnd < date && !isClosed(c.status)],
    ];
    // A month end (its own snapshot), either side of one (snapshot plus corrections), near today (the changes since).
    for (const date of ['2024-03-31', '2024-06-14', '2024-06-17', '2025-01-31', '2025-06-25']) {
      for (const [raw, keep] of filters) {
        for (const dir of ['asc', 'desc'] as const) {
          const want = statesFromHistory(date)
            .filter((c) => keep(c, date))
            .sort((a, b) => (dir === 'asc' ? 1 : -1) * (STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status)) || a.code.localeCompare(b.code))
            .map((c) => `${c.code}:${c.status}:${c.progress}`);
          const got: string[] = [];
          for (let page = 1; page <= 3; page++) {
            const list = listAsOf(parseFiltersLeniently({ ...raw, asOf: date, sort: 'status', dir, pageSize: '10', page: String(page) }), TODAY, db);
            expect(list.total, `${date} ${JSON.stringify(raw)} ${dir}`).toBe(want.length);
            got.push(...list.items.map((c) => `${c.code}:${c.status}:${c.progress}`));
          }
          expect(got, `${date} ${JSON.stringify(raw)} ${dir}`).toEqual(want);
        }
      }
    }
    // The month-end snapshots those dates read from were built and used.
    const built = new Set(db.select({ d: stateSnapshots.asOf }).from(stateSnapshots).all().map((r) => r.d));
    expect([...built].sort()).toEqual(['2024-03-31', '2024-05-31', '2024-06-30', '2025-01-31']);
  });
});
