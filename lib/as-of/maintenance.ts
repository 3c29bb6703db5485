import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bumpDataVersion } from '@/db/data-version';
import { settings } from '@/db/schema';
import { ABSENT } from '@/lib/commitments/vocabulary';
import { ALL, applyShares, MAIN_TABLES, refreshCommitmentColumns, writeTransitions, type DerivedTables } from './derive';
import { dropSnapshots } from './projector';
import { rebuildSpans } from '@/lib/claims/spans';

/**
 * Bump when what the derived tables hold changes: the next start (or `npm run db:migrate`)
 * rebuilds them once, after the migrations.
 */
export const DERIVED_VERSION = '2';
const VERSION_KEY = 'derived_version';

const DERIVED_TABLES = ['status_transitions', 'commitment_tallies', 'agency_tallies', 'status_flows', 'status_flow_totals', 'status_flows_by_agency'] as const;

/**
 * Recomputes every derived table and column from the source tables in one immediate
 * transaction: readers keep seeing the old data until it commits (WAL), writers wait for it.
 */
export function rebuildDerived(db: Db): { ms: number } {
  const t0 = performance.now();
  db.transaction(
    (tx) => {
      for (const table of DERIVED_TABLES) tx.run(sql.raw(`delete from main.${table}`));
      dropSnapshots(tx, 'all');
      refreshCommitmentColumns(tx, MAIN_TABLES, ALL);
      writeTransitions(tx, MAIN_TABLES, ALL);
      applyShares(tx, MAIN_TABLES, ALL, 1);
      rebuildSpans(tx);
      tx.insert(settings).values({ key: VERSION_KEY, value: DERIVED_VERSION }).onConflictDoUpdate({ target: settings.key, set: { value: DERIVED_VERSION } }).run();
      // The triggers see no source write here: cached answers made from the old derived data go.
      bumpDataVersion(db.$client);
    },
    { behavior: 'immediate' },
  );
  db.$client.exec('analyze');
  return { ms: performance.now() - t0 };
}

/** The derived data's version stored in the database (undefined before any rebuild). */
export function storedDerivedVersion(db: Db): string | undefined {
  return (db.$client.prepare(`select value from settings where key = ?`).get(VERSION_KEY) as { value: string } | undefined)?.value;
}

/** Rebuilds derived data once after an upgrade that changed its shape (see DERIVED_VERSION). */
export function ensureDerivedCurrent(db: Db): void {
  const row = db.$client.prepare(`select value from settings where key = ?`).get(VERSION_KEY) as { value: string } | undefined;
  if (row?.value === DERIVED_VERSION) return;
  const empty = (db.$client.prepare('select count(*) as n from commitments').get() as { n: number }).n === 0;
  if (empty) {
    db.insert(settings).values({ key: VERSION_KEY, value: DERIVED_VERSION }).onConflictDoUpdate({ target: settings.key, set: { value: DERIVED_VERSION } }).run();
    return;
  }
  const { ms } = rebuildDerived(db);
  console.info(`Derived data rebuilt for version ${DERIVED_VERSION} in ${Math.round(ms)} ms`);
}

/** One row that differs between the stored derived data and a recomputation. */
export interface Difference {
  table: string;
  /** The row's key, as `column=value` pairs. */
  key: string;
  stored: Record<string, unknown> | null;
  expected: Record<string, unknown> | null;
}

interface Compared {
  table: string;
  scratch: string;
  key: string[];
  values: string[];
  /** Rows that carry nothing (rollup cells summed back to zero) are not differences. */
  where?: string;
}

const COMPARED: Compared[] = [
  { table: 'commitments', scratch: 'v_commitments', key: ['id'], values: ['status', 'progress', 'last_update_on', 'adopted_on'] },
  { table: 'status_transitions', scratch: 'v_transitions', key: ['commitment_id', 'update_id'], values: ['effective_date', 'from_status', 'to_status', 'from_progress', 'to_progress'] },
  { table: 'commitment_tallies', scratch: 'v_tallies', key: ['area_id', 'lead_agency_id', 'due_end', 'status'], values: ['n', 'progress_sum'], where: 'n != 0 or progress_sum != 0' },
  { table: 'agency_tallies', scratch: 'v_agency_tallies', key: ['agency_id', 'area_id', 'lead_agency_id', 'due_end', 'status'], values: ['n', 'progress_sum'], where: 'n != 0 or progress_sum != 0' },
  { table: 'status_flows', scratch: 'v_flows', key: ['month', 'area_id', 'lead_agency_id', 'from_status', 'to_status'], values: ['n', 'from_progress_sum', 'to_progress_sum'], where: 'n != 0 or from_progress_sum != 0 or to_progress_sum != 0' },
  { table: 'status_flow_totals', scratch: 'v_flow_totals', key: ['month', 'from_status', 'to_status'], values: ['n', 'from_progress_sum', 'to_progress_sum'], where: 'n != 0 or from_progress_sum != 0 or to_progress_sum != 0' },
  { table: 'status_flows_by_agency', scratch: 'v_flows_by_agency', key: ['agency_id', 'month', 'from_status', 'to_status'], values: ['n', 'from_progress_sum', 'to_progress_sum'], where: 'n != 0 or from_progress_sum != 0 or to_progress_sum != 0' },
  { table: 'tally_snapshots', scratch: 'v_snapshots', key: ['as_of', 'area_id', 'lead_agency_id', 'due_end', 'status'], values: ['n', 'progress_sum'] },
  { table: 'state_snapshots', scratch: 'v_state_snapshots', key: ['as_of', 'commitment_id'], values: ['status', 'progress', 'code'] },
  { table: 'claim_spans', scratch: 'v_claim_spans', key: ['update_id'], values: ['commitment_id', 'effective_date', 'ended_on'] },
  { table: 'agency_tally_snapshots', scratch: 'v_agency_snapshots', key: ['as_of', 'agency_id', 'area_id', 'lead_agency_id', 'due_end', 'status'], values: ['n', 'progress_sum'] },
];

const SCRATCH: DerivedTables = {
  commitments: sql.raw('temp.v_commitments'),
  transitions: sql.raw('temp.v_transitions'),
  tallies: sql.raw('temp.v_tallies'),
  agencyTallies: sql.raw('temp.v_agency_tallies'),
  flows: sql.raw('temp.v_flows'),
  flowTotals: sql.raw('temp.v_flow_totals'),
  flowsByAgency: sql.raw('temp.v_flows_by_agency'),
};

/**
 * Recomputes every derived table and column into scratch copies (in one read transaction, so the
 * comparison is of one moment) and lists every row that differs from what is stored. Snapshots
 * are recomputed independently of the projector: each commitment's latest state change on or
 * before the snapshot's date.
 */
export function verifyDerived(db: Db): Difference[] {
  const client = db.$client;
  const drop = () => {
    for (const c of COMPARED) client.exec(`drop table if exists temp.${c.scratch}`);
  };
  return db.transaction(
    (tx) => {
      drop();
      try {
        client.exec(`create temp table v_commitments as select * from main.commitments;
          create unique index temp.v_commitments_id on v_commitments (id);`);
        for (const c of COMPARED.slice(1)) {
          client.exec(`create temp table ${c.scratch} as select * from main.${c.table} where 0;
            create unique index temp.${c.scratch}_key on ${c.scratch} (${c.key.join(', ')});`);
        }
        client.exec('create index temp.v_transitions_order on v_transitions (commitment_id, effective_date, update_id)');
        refreshCommitmentColumns(tx, SCRATCH, ALL);
        writeTransitions(tx, SCRATCH, ALL);
        applyShares(tx, SCRATCH, ALL, 1);
        rebuildSpans(tx, 'temp.v_claim_spans');
        client.exec(`insert into v_state_snapshots (as_of, commitment_id, status, progress, code)
          select d.as_of, c.id, x.to_status, x.to_progress, c.code
          from main.tally_snapshot_dates d cross join v_commitments c
          join v_transitions x on x.commitment_id = c.id and x.update_id = (
            select l.update_id from v_transitions l where l.commitment_id = c.id and l.effective_date <= d.as_of
            order by l.effective_date desc, l.update_id desc limit 1)
          where x.to_status != '${ABSENT}'`);
        client.exec(`insert into v_agency_snapshots (as_of, agency_id, area_id, lead_agency_id, due_end, status, n, progress_sum)
          select s.as_of, m.agency_id, c.area_id, c.lead_agency_id, coalesce(c.due_end, ''), s.status, count(*), sum(s.progress)
          from v_state_snapshots s join v_commitments c on c.id = s.commitment_id
          join (select id as cid, lead_agency_id as agency_id from v_commitments union select commitment_id, agency_id from main.commitment_partners) m on m.cid = c.id
          where c.archived_at is null group by 1, 2, 3, 4, 5, 6`);
        client.exec(`insert into v_snapshots (as_of, area_id, lead_agency_id, due_end, status, n, progress_sum)
          select d.as_of, c.area_id, c.lead_agency_id, coalesce(c.due_end, ''), x.to_status, count(*), sum(x.to_progress)
          from main.tally_snapshot_dates d cross join v_commitments c
          join v_transitions x on x.commitment_id = c.id and x.update_id = (
            select l.update_id from v_transitions l where l.commitment_id = c.id and l.effective_date <= d.as_of
            order by l.effective_date desc, l.update_id desc limit 1)
          where c.archived_at is null and x.to_status != '${ABSENT}'
          group by 1, 2, 3, 4, 5`);
        return COMPARED.flatMap((c) => differences(client, c));
      } finally {
        drop();
      }
    },
    { behavior: 'deferred' },
  );
}

/** Rows listed per table and side; a table at the limit may hold more differences. */
export const MAX_LISTED = 1000;

function differences(client: Db['$client'], c: Compared): Difference[] {
  const columns = [...c.key, ...c.values].join(', ');
  const where = c.where ? `where ${c.where}` : '';
  const side = (from: string, other: string) =>
    client.prepare(`select ${columns} from (select ${columns} from ${from} ${where} except select ${columns} from ${other} ${where}) limit ${MAX_LISTED}`).all() as Record<string, unknown>[];
  const stored = side(`main.${c.table}`, `temp.${c.scratch}`);
  const expected = side(`temp.${c.scratch}`, `main.${c.table}`);
  const keyOf = (r: Record<string, unknown>) => c.key.map((k) => `${k}=${String(r[k])}`).join(' ');
  const pick = (r: Record<string, unknown>) => Object.fromEntries(c.values.map((v) => [v, r[v]]));
  const byKey = new Map<string, Difference>();
  for (const r of stored) byKey.set(keyOf(r), { table: c.table, key: keyOf(r), stored: pick(r), expected: null });
  for (const r of expected) {
    const d = byKey.get(keyOf(r));
    if (d) d.expected = pick(r);
    else byKey.set(keyOf(r), { table: c.table, key: keyOf(r), stored: null, expected: pick(r) });
  }
  return [...byKey.values()];
}
