import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { commitments, statusUpdates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { isClosed, type Status } from '@/lib/commitments/vocabulary';
import { addDays } from '@/lib/periods/dates';
import { handMadeHistory } from '@/lib/testing/hand-made-history';
import { useSeededTestDb } from '@/lib/testing/test-db';
import type { AsOfScope } from './scope';
import { planAsOfView } from './view';

/**
 * The dashboard's "falling due in the next 90 days" list: commitments due after the date and at
 * most 90 days later, open at the end of the date. In the seed, BIO-01, BIO-04 and AI-01 to AI-03
 * fall due on 2024-12-31 and TRI-01 on 2024-04-30.
 */
const TODAY = '2025-06-30';
let db: Db;
let admin: Actor;

beforeEach(() => {
  db = useSeededTestDb();
  // Recorded on 2024-10-15, so the list can be read with that day as today.
  const made = handMadeHistory(db, '2024-10-15');
  const record = made.record;
  admin = made.admin;
  record('CET23-BIO-01', 'completed', 100, '2024-09-01');
  record('CET23-AI-01', 'discontinued', 0, '2024-08-01');
  record('CET23-AI-03', 'discontinued', 0, '2024-06-01');
  record('CET23-BIO-04', 'in_progress', 40, '2024-05-05');
});

const upcoming = (scope: AsOfScope, asOf: string, today = TODAY) => planAsOfView(scope, asOf, today, db).upcoming.map((c) => c.code);

/** The same list from the raw history alone: due in the window, and open by the latest entry effective by then. */
function upcomingFromHistory(asOf: string, keep: (code: string) => boolean = () => true): string[] {
  const entries = db.select().from(statusUpdates).orderBy(asc(statusUpdates.effectiveDate), asc(statusUpdates.id)).all();
  return db
    .select()
    .from(commitments)
    .all()
    .filter((c) => keep(c.code) && c.dueEnd !== null && c.dueEnd > asOf && c.dueEnd <= addDays(asOf, 90))
    .filter((c) => {
      const own = entries.filter((u) => u.commitmentId === c.id);
      const status = (own.filter((u) => u.effectiveDate <= asOf).at(-1)?.newStatus ?? own[0]?.previousStatus ?? c.status) as Status;
      return !isClosed(status);
    })
    .sort((a, b) => a.dueEnd!.localeCompare(b.dueEnd!) || a.code.localeCompare(b.code))
    .map((c) => c.code);
}

describe('the commitments falling due in the next 90 days', () => {
  it('lists only the open ones: not those completed or discontinued by then', () => {
    const list = upcoming({}, '2024-10-15', '2024-10-15');
    expect(list).toEqual(['CET23-AI-02', 'CET23-BIO-04']);
    expect(list).toEqual(upcomingFromHistory('2024-10-15'));
    expect(upcoming({ area: 'AI' }, '2024-10-15', '2024-10-15')).toEqual(['CET23-AI-02']);
    // MSIT leads BIO-01 (completed), AI-01 (discontinued) and AI-02.
    expect(upcoming({ agency: 'MSIT' }, '2024-10-15', '2024-10-15')).toEqual(['CET23-AI-02']);
  });

  it('judges a past date by the state then: closed later still listed, reopened later still left out', () => {
    const later = (code: string, status: string, progress: number, effectiveDate: string) => {
      const version = db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;
      updateCommitmentStatus(db, admin, code, { status, progress, note: 'later', effectiveDate, version }, { origin: 'test' }, TODAY);
    };
    later('CET23-AI-02', 'completed', 100, '2024-11-15');
    later('CET23-AI-03', 'in_progress', 50, '2024-12-01');
    for (const scope of [{}, { area: 'AI' }, { dialogue: 'KR-US-CET-2023' }] as AsOfScope[]) {
      const keep = scope.area ? (code: string) => code.startsWith('CET23-AI-') : undefined;
      for (const asOf of ['2024-10-15', '2024-10-31', '2024-12-05']) {
        expect(upcoming(scope, asOf), `${JSON.stringify(scope)} at ${asOf}`).toEqual(upcomingFromHistory(asOf, keep));
      }
    }
    expect(upcoming({}, '2024-10-15')).toEqual(['CET23-AI-02', 'CET23-BIO-04']);
    expect(upcoming({}, '2024-12-05')).toEqual(['CET23-AI-03', 'CET23-BIO-04']);
  });

  it('covers the 90 days after the date: due on the date itself is not upcoming, due on the 90th day is', () => {
    // TRI-01 falls due on 2024-04-30, 90 days after 2024-01-31.
    expect(upcoming({}, '2024-01-31')).toContain('CET23-TRI-01');
    expect(upcoming({}, '2024-01-30')).not.toContain('CET23-TRI-01');
    expect(upcoming({}, '2024-04-30')).not.toContain('CET23-TRI-01');
  });
});
