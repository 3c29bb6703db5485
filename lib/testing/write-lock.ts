import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { seedReferenceData } from '@/db/seed';

/**
 * Runs `write` on `a`; at the first statement `a` prepares inside a transaction, asks whether `b`
 * (another connection to the same file, not waiting) could start writing. A write service whose
 * transaction is `BEGIN IMMEDIATE` answers `[false]`: it holds the write lock before its first
 * read, so a second process queues behind it instead of reading what is about to change.
 */
export function otherCouldWrite(a: Db, b: Db, write: () => unknown): boolean[] {
  const client = a.$client;
  const prepare = client.prepare;
  const seen: boolean[] = [];
  client.prepare = ((source: string) => {
    if (client.inTransaction && !seen.length) {
      try {
        b.$client.prepare('begin immediate').run();
        b.$client.prepare('rollback').run();
        seen.push(true);
      } catch (e) {
        if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
        seen.push(false);
      }
    }
    return prepare.call(client, source);
  }) as typeof client.prepare;
  try {
    write();
  } finally {
    delete (client as { prepare?: unknown }).prepare;
  }
  return seen;
}

/** Two connections to one seeded database file (the second never waits for a lock), removed afterwards. */
export function withTwoConnections<T>(run: (a: Db, b: Db) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-lock-'));
  const a = openDatabase(path.join(dir, 'test.db'));
  const b = openDatabase(path.join(dir, 'test.db'));
  try {
    migrateDatabase(a);
    seedReferenceData(a);
    b.$client.pragma('busy_timeout = 0');
    return run(a, b);
  } finally {
    a.$client.close();
    b.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
