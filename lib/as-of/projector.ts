import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencyTallySnapshots, stateSnapshots, tallySnapshotDates, tallySnapshots } from '@/db/schema';
import { applyShares, IDS_TABLE, MAIN_TABLES, refreshCommitmentColumns, SELECTED, writeTransitions } from './derive';

type Tx = Pick<Db, 'run'>;

/**
 * Which past month-end snapshots a write may change: those on or after `from` (the earliest date
 * whose state it changes, such as a new entry's effective date), or all of them.
 */
export type SnapshotImpact = { from: string } | 'all';

/**
 * The one way derived data is kept. Every write service calls this inside its own transaction,
 * with the commitments it touches and the write itself:
 *   1. take those commitments' share out of every rollup (as the data stands before the write);
 *   2. run the write (insert a status update, edit fields, partners, archive, move a dialogue…);
 *   3. re-derive their columns (status, progress, last_update_on, adopted_on) and their chains of
 *      state changes from the source rows;
 *   4. add their share back, and drop the snapshots the write could have changed.
 * A commitment's derived rows depend on its own source rows only, so this is exact for any write,
 * and `npm run db:verify` checks that it stayed so.
 */
export function project<T>(tx: Tx, commitmentIds: readonly number[], write: () => T, impact: SnapshotImpact): T {
  select(tx, commitmentIds);
  applyShares(tx, MAIN_TABLES, SELECTED, -1);
  const result = write();
  derive(tx, impact);
  return result;
}

/** For commitments just inserted (they have no share to take out yet): steps 3 and 4. */
export function projectCreated(tx: Tx, commitmentIds: readonly number[]): void {
  select(tx, commitmentIds);
  derive(tx, 'all');
}

function select(tx: Tx, commitmentIds: readonly number[]): void {
  tx.run(sql`create temp table if not exists ${IDS_TABLE} (id integer primary key)`);
  tx.run(sql`delete from ${IDS_TABLE}`);
  for (let i = 0; i < commitmentIds.length; i += 500) {
    const chunk = commitmentIds.slice(i, i + 500);
    tx.run(sql`insert or ignore into ${IDS_TABLE} (id) values ${sql.join(chunk.map((id) => sql`(${id})`), sql`, `)}`);
  }
}

function derive(tx: Tx, impact: SnapshotImpact): void {
  refreshCommitmentColumns(tx, MAIN_TABLES, SELECTED);
  writeTransitions(tx, MAIN_TABLES, SELECTED);
  applyShares(tx, MAIN_TABLES, SELECTED, 1);
  dropSnapshots(tx, impact);
  tx.run(sql`delete from ${IDS_TABLE}`);
}

export function dropSnapshots(tx: Tx, impact: SnapshotImpact): void {
  if (impact === 'all') {
    tx.run(sql`delete from ${tallySnapshots}`);
    tx.run(sql`delete from ${stateSnapshots}`);
    tx.run(sql`delete from ${agencyTallySnapshots}`);
    tx.run(sql`delete from ${tallySnapshotDates}`);
    return;
  }
  tx.run(sql`delete from ${tallySnapshots} where ${tallySnapshots.asOf} >= ${impact.from}`);
  tx.run(sql`delete from ${stateSnapshots} where ${stateSnapshots.asOf} >= ${impact.from}`);
  tx.run(sql`delete from ${agencyTallySnapshots} where ${agencyTallySnapshots.asOf} >= ${impact.from}`);
  tx.run(sql`delete from ${tallySnapshotDates} where ${tallySnapshotDates.asOf} >= ${impact.from}`);
}
