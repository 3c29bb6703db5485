import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import * as schema from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { eq } from 'drizzle-orm';
import { commitments, users, type NewUser } from '@/db/schema';
import { project } from '@/lib/as-of/projector';

/** A fresh in-memory database migrated with the real migrations. */
export function createTestDb(): Db {
  const db = openDatabase(':memory:');
  migrateDatabase(db);
  return db;
}

/** A migrated, seeded database that getDb() also returns, for code that uses the default connection. */
export function useSeededTestDb(): Db {
  const db = createTestDb();
  seedReferenceData(db);
  (globalThis as unknown as { __appDb?: Db }).__appDb = db;
  return db;
}

/**
 * An in-memory copy of a serialized test database (`db.$client.serialize()`), with the pragmas
 * openDatabase sets, that getDb() also returns: a fixture built once serves many isolated cases.
 */
export function useTestDbCopy(image: Buffer): Db {
  const sqlite = new Database(image);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema }) as Db;
  (globalThis as unknown as { __appDb?: Db }).__appDb = db;
  return db;
}

export function insertTestUser(db: Db, values: Omit<NewUser, 'name'> & { name?: string }) {
  return db.insert(users).values({ name: values.email, ...values }).returning().get();
}

/** Every row of every table except those named, for "nothing was written" assertions. */
export function snapshotTables(db: Db, except: string[] = []): Record<string, unknown[]> {
  const names = (
    db.$client
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`)
      .all() as { name: string }[]
  )
    .map((t) => t.name)
    .filter((n) => !except.includes(n));
  // Blobs (issued report files) as their hashes: comparing them byte by byte takes a second each.
  const row = (r: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? `sha256:${createHash('sha256').update(v).digest('hex')}` : v]));
  return Object.fromEntries(names.map((n) => [n, (db.$client.prepare(`select * from "${n}" order by 1`).all() as Record<string, unknown>[]).map(row)]));
}

/**
 * A raw edit of commitments or partners made the way every write service makes it: inside a
 * transaction, through the read model's projector, so derived data follows.
 */
export function projectedEdit(db: Db, codes: string[], write: (tx: Db) => void): void {
  db.transaction(
    (tx) => {
      const ids = codes.map((code) => tx.select({ id: commitments.id }).from(commitments).where(eq(commitments.code, code)).get()!.id);
      project(tx, ids, () => write(db), 'all');
    },
    { behavior: 'immediate' },
  );
}

/** The names of the connection's temp tables (scratch tables), sorted. */
export function tempTableNames(db: Db): string[] {
  return (db.$client.prepare(`select name from temp.sqlite_master where type = 'table' order by name`).all() as { name: string }[]).map((r) => r.name);
}
