import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { MIGRATIONS_FOLDER, type Db } from '@/db/client';
import * as schema from '@/db/schema';
import { DERIVED_VERSION, MAX_LISTED, storedDerivedVersion, verifyDerived } from '@/lib/as-of/maintenance';
import { verifyChains, type ChainReport } from '@/lib/audit/chain';

export interface DatabaseCheck {
  /** Why the file must not be used; empty when every check passed. */
  problems: string[];
  /** Checks that cannot apply before the file is migrated (a schema older than this code's), and why. */
  skipped: string[];
  /** Migrations the file has applied, and how many this code ships (null: not this application's). */
  migrations: { applied: number; known: number } | null;
  /** The audit chain as verified (null when it could not be). */
  chains: ChainReport | null;
  bytes: number;
  ms: number;
  /** Milliseconds each check took, by name. */
  timings: Record<string, number>;
}

/** Problems listed per check, at most: the first few say enough. */
const LISTED = 10;
const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Decides whether a database file may be used as a backup or restored: it is a SQLite file of its
 * full length, `PRAGMA integrity_check` is ok, `foreign_key_check` finds nothing, its schema is
 * one this code knows (no more migrations than db/migrations holds; fewer are applied at the next
 * start), the derived data agrees with its sources (`verifyDerived`, when of this code's version)
 * and the audit and status-update hash chains verify. Reads only.
 */
export function checkDatabaseFile(file: string): DatabaseCheck {
  const started = performance.now();
  const check: DatabaseCheck = { problems: [], skipped: [], migrations: null, chains: null, bytes: 0, ms: 0, timings: {} };
  const done = () => ({ ...check, ms: performance.now() - started });
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    check.problems.push('the file does not exist');
    return done();
  }
  check.bytes = stat.size;
  const header = headerProblem(file, stat);
  if (header) {
    check.problems.push(header);
    return done();
  }
  withReadOnlyConnection(file, (sqlite) => runChecks(sqlite, check));
  return done();
}

/** The file's first 100 bytes against SQLite's file format: magic string, page size, length. */
function headerProblem(file: string, stat: fs.Stats): string | null {
  if (!stat.isFile()) return 'not a regular file';
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return 'not a SQLite database';
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  // The header's page count is valid only when its change counter matches "version-valid-for".
  const pages = header.readUInt32BE(24) === header.readUInt32BE(92) ? header.readUInt32BE(28) : 0;
  if (stat.size % pageSize !== 0 || stat.size < pages * pageSize) {
    return `truncated: ${stat.size} bytes where its header says ${pages} pages of ${pageSize} bytes`;
  }
  return null;
}

/**
 * A read-only connection. On a WAL-mode file SQLite creates empty -wal and -shm files even so;
 * those it created are removed afterwards, so checking leaves the folder as it found it.
 */
function withReadOnlyConnection(file: string, use: (sqlite: Database.Database) => void): void {
  const created = ['-wal', '-shm'].map((s) => file + s).filter((f) => !fs.existsSync(f));
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('temp_store = MEMORY');
    use(sqlite);
  } finally {
    sqlite.close();
    const walIsEmpty = !fs.existsSync(`${file}-wal`) || fs.statSync(`${file}-wal`).size === 0;
    if (walIsEmpty) for (const f of created) fs.rmSync(f, { force: true });
  }
}

function runChecks(sqlite: Database.Database, check: DatabaseCheck): void {
  const attempt = (label: string, run: () => void, older = false) => {
    const started = performance.now();
    try {
      run();
    } catch (e) {
      const message = `${label}: ${e instanceof Error ? e.message : String(e)}`;
      (older ? check.skipped : check.problems).push(older ? `${message} (not checkable before the file is migrated)` : message);
    } finally {
      check.timings[label] = performance.now() - started;
    }
  };
  attempt('integrity check', () => {
    const rows = sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') {
      check.problems.push(...listed('integrity check', rows.map((r) => r.integrity_check)));
    }
  });
  attempt('foreign key check', () => {
    const rows = sqlite.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
    check.problems.push(...listed('foreign key check', rows.map((r) => `${r.table} row ${r.rowid} refers to a missing ${r.parent} row`)));
  });
  attempt('schema', () => {
    check.migrations = migrationsOf(sqlite);
    const { applied, known } = check.migrations;
    if (applied > known) {
      check.problems.push(`schema: ${applied} migrations applied, this code knows ${known}: it was written by a newer version of the application`);
    }
  });
  if (!check.migrations) return;
  const older = check.migrations.applied < check.migrations.known;
  const db = drizzle(sqlite, { schema }) as Db;
  attempt('derived data', () => {
    const version = storedDerivedVersion(db);
    if (version !== DERIVED_VERSION) {
      check.skipped.push(`derived data: version ${version ?? '(none)'}, this code's is ${DERIVED_VERSION}: rebuilt at the next start`);
      return;
    }
    const differences = verifyDerived(db);
    if (!differences.length) return;
    const tables = [...new Set(differences.map((d) => d.table))];
    const capped = differences.length >= MAX_LISTED ? '+' : '';
    check.problems.push(`derived data: ${differences.length}${capped} difference(s) from the source tables in ${tables.join(', ')} (first: ${differences[0]!.table} [${differences[0]!.key}])`);
  }, older);
  attempt('audit chain', () => {
    const report = verifyChains(sqlite);
    check.chains = report;
    check.problems.push(...report.broken.map((b) => `audit chain: ${b.reason}`));
  }, older);
}

/** `__drizzle_migrations` rows against the journal drizzle-kit wrote for this code's migrations. */
function migrationsOf(sqlite: Database.Database): { applied: number; known: number } {
  const table = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'`).get();
  if (!table) throw new Error('no __drizzle_migrations table: not a database of this application');
  const applied = (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return { applied, known: journal.entries.length };
}

function listed(label: string, lines: string[]): string[] {
  const shown = lines.slice(0, LISTED).map((line) => `${label}: ${line}`);
  return lines.length > LISTED ? [...shown, `${label}: … and ${lines.length - LISTED} more`] : shown;
}
