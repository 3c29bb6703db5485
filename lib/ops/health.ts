import 'server-only';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openedFile, type Db } from '@/db/client';

export interface Health {
  status: 'ok';
  /** How many schema migrations the database has applied (drizzle-kit's journal). */
  schemaVersion: number;
  /** One read from the database and back, in milliseconds. */
  databaseMs: number;
}

/**
 * The server's health for a load balancer or a monitor, without a session: one real read of the
 * database (its applied migrations) timed, through the server's connection. For a database on
 * disk, the file itself must also still be there, readable and writable by its owner, and open
 * afresh as SQLite: the server's open connection would otherwise keep answering from a file that
 * was deleted, replaced or locked down, and fail only at the next start. Throws when any of it
 * fails.
 */
export function checkHealth(db: Db): Health {
  const file = db.$client.name;
  const started = performance.now();
  const row = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
  if (file !== ':memory:' && file !== '') {
    const { mode, dev, ino } = fs.statSync(file);
    const opened = openedFile(db);
    if (opened && (opened.dev !== dev || opened.ino !== ino)) throw new Error(`${file} was replaced since the server opened it`);
    // Checked on the mode bits, not with access(): root may read any file, whatever its mode.
    if ((mode & 0o600) !== 0o600) throw new Error(`${file} is not readable and writable by its owner (mode ${(mode & 0o777).toString(8)})`);
    const fresh = new Database(file, { readonly: true, fileMustExist: true });
    try {
      fresh.prepare('select count(*) from __drizzle_migrations').get();
    } finally {
      fresh.close();
    }
  }
  return { status: 'ok', schemaVersion: row.n, databaseMs: Math.round((performance.now() - started) * 100) / 100 };
}
