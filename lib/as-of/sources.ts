import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencies, agencyTallies, agencyTallySnapshots, areas, commitmentPartners, commitmentTallies, commitments, stateSnapshots, statusTransitions, tallySnapshotDates, tallySnapshots } from '@/db/schema';
import { ABSENT, STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { scopeConditions, type AsOfScope } from './scope';
import { baseFor, snapshotDates } from './snapshot-dates';
import { END_OF_TIME, fillOrDrop, prepareStateTable, scratchTable, stateAtSql, type StateTable } from './state';
import { countsByStatusSql, OPEN_SQL } from './vocabulary-sql';

/** One area and lead agency's commitments at a date: counts by status, progress and overdue. */
export interface GroupTotals {
  areaId: number;
  leadAgencyId: number;
  counts: Record<Status, number>;
  total: number;
  progressSum: number;
  /** Open and past their due date. */
  overdue: number;
}

/** Commitments falling due on one date, by where they stood. */
export interface DueTotals {
  dueEnd: string;
  completed: number;
  discontinued: number;
  open: number;
}

export interface StatesAt {
  groups: GroupTotals[];
  dues: DueTotals[];
}

/**
 * Where the counts of a scope at a date come from: the one place that chooses.
 * - `tallies`: the live tallies (every commitment's state once all its history has happened; kept
 *   by area, lead agency, due date and status) corrected back to the date by the commitments
 *   changed after it. For a scope that only narrows by area or the lead's country, at today or a
 *   date nearer today than to a month end.
 * - `snapshot`: the same from the tallies as they stood at a past month end (built on first use).
 * - `agency`: the live per-agency tallies, for an agency (as lead or partner) today.
 * - `states`: a dialogue's commitments one by one, each at its state in a past month end's
 *   snapshot corrected to the date (the month end's snapshot is built).
 * - `history`: the scope's commitments one by one, each at its state on the date from its history
 *   (a dialogue; an agency in the past; a date near no month end; a snapshot that could not be built).
 */
export type SourcePlan =
  | { kind: 'tallies' }
  | { kind: 'snapshot'; base: string }
  | { kind: 'agency'; agency: string }
  | { kind: 'agencySnapshot'; agency: string; base: string }
  | { kind: 'states'; base: string }
  | { kind: 'history' };

/** The scopes the tallies serve: narrowed only by area or the lead's country. */
const broad = (scope: AsOfScope) => !scope.dialogue && !scope.agency;

export function planSource(db: Db, scope: AsOfScope, date: string, today: string): SourcePlan {
  // END_OF_TIME from today on; a month end that may be built; or null (near none).
  const base = baseFor(date, today);
  const built = base !== null && snapshotExists(db, base) ? base : null;
  if (scope.dialogue) return built ? { kind: 'states', base: built } : { kind: 'history' };
  if (scope.agency) {
    if (date >= today) return { kind: 'agency', agency: scope.agency };
    return built ? { kind: 'agencySnapshot', agency: scope.agency, base: built } : { kind: 'history' };
  }
  if (base === END_OF_TIME) return { kind: 'tallies' };
  return built ? { kind: 'snapshot', base: built } : { kind: 'history' };
}

const snapshotExists = (db: Db, date: string) =>
  db.select({ d: tallySnapshotDates.asOf }).from(tallySnapshotDates).where(eq(tallySnapshotDates.asOf, date)).get() !== undefined;

/**
 * Builds the snapshots of a cacheable date (one of `snapshotDates(today)`) unless they exist. They
 * hold every commitment's state then, and the tallies of those not archived by area, lead agency,
 * due date and status. One immediate transaction, so no write slips
 * between reading the history and storing its sums; the projector (lib/as-of/projector.ts)
 * deletes the snapshot again when a later write changes that past. It never waits for the write lock (a
 * request must not stall behind another connection's write): when the lock is taken it gives up,
 * and the dashboard counts that date from the history instead. Any other error is thrown.
 */
function ensureSnapshot(db: Db, date: string, today: string): void {
  // Read first: a built snapshot needs no write lock.
  if (snapshotExists(db, date)) return;
  const cacheable = snapshotDates(today);
  const client = db.$client;
  const timeout = client.pragma('busy_timeout', { simple: true }) as number;
  client.pragma('busy_timeout = 0');
  try {
    db.transaction(
      (tx) => {
        // Built by another connection since the read above.
        if (snapshotExists(db, date)) return;
        // Every commitment existing then (archived ones too: lists may show them), then the tallies from those.
        tx.run(sql`delete from ${stateSnapshots} where ${stateSnapshots.asOf} = ${date}`);
        tx.run(sql`delete from ${tallySnapshots} where ${tallySnapshots.asOf} = ${date}`);
        tx.run(sql`delete from ${agencyTallySnapshots} where ${agencyTallySnapshots.asOf} = ${date}`);
        const at = prepareStateTable(tx, date, null);
        try {
          tx.run(sql`insert into ${stateSnapshots} (as_of, commitment_id, status, progress, code)
            select ${date}, ${commitments.id}, ${at.columns.status}, ${at.columns.progress}, ${commitments.code} from ${at.from} where ${at.columns.status} != ${ABSENT}`);
        } finally {
          at.release();
        }
        tx.run(sql`insert into ${tallySnapshots} (as_of, area_id, lead_agency_id, due_end, status, n, progress_sum)
          select ${date}, ${commitments.areaId}, ${commitments.leadAgencyId}, coalesce(${commitments.dueEnd}, ''), ${stateSnapshots.status}, count(*), sum(${stateSnapshots.progress})
          from ${stateSnapshots} join ${commitments} on ${commitments.id} = ${stateSnapshots.commitmentId}
          where ${stateSnapshots.asOf} = ${date} and ${commitments.archivedAt} is null group by 2, 3, 4, 5`);
        // Per agency, as lead or partner (as agency_tallies): an agency's past counts from these.
        tx.run(sql`insert into ${agencyTallySnapshots} (as_of, agency_id, area_id, lead_agency_id, due_end, status, n, progress_sum)
          select ${date}, m.agency_id, ${commitments.areaId}, ${commitments.leadAgencyId}, coalesce(${commitments.dueEnd}, ''), ${stateSnapshots.status}, count(*), sum(${stateSnapshots.progress})
          from ${stateSnapshots} join ${commitments} on ${commitments.id} = ${stateSnapshots.commitmentId}
          join (select ${commitments.id} as cid, ${commitments.leadAgencyId} as agency_id from ${commitments}
            union select ${commitmentPartners.commitmentId}, ${commitmentPartners.agencyId} from ${commitmentPartners}) m on m.cid = ${commitments.id}
          where ${stateSnapshots.asOf} = ${date} and ${commitments.archivedAt} is null group by 2, 3, 4, 5, 6`);
        tx.insert(tallySnapshotDates).values({ asOf: date, builtAt: new Date().toISOString() }).run();
        // Dates that have left the window (time passed since they were built) go.
        const stale = sql`(select ${tallySnapshotDates.asOf} from ${tallySnapshotDates} where ${tallySnapshotDates.asOf} not in ${cacheable})`;
        tx.run(sql`delete from ${tallySnapshots} where ${tallySnapshots.asOf} in ${stale}`);
        tx.run(sql`delete from ${stateSnapshots} where ${stateSnapshots.asOf} in ${stale}`);
        tx.run(sql`delete from ${agencyTallySnapshots} where ${agencyTallySnapshots.asOf} in ${stale}`);
        tx.run(sql`delete from ${tallySnapshotDates} where ${tallySnapshotDates.asOf} in ${stale}`);
      },
      { behavior: 'immediate' },
    );
  } catch (e) {
    if (!(e as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw e;
  } finally {
    client.pragma(`busy_timeout = ${timeout}`);
  }
}

/**
 * Builds the snapshots that reading at `dates` will start from (before the read transaction): the
 * tallies for a broad scope, each commitment's state for a list or a narrow scope.
 */
export function prepareSnapshots(db: Db, _scope: AsOfScope, dates: string[], today: string): void {
  for (const date of dates) {
    // The month end it is counted from (baseFor gives only cacheable ones), if any.
    const base = baseFor(date, today);
    if (base !== null && base !== END_OF_TIME) ensureSnapshot(db, base, today);
  }
}

/**
 * What to count at the end of `date`, as sources of rows (area_id, lead_agency_id, due_end ('' for
 * none), status, n, progress) whose sums add up: the planned base (live tallies, a snapshot, an
 * agency's tallies) plus the correction taking it back to `date` (see `prepareDelta`), or the
 * scope's commitments with their state then. Call `release` once the rows are read.
 */
function countingSources(db: Db, scopeFilter: AsOfScope, scope: SQL[], date: string, today: string): { sources: SQL[]; release(): void } {
  const plan = planSource(db, scopeFilter, date, today);
  if (plan.kind === 'history' || plan.kind === 'states') {
    // A dialogue reads its few commitments' states from a month-end snapshot when there is one.
    const at = plan.kind === 'states' ? statesOn(db, date, today, 'cs') : prepareStateTable(db, date, scope);
    // One pass over the commitments, summed into tally rows that the sums below read twice.
    const table = scratchTable('history_tallies', date);
    try {
      db.run(sql`drop table if exists ${table}`);
      db.run(sql`create table ${table} as select ${commitments.areaId} as area_id, ${commitments.leadAgencyId} as lead_agency_id, coalesce(${commitments.dueEnd}, '') as due_end,
          ${at.columns.status} as status, count(*) as n, sum(${at.columns.progress}) as progress from ${at.from} where ${allOf(scope)} group by 1, 2, 3, 4`);
    } finally {
      at.release();
    }
    return { sources: [sql`(select area_id, lead_agency_id, due_end, status, n, progress from ${table})`], release: () => db.run(sql`drop table if exists ${table}`) };
  }
  const t = plan.kind === 'snapshot' ? tallySnapshots : plan.kind === 'agency' ? agencyTallies : plan.kind === 'agencySnapshot' ? agencyTallySnapshots : commitmentTallies;
  const where: SQL[] = plan.kind === 'snapshot' || plan.kind === 'agencySnapshot' ? [sql`as_of = ${plan.base}`] : [sql`n != 0`];
  if (plan.kind === 'agency' || plan.kind === 'agencySnapshot') where.push(sql`agency_id = (select ${agencies.id} from ${agencies} where ${agencies.code} = ${plan.agency})`);
  if (scopeFilter.area) where.push(sql`${t.areaId} = (select ${areas.id} from ${areas} where ${areas.code} = ${scopeFilter.area})`);
  if (scopeFilter.country) where.push(sql`${t.leadAgencyId} in (select ${agencies.id} from ${agencies} where ${agencies.country} = ${scopeFilter.country})`);
  const rows = sql`(select area_id, lead_agency_id, due_end, status, n, progress_sum as progress from ${t} where ${and(...where)})`;
  const base = plan.kind === 'snapshot' || plan.kind === 'agencySnapshot' ? plan.base : END_OF_TIME;
  if (base === date) return { sources: [rows], release: () => {} };
  const delta = base === END_OF_TIME ? liveDelta(db, scope, date) : snapshotDelta(db, scope, date, base);
  return { sources: [rows, delta.table], release: delta.release };
}

/**
 * The correction from the live tallies back to `date`, as tally rows: the scope's commitments with
 * entries effective after it leave the state the last of those entries ended in (n = -1) and take
 * the one the first started from (n = +1).
 */
function liveDelta(db: Db, scope: SQL[], date: string): { table: SQL; release(): void } {
  const t = statusTransitions;
  const table = scratchTable('tally_delta', date);
  const order = sql`${t.effectiveDate} || ':' || printf('%012d', ${t.updateId})`;
  const leg = (status: string, progress: string, sign: 1 | -1) =>
    sql`select ${commitments.areaId} as a, ${commitments.leadAgencyId} as l, coalesce(${commitments.dueEnd}, '') as d, ${sql.raw(`w.${status}`)} as s,
        ${sign} as n, ${sql.raw(`${sign} * w.${progress}`)} as p
      from w cross join ${commitments} on ${commitments.id} = w.cid where ${allOf(scope)}`;
  db.run(sql`drop table if exists ${table}`);
  db.run(sql`create table ${table} (area_id integer not null, lead_agency_id integer not null, due_end text not null, status text not null, n integer not null, progress integer not null)`);
  // min() and max() pick each commitment's first and last entry in world order; their bare columns
  // come from those rows. CROSS JOIN keeps the few changed commitments as the outer loop.
  fillOrDrop(db, table, sql`insert into ${table} (area_id, lead_agency_id, due_end, status, n, progress)
    with w as materialized (
      select f.cid, f.fs, f.fp, l.ts, l.tp
      from (select ${t.commitmentId} as cid, ${t.fromStatus} as fs, ${t.fromProgress} as fp, min(${order}) from ${t} where ${t.effectiveDate} > ${date} group by cid) f
      join (select ${t.commitmentId} as cid, ${t.toStatus} as ts, ${t.toProgress} as tp, max(${order}) from ${t} where ${t.effectiveDate} > ${date} group by cid) l on l.cid = f.cid)
    select a, l, d, s, sum(n), sum(p) from (${leg('ts', 'tp', -1)} union all ${leg('fs', 'fp', 1)}) group by a, l, d, s`);
  return { table, release: () => db.run(sql`drop table if exists ${table}`) };
}

/** Every condition of a scope, as one (a scope always has one: commitments not archived, or its list). */
const allOf = (scope: SQL[]): SQL => and(...scope) ?? sql`1`;

/** Sums a counting source by area and lead agency (streaming from the tallies' key order). */
function groupTotals(db: Db, source: SQL, date: string): GroupTotals[] {
  const rows = db.all<Record<Status, number> & { a: number; l: number; p: number; o: number }>(sql`
    select area_id as a, lead_agency_id as l, ${countsByStatusSql('status', 'n')}, sum(case when status != ${ABSENT} then progress else 0 end) as p,
      sum(case when due_end != '' and due_end < ${date} and status in ${OPEN_SQL} then n else 0 end) as o
    from ${source} group by area_id, lead_agency_id`);
  return rows.map((r) => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, r[s]])) as Record<Status, number>;
    return { areaId: r.a, leadAgencyId: r.l, counts, total: STATUSES.reduce((n, s) => n + r[s], 0), progressSum: r.p, overdue: r.o };
  });
}

/** Sums a counting source by due date. */
function dueTotals(db: Db, source: SQL): DueTotals[] {
  return db.all<DueTotals>(sql`
    select due_end as "dueEnd", sum(case when status = 'completed' then n else 0 end) as completed,
      sum(case when status = 'discontinued' then n else 0 end) as discontinued,
      sum(case when status in ${OPEN_SQL} then n else 0 end) as open
    from ${source} where due_end != '' and status != ${ABSENT} group by due_end`);
}

/**
 * The conditions naming a scope's commitments. A narrow scope (a dialogue, an agency as lead or
 * partner) is listed once into a scratch table through its indexes, so each query visits its few
 * thousand commitments by key instead of testing every commitment.
 */
export function scopeOf(db: Db, scopeFilter: AsOfScope): { scope: SQL[]; release(): void } {
  if (broad(scopeFilter)) return { scope: scopeConditions(scopeFilter), release: () => {} };
  const table = sql.raw('temp.as_of_scope');
  const rest = scopeConditions({ ...scopeFilter, agency: undefined });
  const agencyId = scopeFilter.agency ? sql`(select ${agencies.id} from ${agencies} where ${agencies.code} = ${scopeFilter.agency})` : null;
  const candidates = agencyId
    ? sql`select ${commitments.id} as id from ${commitments} where ${commitments.leadAgencyId} = ${agencyId}
        union select ${commitmentPartners.commitmentId} from ${commitmentPartners} where ${commitmentPartners.agencyId} = ${agencyId}`
    : sql`select ${commitments.id} as id from ${commitments} where ${allOf(rest)}`;
  db.run(sql`drop table if exists ${table}`);
  db.run(sql`create table ${table} (id integer primary key)`);
  fillOrDrop(db, table, sql`insert into ${table} (id) select u.id from (${candidates}) u cross join ${commitments} on ${commitments.id} = u.id where ${allOf(rest)}`);
  return { scope: [sql`${commitments.id} in (select id from ${table})`], release: () => db.run(sql`drop table if exists ${table}`) };
}

/** Where the scope stood at the end of `date`, by area and lead agency and (unless `withDues` is false) by due date. */
export function statesAt(db: Db, scopeFilter: AsOfScope, scope: SQL[], date: string, today: string, withDues = true): StatesAt {
  const { sources, release } = countingSources(db, scopeFilter, scope, date, today);
  try {
    const groups = new Map<string, GroupTotals>();
    const dues = new Map<string, DueTotals>();
    for (const source of sources) {
      for (const g of groupTotals(db, source, date)) {
        const key = `${g.areaId}:${g.leadAgencyId}`;
        const sum = groups.get(key);
        if (!sum) groups.set(key, g);
        else {
          for (const s of STATUSES) sum.counts[s] += g.counts[s];
          sum.total += g.total;
          sum.progressSum += g.progressSum;
          sum.overdue += g.overdue;
        }
      }
      for (const d of withDues ? dueTotals(db, source) : []) {
        const sum = dues.get(d.dueEnd);
        if (!sum) dues.set(d.dueEnd, d);
        else {
          sum.completed += d.completed;
          sum.discontinued += d.discontinued;
          sum.open += d.open;
        }
      }
    }
    return { groups: [...groups.values()].filter((g) => g.total !== 0), dues: [...dues.values()].filter((d) => d.completed || d.discontinued || d.open) };
  } finally {
    release();
  }
}

/**
 * Each commitment's state at the end of `date`, as columns over `commitments` and the join that
 * brings them (add `join` after `from commitments`): the current columns for today; for a past
 * date, its month-end snapshot by key, corrected by the few state changes between the two (or,
 * nearer today, the changes since the date); with no snapshot, a search of each history.
 * `alias` tells apart two of these in one query.
 */
/** States on a date; from a month-end snapshot, with what it was read from (see `listAsOf`'s status order). */
export interface StatesOn extends StateTable {
  /** `fixTable` holds the corrections since the month end; null on the month end itself. */
  snapshot?: { base: string; snap: SQL; fixTable: SQL | null; fix: SQL };
}

export function statesOn(db: Db, date: string, today: string, alias: string): StatesOn {
  const none = { from: sql`${commitments}`, join: sql``, release: () => {} };
  if (date >= today) return { ...none, columns: { status: sql`${commitments.status}`, progress: sql`${commitments.progress}` } };
  const base = baseFor(date, today);
  if (base === END_OF_TIME) return prepareStateTable(db, date, null, `${alias}_since`, alias);
  if (base === null || !snapshotExists(db, base)) return { ...none, columns: stateAtSql(date) };
  const snap = sql.raw(`${alias}_snap`);
  const fix = sql.raw(`${alias}_fix`);
  if (base === date) {
    // A month end itself: its snapshot alone, one lookup per commitment.
    const join = sql`left join ${stateSnapshots} ${snap} on ${snap}.as_of = ${base} and ${snap}.commitment_id = ${commitments.id}`;
    return {
      from: sql`${commitments} ${join}`,
      join,
      columns: { status: sql`coalesce(${snap}.status, ${ABSENT})`, progress: sql`coalesce(${snap}.progress, 0)` },
      release: () => {},
      snapshot: { base, snap, fixTable: null, fix },
    };
  }
  const { table, release } = prepareFix(db, date, base);
  const join = sql`left join ${stateSnapshots} ${snap} on ${snap}.as_of = ${base} and ${snap}.commitment_id = ${commitments.id} left join ${table} ${fix} on ${fix}.id = ${commitments.id}`;
  return {
    from: sql`${commitments} ${join}`,
    join,
    columns: { status: sql`coalesce(${fix}.status, ${snap}.status, ${ABSENT})`, progress: sql`coalesce(${fix}.progress, ${snap}.progress, 0)` },
    release,
    snapshot: { base, snap, fixTable: table, fix },
  };
}

/**
 * The commitments whose state changed between a month-end snapshot (`base`) and `date`, each with
 * its state at `date`: going back from the month end, the state the first change after the date
 * started from; going forward, the state the last change by the date ended in. min()/max() pick
 * those rows in world order.
 */
const openFixes = new WeakMap<Db, Map<string, number>>();

function prepareFix(db: Db, date: string, base: string): { table: SQL; release(): void } {
  const t = statusTransitions;
  const table = scratchTable(`fix_${base.replaceAll('-', '')}`, date);
  const key = `${base}:${date}`;
  // A request that needs it twice (its counts and its lists) builds it once.
  const open = openFixes.get(db) ?? new Map<string, number>();
  openFixes.set(db, open);
  const release = () => {
    const n = (open.get(key) ?? 1) - 1;
    if (n > 0) open.set(key, n);
    else {
      open.delete(key);
      db.run(sql`drop table if exists ${table}`);
    }
  };
  if (open.has(key)) {
    open.set(key, open.get(key)! + 1);
    return { table, release };
  }
  const order = sql`${t.effectiveDate} || ':' || printf('%012d', ${t.updateId})`;
  db.run(sql`drop table if exists ${table}`);
  db.run(sql`create table ${table} (id integer primary key, status text not null, progress integer not null)`);
  fillOrDrop(db, table, date < base
    ? sql`insert into ${table} (id, status, progress) select cid, s, p from (select ${t.commitmentId} as cid, ${t.fromStatus} as s, ${t.fromProgress} as p, min(${order})
        from ${t} where ${t.effectiveDate} > ${date} and ${t.effectiveDate} <= ${base} group by ${t.commitmentId})`
    : sql`insert into ${table} (id, status, progress) select cid, s, p from (select ${t.commitmentId} as cid, ${t.toStatus} as s, ${t.toProgress} as p, max(${order})
        from ${t} where ${t.effectiveDate} > ${base} and ${t.effectiveDate} <= ${date} group by ${t.commitmentId})`);
  open.set(key, 1);
  return { table, release };
}

/**
 * The correction from a month-end snapshot's tallies to `date`, as tally rows: each commitment of
 * the scope changed in between leaves its state in the snapshot (none if it did not exist yet) and
 * takes its state at `date`.
 */
function snapshotDelta(db: Db, scope: SQL[], date: string, base: string): { table: SQL; release(): void } {
  const { table: fix, release: releaseFix } = prepareFix(db, date, base);
  const table = scratchTable('tally_delta', date);
  const where = allOf(scope);
  const key = sql`${commitments.areaId} as area_id, ${commitments.leadAgencyId} as lead_agency_id, coalesce(${commitments.dueEnd}, '') as due_end`;
  db.run(sql`drop table if exists ${table}`);
  try {
    db.run(sql`create table ${table} as select area_id, lead_agency_id, due_end, status, sum(n) as n, sum(progress) as progress from (
        select ${key}, f.status as status, 1 as n, f.progress as progress from ${fix} f cross join ${commitments} on ${commitments.id} = f.id where ${where}
        union all
        select ${key}, s.status, -1, -s.progress from ${fix} f cross join ${commitments} on ${commitments.id} = f.id
          join ${stateSnapshots} s on s.as_of = ${base} and s.commitment_id = f.id where ${where})
      group by 1, 2, 3, 4`);
  } finally {
    releaseFix();
  }
  return { table, release: () => db.run(sql`drop table if exists ${table}`) };
}
