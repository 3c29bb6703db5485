import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { seedReferenceData } from '@/db/seed';
import { areas, commitments, statusUpdates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import type { Status } from '@/lib/commitments/vocabulary';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { rebuildDerived, verifyDerived, type Difference } from './maintenance';
import { planAsOfView } from './view';

const TODAY = '2025-06-30';

function adminOf(db: Db): Actor {
  const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  return { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
}

function recorder(db: Db, admin: Actor) {
  return (code: string, status: Status, progress: number, effectiveDate: string) => {
    const version = db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;
    updateCommitmentStatus(db, admin, code, { status, progress, note: `seeded ${status}`, effectiveDate, version }, { origin: 'test' }, TODAY);
  };
}

const STEPS: [Status, number][] = [
  ['in_progress', 20],
  ['at_risk', 35],
  ['delayed', 40],
  ['in_progress', 60],
  ['completed', 100],
  ['discontinued', 50],
];

const dateOf = (monthOffset: number, day: number) => {
  const y = 2024 + Math.floor(monthOffset / 12);
  const m = (monthOffset % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/**
 * 30 entries on the first ten commitments (three each), recorded out of world order for half of
 * them: on even-numbered commitments the earliest entry is recorded last (back-dated), and on
 * BIO-01 two entries share an effective date.
 */
function recordHistory(db: Db): void {
  const record = recorder(db, adminOf(db));
  const codes = db.select({ code: commitments.code }).from(commitments).orderBy(commitments.id).all().map((c) => c.code);
  codes.slice(0, 10).forEach((code, i) => {
    const base = Math.floor(i / 2);
    const dates = [dateOf(base, 10 + i), dateOf(base + 6, 5 + i), dateOf(base + 12, 1 + i)];
    if (code === 'CET23-BIO-01') dates[2] = dates[1]!;
    const order = i % 2 === 0 ? [1, 2, 0] : [0, 1, 2];
    for (const k of order) {
      const [status, progress] = STEPS[(i + k) % STEPS.length]!;
      record(code, status, progress, dates[k]!);
    }
  });
}

const tablesOf = (ds: Difference[]) => [...new Set(ds.map((d) => d.table))].sort();
const keyOf = (row: Record<string, unknown>) =>
  Object.entries(row)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');

describe('verifyDerived and rebuildDerived', () => {
  let db: Db;

  beforeEach(() => {
    db = useSeededTestDb();
    recordHistory(db);
  });

  it('finds nothing after 30 entries recorded through the service, some back-dated', () => {
    expect(db.select().from(statusUpdates).all()).toHaveLength(30);
    // The history really is out of order: some entry takes effect before one recorded earlier.
    const backDated = db.$client
      .prepare(
        `select count(*) as n from status_updates a join status_updates b on a.commitment_id = b.commitment_id and a.id > b.id and a.effective_date < b.effective_date`,
      )
      .get() as { n: number };
    expect(backDated.n).toBeGreaterThan(0);
    // Every rollup has rows to compare (the comparison is not vacuous).
    for (const t of ['status_transitions', 'commitment_tallies', 'agency_tallies', 'status_flows', 'status_flow_totals', 'status_flows_by_agency']) {
      expect((db.$client.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n, t).toBeGreaterThan(0);
    }
    expect(verifyDerived(db)).toEqual([]);
    // The dashboard built snapshots of past month ends: they are verified too, and agree.
    planAsOfView({}, '2024-09-30', TODAY, db);
    expect((db.$client.prepare('select count(*) as n from tally_snapshots').get() as { n: number }).n).toBeGreaterThan(0);
    expect(verifyDerived(db)).toEqual([]);
  });

  it('(a) names a tally row changed behind the projector’s back, and rebuild repairs it', () => {
    const row = db.$client
      .prepare('select area_id, lead_agency_id, due_end, status, n, progress_sum from commitment_tallies where n > 0 order by area_id, lead_agency_id, due_end, status limit 1')
      .get() as { area_id: number; lead_agency_id: number; due_end: string; status: string; n: number; progress_sum: number };
    db.$client
      .prepare('update commitment_tallies set n = n + 1 where area_id = ? and lead_agency_id = ? and due_end = ? and status = ?')
      .run(row.area_id, row.lead_agency_id, row.due_end, row.status);

    const ds = verifyDerived(db);
    expect(tablesOf(ds)).toEqual(['commitment_tallies']);
    const key = keyOf({ area_id: row.area_id, lead_agency_id: row.lead_agency_id, due_end: row.due_end, status: row.status });
    expect(ds).toEqual([{ table: 'commitment_tallies', key, stored: { n: row.n + 1, progress_sum: row.progress_sum }, expected: { n: row.n, progress_sum: row.progress_sum } }]);

    rebuildDerived(db);
    expect(verifyDerived(db)).toEqual([]);
  });

  it('(b) names a flow row changed behind the projector’s back, and rebuild repairs it', () => {
    const row = db.$client
      .prepare('select month, area_id, lead_agency_id, from_status, to_status, n from status_flows where n > 0 and from_status != to_status order by month desc limit 1')
      .get() as { month: number; area_id: number; lead_agency_id: number; from_status: string; to_status: string; n: number };
    db.$client
      .prepare('update status_flows set n = n + 5 where month = ? and area_id = ? and lead_agency_id = ? and from_status = ? and to_status = ?')
      .run(row.month, row.area_id, row.lead_agency_id, row.from_status, row.to_status);

    const ds = verifyDerived(db);
    expect(tablesOf(ds)).toEqual(['status_flows']);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.key).toBe(
      keyOf({ month: row.month, area_id: row.area_id, lead_agency_id: row.lead_agency_id, from_status: row.from_status, to_status: row.to_status }),
    );
    expect(ds[0]!.stored).toMatchObject({ n: row.n + 5 });
    expect(ds[0]!.expected).toMatchObject({ n: row.n });

    rebuildDerived(db);
    expect(verifyDerived(db)).toEqual([]);
  });

  it('(c) names the rollups a raw area change left stale; rebuild keeps the change and the dashboard follows', () => {
    const areaId = (code: string) => db.select().from(areas).where(eq(areas.code, code)).get()!.id;
    const bio = areaId('BIO');
    const semi = areaId('SEMI');
    const total = (code: string) => planAsOfView({}, TODAY, TODAY, db).byArea.find((a) => a.code === code)?.total ?? 0;
    const before = { BIO: total('BIO'), SEMI: total('SEMI') };
    expect(before).toEqual({ BIO: 4, SEMI: 2 });

    db.$client.prepare(`update commitments set area_id = ? where code = 'CET23-BIO-01'`).run(semi);

    const ds = verifyDerived(db);
    const tables = tablesOf(ds);
    expect(tables).toContain('commitment_tallies');
    expect(tables).toContain('status_flows');
    expect(tables).toContain('agency_tallies');
    // The commitment row itself is source data here, not a difference.
    expect(tables).not.toContain('commitments');
    for (const t of ['commitment_tallies', 'status_flows']) {
      const keys = ds.filter((d) => d.table === t).map((d) => d.key);
      expect(keys.some((k) => k.includes(`area_id=${bio} `)), `${t} names BIO`).toBe(true);
      expect(keys.some((k) => k.includes(`area_id=${semi} `)), `${t} names SEMI`).toBe(true);
    }

    rebuildDerived(db);
    expect(verifyDerived(db)).toEqual([]);
    // Rebuild derives from the source tables: the edit stays, the counts follow it.
    expect(db.select().from(commitments).where(eq(commitments.code, 'CET23-BIO-01')).get()!.areaId).toBe(semi);
    expect({ BIO: total('BIO'), SEMI: total('SEMI') }).toEqual({ BIO: before.BIO - 1, SEMI: before.SEMI + 1 });
    // A past date (counted from a snapshot built after the rebuild) sees the move too: areas are not historical.
    const past = planAsOfView({}, '2024-06-30', TODAY, db).byArea;
    expect(past.find((a) => a.code === 'BIO')?.total).toBe(3);
    expect(past.find((a) => a.code === 'SEMI')?.total).toBe(3);
    expect(verifyDerived(db)).toEqual([]);
  });

  it('(d) names a commitment whose status contradicts its own history, and rebuild restores it', () => {
    const c = db.$client
      .prepare(`select c.id, c.status, c.progress from commitments c where c.status != 'completed' and exists (select 1 from status_updates su where su.commitment_id = c.id) order by c.id limit 1`)
      .get() as { id: number; status: string; progress: number };
    db.$client.prepare(`update commitments set status = 'completed' where id = ?`).run(c.id);

    const ds = verifyDerived(db);
    expect(tablesOf(ds)).toEqual(['commitments']);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.key).toBe(`id=${c.id}`);
    expect(ds[0]!.stored).toMatchObject({ status: 'completed' });
    expect(ds[0]!.expected).toMatchObject({ status: c.status, progress: c.progress });

    rebuildDerived(db);
    expect(verifyDerived(db)).toEqual([]);
    expect(db.$client.prepare('select status, progress from commitments where id = ?').get(c.id)).toEqual({ status: c.status, progress: c.progress });
  });

  it('(e) names a missing state change, and rebuild puts it back', () => {
    const row = db.$client
      .prepare('select * from status_transitions where update_id != 0 order by commitment_id, update_id limit 1')
      .get() as { commitment_id: number; update_id: number };
    db.$client.prepare('delete from status_transitions where commitment_id = ? and update_id = ?').run(row.commitment_id, row.update_id);

    const ds = verifyDerived(db);
    expect(tablesOf(ds)).toEqual(['status_transitions']);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ key: `commitment_id=${row.commitment_id} update_id=${row.update_id}`, stored: null });
    expect(ds[0]!.expected).not.toBeNull();

    rebuildDerived(db);
    expect(verifyDerived(db)).toEqual([]);
    expect(db.$client.prepare('select * from status_transitions where commitment_id = ? and update_id = ?').get(row.commitment_id, row.update_id)).toEqual(row);
  });
});

describe('npm run db:verify and db:rebuild-derived', () => {
  const run = (script: string, file: string) => {
    const r = spawnSync('npx', ['tsx', '--conditions=react-server', script], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: file },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: r.status, out: `${r.stdout}\n${r.stderr}`, stdout: r.stdout, error: r.error };
  };

  it('exits 0 when all agrees, 1 naming the table when a tally is off, 0 again after a rebuild', { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-verify-'));
    const file = path.join(dir, 'app.db');
    try {
      const db = openDatabase(file);
      migrateDatabase(db);
      seedReferenceData(db);
      const record = recorder(db, adminOf(db));
      record('CET23-BIO-01', 'in_progress', 30, '2024-05-01');
      record('CET23-BIO-01', 'at_risk', 20, '2024-03-01');
      record('CET23-AI-01', 'completed', 100, '2025-01-15');
      db.$client.close();

      const ok = run('scripts/db-verify.ts', file);
      expect(ok.error).toBeUndefined();
      expect(ok.status, ok.out).toBe(0);
      expect(ok.out).toContain('agrees');

      const raw = openDatabase(file);
      const row = raw.$client.prepare('select area_id, lead_agency_id, due_end, status from commitment_tallies where n > 0 limit 1').get() as Record<string, unknown>;
      const changed = raw.$client
        .prepare('update commitment_tallies set n = n + 1 where area_id = ? and lead_agency_id = ? and due_end = ? and status = ?')
        .run(row.area_id, row.lead_agency_id, row.due_end, row.status);
      expect(changed.changes).toBe(1);
      raw.$client.close();

      const bad = run('scripts/db-verify.ts', file);
      expect(bad.status, bad.out).toBe(1);
      expect(bad.stdout).toContain('commitment_tallies');
      expect(bad.out).not.toContain('agrees');

      const rebuilt = run('scripts/db-rebuild-derived.ts', file);
      expect(rebuilt.status, rebuilt.out).toBe(0);
      expect(rebuilt.out).toContain('rebuilt');

      const again = run('scripts/db-verify.ts', file);
      expect(again.status, again.out).toBe(0);
      expect(again.out).toContain('agrees');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
