import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import type { CommitmentFilter } from '@/lib/commitments/filters';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { setCommitmentArchived } from '@/lib/admin/commitment-service';
import { monthIndex } from '@/lib/periods/dates';
import { handMadeHistory } from '@/lib/testing/hand-made-history';
import { useSeededTestDb } from '@/lib/testing/test-db';
import { netChangesByMonth, type StateTally } from './series';

// What the mutation run found unpinned in series.ts (group as-of): which source each scope is read
// from. The rollups hold the commitments not archived and know only area, lead agency and (per
// agency) one agency; a scope that also names a dialogue, a lead, a country or the archived must be
// read from the history, or it silently counts commitments outside it. Each scope's monthly net
// changes are checked against a recount of the state changes in plain TypeScript.

const TODAY = '2025-06-30';
let db: Db;

/**
 * The seed's commitments all lead by Korean agencies, adopted on 2023-12-09 (dialogue KR-US-CET-2023).
 * BIO-01 and QNT-02: MSIT leads, NSF partners. AI-01: MSIT leads, archived after its change.
 * BIO-02: MOHW leads. SEMI-01: MOTIE leads. TRI-01: NSO leads, NSC (US) partners.
 */
beforeEach(() => {
  db = useSeededTestDb();
  const { admin, record } = handMadeHistory(db, TODAY);
  record('CET23-BIO-01', 'in_progress', 30, '2024-03-10');
  record('CET23-BIO-02', 'in_progress', 50, '2024-03-25');
  record('CET23-QNT-02', 'at_risk', 10, '2024-05-20');
  record('CET23-SEMI-01', 'completed', 100, '2024-06-15');
  record('CET23-AI-01', 'in_progress', 40, '2024-07-01');
  record('CET23-BIO-01', 'completed', 100, '2024-09-05');
  record('CET23-TRI-01', 'delayed', 20, '2024-11-11');
  record('CET23-QNT-02', 'in_progress', 35, '2025-01-15');
  setCommitmentArchived(db, admin, 'CET23-AI-01', true, { origin: 'test' });
});

interface Row {
  id: number;
  dialogue: string;
  area: string;
  lead: string;
  country: string;
  archived: string | null;
}

const isEmpty = (t: StateTally) => t.progressSum === 0 && Object.values(t.counts).every((n) => n === 0);
const tallies = (map: Map<number, StateTally>) => Object.fromEntries([...map].filter(([, t]) => !isEmpty(t)).sort(([a], [b]) => a - b));

/** The net changes per month after `afterMonth` of the commitments in `f`, from status_transitions read row by row. */
function recount(f: Partial<CommitmentFilter>, afterMonth: number): Record<number, StateTally> {
  const all = <T>(q: string) => db.$client.prepare(q).all() as T[];
  const rows = all<Row>(`select c.id, d.code as dialogue, a.code as area, l.code as lead, l.country, c.archived_at as archived
    from commitments c join dialogues d on d.id = c.dialogue_id join areas a on a.id = c.area_id join agencies l on l.id = c.lead_agency_id`);
  const partners = all<{ id: number; code: string }>(`select p.commitment_id as id, g.code from commitment_partners p join agencies g on g.id = p.agency_id`);
  const inScope = new Set(
    rows
      .filter(
        (c) =>
          (f.archived || c.archived === null) &&
          (!f.dialogue || c.dialogue === f.dialogue) &&
          (!f.area || c.area === f.area) &&
          (!f.agency || c.lead === f.agency || partners.some((p) => p.id === c.id && p.code === f.agency)) &&
          (!f.lead || c.lead === f.lead) &&
          (!f.country || c.country === f.country),
      )
      .map((c) => c.id),
  );
  const out = new Map<number, StateTally>();
  for (const t of all<{ id: number; date: string; f: string; t: string; fp: number; tp: number }>(
    `select commitment_id as id, effective_date as date, from_status as f, to_status as t, from_progress as fp, to_progress as tp from status_transitions`,
  )) {
    const m = monthIndex(t.date);
    if (!inScope.has(t.id) || m <= afterMonth) continue;
    const tally = out.get(m) ?? { counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>, progressSum: 0, total: 0 };
    if (t.t !== 'absent') tally.counts[t.t as Status] += 1;
    if (t.f !== 'absent') tally.counts[t.f as Status] -= 1;
    tally.progressSum += t.tp - t.fp;
    out.set(m, tally);
  }
  return tallies(out);
}

const BEFORE_ADOPTION = monthIndex('2023-11-30');
const MID_2024 = monthIndex('2024-06-30');

const SCOPES: Partial<CommitmentFilter>[] = [
  {},
  { area: 'BIO' },
  { lead: 'MSIT' },
  { country: 'KR' },
  { country: 'US' },
  { agency: 'NSF' },
  { agency: 'MSIT' },
  { dialogue: 'KR-US-CET-2023' },
  { agency: 'NSF', lead: 'MOHW' },
  { agency: 'MSIT', lead: 'MSIT' },
  { agency: 'NSC', country: 'US' },
  { agency: 'NSC', country: 'KR' },
  { agency: 'MSIT', dialogue: 'KR-US-CET-2023' },
  { agency: 'MSIT', dialogue: 'NO-SUCH-DIALOGUE' },
  { agency: 'NSF', area: 'QNT' },
  { archived: true },
  { agency: 'MSIT', archived: true },
  { area: 'AI', archived: true },
];

describe('net status changes per month', () => {
  it('count every commitment in the scope and no other, whichever source the scope is read from', () => {
    for (const scope of SCOPES) {
      for (const after of [BEFORE_ADOPTION, MID_2024]) {
        expect(tallies(netChangesByMonth(db, scope, after)), `${JSON.stringify(scope)} after ${after}`).toEqual(recount(scope, after));
      }
    }
  });

  it('start after the month asked for, adoptions included, with no count for the pseudo-status absent', () => {
    const counts = (over: Partial<Record<Status, number>>) => ({ ...Object.fromEntries(STATUSES.map((s) => [s, 0])), ...over });
    // BIO's four commitments adopted in December 2023, then BIO-01 and BIO-02 under way in March 2024.
    expect(tallies(netChangesByMonth(db, { area: 'BIO' }, BEFORE_ADOPTION))).toEqual({
      [monthIndex('2023-12-09')]: { counts: counts({ not_started: 4 }), progressSum: 0, total: 0 },
      [monthIndex('2024-03-01')]: { counts: counts({ not_started: -2, in_progress: 2 }), progressSum: 80, total: 0 },
      [monthIndex('2024-09-01')]: { counts: counts({ in_progress: -1, completed: 1 }), progressSum: 70, total: 0 },
    });
    expect(tallies(netChangesByMonth(db, { area: 'BIO' }, MID_2024))).toEqual({
      [monthIndex('2024-09-01')]: { counts: counts({ in_progress: -1, completed: 1 }), progressSum: 70, total: 0 },
    });
    // Led by MSIT: BIO-01, QNT-02 and the ongoing ones (AI-01, archived, is left out).
    expect(tallies(netChangesByMonth(db, { lead: 'MSIT' }, MID_2024))).toEqual({
      [monthIndex('2024-09-01')]: { counts: counts({ in_progress: -1, completed: 1 }), progressSum: 70, total: 0 },
      [monthIndex('2025-01-01')]: { counts: counts({ at_risk: -1, in_progress: 1 }), progressSum: 25, total: 0 },
    });
    // With the archived: AI-01's change in July 2024 counts.
    expect(tallies(netChangesByMonth(db, { area: 'AI', archived: true }, MID_2024))).toEqual({
      [monthIndex('2024-07-01')]: { counts: counts({ not_started: -1, in_progress: 1 }), progressSum: 40, total: 0 },
    });
    expect(tallies(netChangesByMonth(db, { area: 'AI' }, MID_2024))).toEqual({});
  });
});
