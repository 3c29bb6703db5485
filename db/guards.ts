import type Database from 'better-sqlite3';
import { CHAINED_TABLES, GENESIS_HASH } from '@/lib/audit/chain';

/** Tables whose rows are evidence: once written they may never change or disappear. */
export const APPEND_ONLY_TABLES = ['status_updates', 'audit_events', 'issued_reports', 'issued_report_files', 'claims', 'claim_decisions', 'assessments'] as const;

/**
 * Installs the append-only guards (BEFORE UPDATE / DELETE triggers that abort) and, on the two
 * hash-chained tables, a BEFORE INSERT guard that refuses a row that does not extend the chain
 * (no hash, a prev_hash other than the head's, or an id not after the head's): rows are appended
 * through lib/audit/chain.ts only. Migration 0001 created the first guards; they are re-created
 * after every migration run because a drizzle-kit table rebuild (create __new_x, copy, drop x,
 * rename) drops a table's triggers with the table. The only other triggers are the data
 * version's (db/data-version.ts): derived data is kept by lib/as-of, not by triggers.
 */
export function ensureAppendOnlyGuards(sqlite: Database.Database): void {
  for (const table of APPEND_ONLY_TABLES) {
    for (const op of ['update', 'delete'] as const) {
      sqlite.exec(`CREATE TRIGGER IF NOT EXISTS \`${table}_no_${op}\` BEFORE ${op.toUpperCase()} ON \`${table}\`
BEGIN
  SELECT RAISE(ABORT, '${table} is append-only');
END;`);
    }
  }
  for (const table of CHAINED_TABLES) {
    sqlite.exec(`CREATE TRIGGER IF NOT EXISTS \`${table}_chain\` BEFORE INSERT ON \`${table}\`
WHEN NEW.hash IS NULL OR length(NEW.hash) != 64
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM \`${table}\` ORDER BY id DESC LIMIT 1), '${GENESIS_HASH}')
  OR NEW.id <= coalesce((SELECT max(id) FROM \`${table}\`), 0)
BEGIN
  SELECT RAISE(ABORT, '${table} is a hash chain: rows are appended through lib/audit/chain.ts');
END;`);
  }
}
