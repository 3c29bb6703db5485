import type Database from 'better-sqlite3';

/**
 * The tables whose rows the read model's answers show (the dashboard, the lists, their filter
 * choices): any write to one of them increments `data_version.n` in the same transaction, through
 * the triggers below. So every writer is covered — the services, the seed, an import, a script, a
 * hand-typed `sqlite3` statement — and the read cache (lib/read-model/) cannot serve an answer
 * computed before the write.
 */
export const VERSIONED_TABLES = [
  'dialogues',
  'areas',
  'agencies',
  'dialogue_participants',
  'commitments',
  'commitment_partners',
  'users',
  'status_updates',
  'claims',
  'claim_spans',
  'claim_decisions',
  'assessments',
] as const;

/**
 * The other tables, and why a write to them needs no new version. `lib/read-model/read-model.test.ts` checks
 * that every table of the schema is in exactly one of the two lists, so a new table gets a decision.
 */
export const UNVERSIONED_TABLES = {
  // Derived from the versioned tables in the same transaction as the write that changes them; a
  // full rebuild (`db:rebuild-derived`, a migration's rebuild) bumps the version itself.
  status_transitions: 'derived',
  status_flows: 'derived',
  status_flow_totals: 'derived',
  status_flows_by_agency: 'derived',
  commitment_tallies: 'derived',
  agency_tallies: 'derived',
  // Month-end snapshots: built by reads, dropped by the projector; the same answers either way.
  tally_snapshot_dates: 'snapshot cache',
  tally_snapshots: 'snapshot cache',
  state_snapshots: 'snapshot cache',
  agency_tally_snapshots: 'snapshot cache',
  // Not read by any cached answer.
  sessions: 'sign-in',
  login_attempts: 'sign-in',
  audit_events: 'audit trail',
  settings: 'installation settings',
  issued_reports: 'issued reports (read from the table, not cached)',
  issued_report_files: 'issued reports (read from the table, not cached)',
  digest_sends: 'digest log',
  data_version: 'the counter itself',
} as const;

const OPERATIONS = ['insert', 'update', 'delete'] as const;

/**
 * Creates the counter's row and the triggers. Re-run after every migration: a drizzle-kit table
 * rebuild drops a table's triggers with the table (as ensureAppendOnlyGuards).
 */
export function ensureDataVersionTriggers(sqlite: Database.Database): void {
  sqlite.exec('INSERT OR IGNORE INTO data_version (id, n) VALUES (1, 0)');
  for (const table of VERSIONED_TABLES) {
    for (const op of OPERATIONS) {
      sqlite.exec(`CREATE TRIGGER IF NOT EXISTS \`${table}_data_version_${op}\` AFTER ${op.toUpperCase()} ON \`${table}\`
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;`);
    }
  }
}

/** The current data version (0 before the first write). */
export function readDataVersion(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT n FROM data_version WHERE id = 1').pluck().get() as number | undefined) ?? 0;
}

/** Increments the data version: for writers the triggers do not see (a derived rebuild, a restore). */
export function bumpDataVersion(sqlite: Database.Database): void {
  sqlite.prepare('INSERT INTO data_version (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = n + 1').run();
}
