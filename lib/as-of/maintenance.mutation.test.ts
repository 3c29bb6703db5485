import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { commitments } from '@/db/schema';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { handMadeHistory } from '@/lib/testing/hand-made-history';
import { testActor } from '@/lib/testing/refusal';
import { createTestDb, tempTableNames, useSeededTestDb } from '@/lib/testing/test-db';
import { otherCouldWrite, withTwoConnections } from '@/lib/testing/write-lock';
import { DERIVED_VERSION, ensureDerivedCurrent, MAX_LISTED, rebuildDerived, storedDerivedVersion, verifyDerived } from './maintenance';
import { listAsOf } from './list';
import { parseFiltersLeniently } from '@/lib/commitments/filters';

// What the mutation run found unpinned in maintenance.ts (npm run test:mutation, group as-of):
// the comparison of each derived table (its key and its values), the rows that carry nothing, the
// cap on rows listed, the rebuild's lock, version, statistics and cache bump, and the upgrade check.
const TODAY = '2025-06-30';
let db: Db;

const one = <T>(source: string, ...params: unknown[]) => db.$client.prepare(source).get(...params) as T;
const keyOf = (row: Record<string, unknown>) =>
  Object.entries(row)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');

/** A history on a few commitments, a claim (MSIT closing BIO-01, which NSF partners) and past month-end snapshots. */
function history(db: Db) {
  const { record } = handMadeHistory(db, TODAY);
  record('CET23-AI-01', 'in_progress', 20, '2024-02-10');
  record('CET23-AI-01', 'delayed', 30, '2024-07-10');
  record('CET23-QNT-01', 'at_risk', 40, '2024-03-05');
  const msit = testActor(db, 'msit@example.org', 'official', 'MSIT');
  const version = db.select().from(commitments).where(eq(commitments.code, 'CET23-BIO-01')).get()!.version;
  updateCommitmentStatus(db, msit, 'CET23-BIO-01', { status: 'completed', progress: 100, note: 'Done.', effectiveDate: '2024-04-01', version }, { origin: 'test' }, TODAY);
  listAsOf(parseFiltersLeniently({ asOf: '2024-06-14' }), TODAY, db);
}

beforeEach(() => {
  db = useSeededTestDb();
  history(db);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Each derived table verifyDerived compares: its key, its values, and a change to one stored value. */
const TABLES: { table: string; key: string[]; values: string[]; change: string; where?: string }[] = [
  { table: 'commitments', key: ['id'], values: ['status', 'progress', 'last_update_on', 'adopted_on'], change: "last_update_on = '2000-01-01'", where: 'last_update_on is not null' },
  { table: 'status_transitions', key: ['commitment_id', 'update_id'], values: ['effective_date', 'from_status', 'to_status', 'from_progress', 'to_progress'], change: 'to_progress = to_progress + 1', where: 'update_id != 0' },
  { table: 'commitment_tallies', key: ['area_id', 'lead_agency_id', 'due_end', 'status'], values: ['n', 'progress_sum'], change: 'n = n + 1', where: 'n > 0' },
  { table: 'agency_tallies', key: ['agency_id', 'area_id', 'lead_agency_id', 'due_end', 'status'], values: ['n', 'progress_sum'], change: 'n = n + 1', where: 'n > 0' },
  { table: 'status_flows', key: ['month', 'area_id', 'lead_agency_id', 'from_status', 'to_status'], values: ['n', 'from_progress_sum', 'to_progress_sum'], change: 'to_progress_sum = to_progress_sum + 1', where: 'n > 0' },
  { table: 'status_flow_totals', key: ['month', 'from_status', 'to_status'], values: ['n', 'from_progress_sum', 'to_progress_sum'], change: 'from_progress_sum = from_progress_sum + 1', where: 'n > 0' },
  { table: 'status_flows_by_agency', key: ['agency_id', 'month', 'from_status', 'to_status'], values: ['n', 'from_progress_sum', 'to_progress_sum'], change: 'n = n + 1', where: 'n > 0' },
  { table: 'tally_snapshots', key: ['as_of', 'area_id', 'lead_agency_id', 'due_end', 'status'], values: ['n', 'progress_sum'], change: 'progress_sum = progress_sum + 1' },
  { table: 'state_snapshots', key: ['as_of', 'commitment_id'], values: ['status', 'progress', 'code'], change: "code = code || 'x'" },
  { table: 'claim_spans', key: ['update_id'], values: ['commitment_id', 'effective_date', 'ended_on'], change: "ended_on = '2099-12-31'" },
  { table: 'agency_tally_snapshots', key: ['as_of', 'agency_id', 'area_id', 'lead_agency_id', 'due_end', 'status'], values: ['n', 'progress_sum'], change: 'n = n + 1' },
];

describe('verifyDerived', () => {
  it('names a changed row of every derived table by its key, with the stored and the expected values; a rebuild repairs each', () => {
    expect(verifyDerived(db)).toEqual([]);
    for (const t of TABLES) {
      const where = t.where ? `where ${t.where}` : '';
      const columns = [...t.key, ...t.values].join(', ');
      const before = one<Record<string, unknown> | undefined>(`select ${columns} from ${t.table} ${where} order by ${t.key.join(', ')} limit 1`);
      expect(before, `${t.table} has a row to change`).toBeDefined();
      const key = Object.fromEntries(t.key.map((k) => [k, before![k]]));
      db.$client.prepare(`update ${t.table} set ${t.change} where ${t.key.map((k) => `${k} = ?`).join(' and ')}`).run(...Object.values(key));
      const after = one<Record<string, unknown>>(`select ${columns} from ${t.table} where ${t.key.map((k) => `${k} = ?`).join(' and ')}`, ...Object.values(key));
      const values = (row: Record<string, unknown>) => Object.fromEntries(t.values.map((v) => [v, row[v]]));
      expect(verifyDerived(db), t.table).toEqual([{ table: t.table, key: keyOf(key), stored: values(after), expected: values(before!) }]);
      rebuildDerived(db);
      expect(verifyDerived(db), `${t.table} after the rebuild`).toEqual([]);
      // The rebuild dropped the snapshots: build them again for the next table.
      listAsOf(parseFiltersLeniently({ asOf: '2024-06-14' }), TODAY, db);
    }
  });

  it('names a stored row it would not make, and one it would make but is missing', () => {
    const row = one<{ area_id: number; lead_agency_id: number; due_end: string; status: string; n: number; progress_sum: number }>(
      'select area_id, lead_agency_id, due_end, status, n, progress_sum from commitment_tallies where n > 0 order by area_id, lead_agency_id, due_end, status limit 1',
    );
    db.$client.prepare('delete from commitment_tallies where area_id = ? and lead_agency_id = ? and due_end = ? and status = ?').run(row.area_id, row.lead_agency_id, row.due_end, row.status);
    db.$client.prepare(`insert into commitment_tallies (area_id, lead_agency_id, due_end, status, n, progress_sum) values (?, ?, '2030-01-01', 'delayed', 2, 10)`).run(row.area_id, row.lead_agency_id);
    const { area_id, lead_agency_id, due_end, status, n, progress_sum } = row;
    expect(verifyDerived(db)).toEqual([
      { table: 'commitment_tallies', key: keyOf({ area_id, lead_agency_id, due_end: '2030-01-01', status: 'delayed' }), stored: { n: 2, progress_sum: 10 }, expected: null },
      { table: 'commitment_tallies', key: keyOf({ area_id, lead_agency_id, due_end, status }), stored: null, expected: { n, progress_sum } },
    ]);
  });

  it('ignores rollup rows that carry nothing, but not one with progress alone', () => {
    const zero: [string, string, string][] = [
      ['commitment_tallies', 'area_id, lead_agency_id, due_end, status, n, progress_sum', "1, 1, '2031-01-01', 'delayed', 0, 0"],
      ['agency_tallies', 'agency_id, area_id, lead_agency_id, due_end, status, n, progress_sum', "1, 1, 1, '2031-01-01', 'delayed', 0, 0"],
      ['status_flows', 'month, area_id, lead_agency_id, from_status, to_status, n, from_progress_sum, to_progress_sum', "24400, 1, 1, 'delayed', 'at_risk', 0, 0, 0"],
      ['status_flow_totals', 'month, from_status, to_status, n, from_progress_sum, to_progress_sum', "24400, 'delayed', 'at_risk', 0, 0, 0"],
      ['status_flows_by_agency', 'agency_id, month, from_status, to_status, n, from_progress_sum, to_progress_sum', "1, 24400, 'delayed', 'at_risk', 0, 0, 0"],
    ];
    for (const [table, columns, values] of zero) db.$client.exec(`insert into ${table} (${columns}) values (${values})`);
    expect(verifyDerived(db)).toEqual([]);
    const mine: [string, string, string][] = [
      ['commitment_tallies', 'progress_sum', "due_end = '2031-01-01'"],
      ['agency_tallies', 'progress_sum', "due_end = '2031-01-01'"],
      ['status_flows', 'to_progress_sum', 'month = 24400'],
      ['status_flow_totals', 'from_progress_sum', 'month = 24400'],
      ['status_flows_by_agency', 'to_progress_sum', 'month = 24400'],
    ];
    for (const [table, column, where] of mine) {
      db.$client.exec(`update ${table} set ${column} = 3 where ${where}`);
      expect(verifyDerived(db).map((d) => d.table), table).toEqual([table]);
      db.$client.exec(`delete from ${table} where ${where}`);
    }
  });

  it('drops its scratch copies when done', () => {
    const scratch = () => tempTableNames(db).filter((n) => n.startsWith('v_'));
    verifyDerived(db);
    expect(scratch()).toEqual([]);
    db.$client.exec('update commitment_tallies set n = n + 1 where n > 0');
    expect(verifyDerived(db).length).toBeGreaterThan(0);
    expect(scratch()).toEqual([]);
  });

  it(`lists at most ${MAX_LISTED} rows of a table`, () => {
    db.$client.exec(`insert into commitment_tallies (area_id, lead_agency_id, due_end, status, n, progress_sum)
      with recursive k(i) as (select 1 union all select i + 1 from k where i < ${MAX_LISTED + 5}) select 1, 1, '2040-' || i, 'delayed', 1, 0 from k`);
    expect(verifyDerived(db)).toHaveLength(MAX_LISTED);
  });
});

describe('rebuildDerived', () => {
  it('records the version, refreshes the planner’s statistics and invalidates cached answers', () => {
    // No claim: rebuilding the claims' spans would bump the version on its own.
    db = useSeededTestDb();
    handMadeHistory(db, TODAY).record('CET23-AI-01', 'in_progress', 20, '2024-02-10');
    db.$client.exec(`update settings set value = 'old' where key = 'derived_version'`);
    db.$client.exec('analyze');
    db.$client.exec('delete from sqlite_stat1');
    const version = () => one<{ n: number }>('select n from data_version where id = 1').n;
    const before = version();
    const started = performance.now();
    const { ms } = rebuildDerived(db);
    // The time it reports is its own: within the time the call took.
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThanOrEqual(performance.now() - started);
    expect(storedDerivedVersion(db)).toBe(DERIVED_VERSION);
    expect(one<{ n: number }>('select count(*) as n from sqlite_stat1').n).toBeGreaterThan(0);
    expect(version()).toBeGreaterThan(before);
  });

  it('holds the write lock from its first statement', () => {
    withTwoConnections((a, b) => {
      expect(otherCouldWrite(a, b, () => rebuildDerived(a))).toEqual([false]);
    });
  });
});

describe('ensureDerivedCurrent', () => {
  const tamper = () =>
    db.$client.exec(`update commitment_tallies set n = n + 1 where (area_id, lead_agency_id, due_end, status) =
      (select area_id, lead_agency_id, due_end, status from commitment_tallies where n > 0 order by 1, 2, 3, 4 limit 1)`);

  it('leaves derived data alone when its version is current', () => {
    rebuildDerived(db);
    tamper();
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    ensureDerivedCurrent(db);
    expect(verifyDerived(db).map((d) => d.table)).toEqual(['commitment_tallies']);
    expect(info).not.toHaveBeenCalled();
  });

  it('rebuilds once, and says so, when the stored version is older or missing', () => {
    for (const stored of ['1', null]) {
      if (stored === null) db.$client.exec(`delete from settings where key = 'derived_version'`);
      else db.$client.prepare(`insert into settings (key, value) values ('derived_version', ?) on conflict (key) do update set value = excluded.value`).run(stored);
      expect(storedDerivedVersion(db)).toBe(stored ?? undefined);
      tamper();
      const info = vi.spyOn(console, 'info').mockImplementation(() => {});
      ensureDerivedCurrent(db);
      expect(verifyDerived(db), `stored ${stored}`).toEqual([]);
      expect(storedDerivedVersion(db)).toBe(DERIVED_VERSION);
      expect(info).toHaveBeenCalledTimes(1);
      expect(info.mock.calls[0]![0]).toMatch(new RegExp(`^Derived data rebuilt for version ${DERIVED_VERSION} in \\d+ ms$`));
      info.mockRestore();
    }
  });

  it('on a database without commitments, only records the version', () => {
    db = createTestDb();
    db.$client.exec(`insert into status_flow_totals (month, from_status, to_status, n, from_progress_sum, to_progress_sum) values (24400, 'absent', 'delayed', 1, 0, 0)`);
    const stray = () => one<{ n: number }>('select count(*) as n from status_flow_totals').n;
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    ensureDerivedCurrent(db);
    expect(storedDerivedVersion(db)).toBe(DERIVED_VERSION);
    // Not rebuilt: the stray row is still there.
    expect(stray()).toBe(1);
    // An older version stored: replaced, still without a rebuild.
    db.$client.exec(`update settings set value = '1' where key = 'derived_version'`);
    ensureDerivedCurrent(db);
    expect(storedDerivedVersion(db)).toBe(DERIVED_VERSION);
    expect(stray()).toBe(1);
    expect(info).not.toHaveBeenCalled();
  });
});
