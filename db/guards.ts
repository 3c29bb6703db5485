import type Database from 'better-sqlite3';

/** Tables whose rows are evidence: once written they may never change or disappear. */
export const APPEND_ONLY_TABLES = ['status_updates', 'audit_events', 'issued_reports', 'issued_report_files'] as const;

/**
 * Installs the append-only guards (BEFORE UPDATE / DELETE triggers that abort). Migration 0001
 * created them; they are re-created after every migration run because a drizzle-kit table
 * rebuild (create __new_x, copy, drop x, rename) drops a table's triggers with the table.
 * These are the only triggers the schema has: derived data is kept by lib/as-of, not by triggers.
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
}
