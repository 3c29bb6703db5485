import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencyTallySnapshots, stateSnapshots, tallySnapshotDates, tallySnapshots } from '@/db/schema';
import { handMadeHistory } from '@/lib/testing/hand-made-history';
import { useSeededTestDb } from '@/lib/testing/test-db';
import { withTwoConnections } from '@/lib/testing/write-lock';
import { planAsOfView } from './view';

// What the mutation run found unpinned in sources.ts (npm run test:mutation, group as-of): a
// snapshot is never waited for (another connection's write lock means counting from the history,
// and the connection's busy timeout comes back), and building one drops the dates that have left
// the window.
const TODAY = '2025-06-30';

const datesIn = (db: Db) => ({
  dates: db.select({ d: tallySnapshotDates.asOf }).from(tallySnapshotDates).orderBy(asc(tallySnapshotDates.asOf)).all().map((r) => r.d),
  tallies: [...new Set(db.select({ d: tallySnapshots.asOf }).from(tallySnapshots).all().map((r) => r.d))].sort(),
  states: [...new Set(db.select({ d: stateSnapshots.asOf }).from(stateSnapshots).all().map((r) => r.d))].sort(),
  agencies: [...new Set(db.select({ d: agencyTallySnapshots.asOf }).from(agencyTallySnapshots).all().map((r) => r.d))].sort(),
});

describe('month-end snapshots', () => {
  it('are not waited for: while another connection writes, the view counts from the history, the same figures', () => {
    withTwoConnections((a, b) => {
      const { record } = handMadeHistory(a, TODAY);
      record('CET23-AI-01', 'in_progress', 20, '2024-02-10');
      record('CET23-QNT-01', 'delayed', 40, '2024-03-20');
      record('CET23-QNT-01', 'in_progress', 45, '2024-04-20');
      expect(a.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
      b.$client.prepare('begin immediate').run();
      let during: ReturnType<typeof planAsOfView>;
      try {
        during = planAsOfView({}, '2024-03-31', TODAY, a);
        expect(datesIn(a).dates, 'nothing built while the lock is held').toEqual([]);
      } finally {
        b.$client.prepare('rollback').run();
      }
      expect(a.$client.pragma('busy_timeout', { simple: true }), 'the busy timeout comes back').toBe(5000);
      const after = planAsOfView({}, '2024-03-31', TODAY, a);
      // The view also counts the previous quarter's end.
      expect(datesIn(a).dates, 'built once the lock is free').toEqual(['2023-12-31', '2024-03-31']);
      expect(during.headline).toEqual(after.headline);
      expect(after.headline.counts).toMatchObject({ in_progress: 1, delayed: 1 });
      expect(during.byArea).toEqual(after.byArea);
    });
  });

  it('of dates that have left the window are dropped from every snapshot table when a new one is built', () => {
    const db = useSeededTestDb();
    handMadeHistory(db, TODAY).record('CET23-AI-01', 'in_progress', 20, '2024-02-10');
    planAsOfView({}, '2024-03-31', TODAY, db);
    planAsOfView({ agency: 'MSIT' }, '2024-06-30', TODAY, db);
    const built = datesIn(db);
    // Each view also counts its previous quarter's end.
    const first = ['2023-12-31', '2024-03-31', '2024-06-30'];
    expect(built).toEqual({ dates: first, tallies: first, states: first, agencies: first });
    // Years later, both have left the window (it reaches back to 2027-03-31): the next build drops them.
    const later = '2033-02-15';
    planAsOfView({}, '2030-06-30', later, db);
    const now = ['2030-03-31', '2030-06-30'];
    expect(datesIn(db)).toEqual({ dates: now, tallies: now, states: now, agencies: now });
    // Building at a date inside the window drops nothing that is still in it.
    planAsOfView({}, '2030-09-30', later, db);
    expect(datesIn(db).dates).toEqual(['2030-03-31', '2030-06-30', '2030-09-30']);
  });
});
