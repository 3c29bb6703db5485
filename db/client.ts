import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { ensureDerivedCurrent } from '@/lib/as-of/maintenance';
import { chainExistingRows } from '@/lib/audit/chain';
import { ensureDataVersionTriggers } from './data-version';
import { ensureAppendOnlyGuards } from './guards';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_URL = 'data/app.db';
export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export function databasePath(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The database file and the WAL and shared-memory files SQLite keeps beside it. */
const DATABASE_FILE_SUFFIXES = ['', '-wal', '-shm'] as const;

/**
 * Makes the database readable and writable by the server's account only: it holds password
 * hashes and, when NEXTAUTH_SECRET is unset, the key that signs session cookies. SQLite gives
 * the -wal and -shm files it creates the main file's mode; files left by an older version are
 * narrowed here.
 */
function restrictDatabaseFiles(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  for (const suffix of DATABASE_FILE_SUFFIXES) {
    try {
      fs.chmodSync(file + suffix, 0o600);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Another account's file (a read-only tool run): say so rather than refuse to open it.
      if (code === 'EPERM') console.warn(`Could not restrict ${file + suffix} to mode 0600: it belongs to another user`);
      else if (code !== 'ENOENT') throw e;
    }
  }
}

const openedFiles = new WeakMap<Database.Database, { dev: number; ino: number }>();

/** The device and inode of the file a connection opened (undefined in memory): has it been replaced since? */
export function openedFile(db: Db): { dev: number; ino: number } | undefined {
  return openedFiles.get(db.$client);
}

/** Opens a SQLite file (created 0600 if missing) with the pragmas every connection needs. */
export function openDatabase(file: string = databasePath()): Db {
  const onDisk = file !== ':memory:' && file !== '';
  if (onDisk) {
    fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
    restrictDatabaseFiles(file);
  }
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  if (onDisk) {
    restrictDatabaseFiles(file);
    const { dev, ino } = fs.statSync(/*turbopackIgnore: true*/ file);
    openedFiles.set(sqlite, { dev, ino });
  }
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  // Per-request scratch tables (dashboard states on a past date) stay in memory.
  sqlite.pragma('temp_store = MEMORY');
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * Opens an existing database file for reading only (the read model's worker threads): WAL lets it
 * read while the server's connection writes; it can never write the file, only its own temporary
 * scratch tables (kept in memory).
 */
export function openReadOnlyDatabase(file: string = databasePath()): Db {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('temp_store = MEMORY');
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * Applies the committed drizzle-kit migrations (a no-op when they are all applied), chains the
 * audit events and status updates recorded before the hash chain existed (once), re-installs
 * the append-only guards a table rebuild may have dropped, and rebuilds derived data once when
 * its version changed.
 */
export function migrateDatabase(db: Db): void {
  // drizzle-kit rebuilds a table whose constraints change (create __new_x, copy, drop x, rename)
  // between `PRAGMA foreign_keys=OFF/ON`, which do nothing inside the migrator's transaction: a
  // table other tables refer to (agencies) could not be dropped. So foreign keys are off for the
  // migrations, as SQLite's own procedure for schema changes says, and checked whole before they
  // are on again.
  const client = db.$client;
  client.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const violations = client.pragma('foreign_key_check') as unknown[];
    if (violations.length) throw new Error(`Migrations left ${violations.length} foreign key violation(s): ${JSON.stringify(violations.slice(0, 5))}`);
  } finally {
    client.pragma('foreign_keys = ON');
  }
  const chained = chainExistingRows(db.$client, ensureAppendOnlyGuards);
  if (chained) console.info(`Hash chain: ${chained} existing audit events and status updates chained`);
  ensureAppendOnlyGuards(db.$client);
  ensureDataVersionTriggers(db.$client);
  ensureDerivedCurrent(db);
}

const globalForDb = globalThis as unknown as { __appDb?: Db };

/** The process-wide connection, migrated on first use so the server never serves an old schema. */
export function getDb(): Db {
  if (!globalForDb.__appDb) {
    const db = openDatabase();
    migrateDatabase(db);
    globalForDb.__appDb = db;
  }
  return globalForDb.__appDb;
}
