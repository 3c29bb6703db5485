import 'server-only';
import type { Db } from '@/db/client';

export interface Health {
  status: 'ok';
  /** How many schema migrations the database has applied (drizzle-kit's journal). */
  schemaVersion: number;
  /** One read from the database and back, in milliseconds. */
  databaseMs: number;
}

/**
 * The server's health for a load balancer or a monitor, without a session: one real read of the
 * database (its applied migrations) timed. Throws when the database cannot be read.
 */
export function checkHealth(db: Db): Health {
  const started = performance.now();
  const row = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
  return { status: 'ok', schemaVersion: row.n, databaseMs: Math.round((performance.now() - started) * 100) / 100 };
}
