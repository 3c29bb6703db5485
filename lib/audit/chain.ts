import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DrizzleError, DrizzleQueryError, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';

/**
 * The audit events and the status updates are each a hash chain. Every row stores the hash of the
 * row before it (`prev_hash`, 64 zeros for the first) and its own `hash`:
 *
 *   hash = SHA-256( prev_hash + "\n" + JSON of its content columns, in the order below, as stored )
 *
 * so an edit to any row, or a row removed, inserted or reordered, breaks a link that
 * `verifyChains` names. The audit event recorded with each status update also holds that update's
 * id and hash, tying the two chains together. The last row's hash (the head) is what an operator
 * keeps elsewhere: a chain cut short at its end can only be detected against a kept head.
 *
 * Rows are appended only through `appendChained` (a BEFORE INSERT trigger, db/guards.ts, refuses
 * any row whose prev_hash is not the current head), and never change (append-only triggers).
 */
export const GENESIS_HASH = '0'.repeat(64);

export const CHAINED_TABLES = ['audit_events', 'status_updates'] as const;
export type ChainedTable = (typeof CHAINED_TABLES)[number];

/** Each chained table's content columns, in hashing order; `id` first. */
export const CONTENT_COLUMNS: Record<ChainedTable, readonly string[]> = {
  audit_events: ['id', 'at', 'actor_id', 'actor_email', 'action', 'target_type', 'target_id', 'before', 'after', 'origin'],
  status_updates: ['id', 'commitment_id', 'author_id', 'previous_status', 'new_status', 'previous_progress', 'new_progress', 'note', 'evidence_url', 'effective_date', 'recorded_at'],
};

type Value = string | number | null;

/** The hash of one row, from its predecessor's hash and its content columns as SQLite stores them. */
export function chainHash(prevHash: string, content: readonly Value[]): string {
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(content)).digest('hex');
}

type Tx = Pick<Db, 'get' | 'run'>;

/**
 * Appends one row to a chained table: reads the head, numbers the row after it, hashes it and
 * inserts it. Call it inside the transaction of the change the row records; a connection outside
 * any transaction gets one of its own (immediate), so two processes can never fork the chain.
 * `row` holds every content column but `id`, as the values SQLite is to store (JSON as text).
 */
export function appendChained(tx: Tx, table: ChainedTable, row: Record<string, Value>): { id: number; hash: string } {
  const client = (tx as Partial<Db>).$client;
  if (client && !client.inTransaction) {
    return (tx as Db).transaction((inner) => appendChained(inner, table, row), { behavior: 'immediate' });
  }
  const head = tx.get<{ id: number; hash: string | null } | undefined>(sql.raw(`select id, hash from ${table} order by id desc limit 1`));
  const id = (head?.id ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const columns = CONTENT_COLUMNS[table];
  const content = columns.map((c) => {
    if (c === 'id') return id;
    const v = row[c];
    if (v === undefined) throw new Error(`${table}.${c} missing from a chained row`);
    return v;
  });
  const hash = chainHash(prevHash, content);
  const names = sql.raw([...columns, 'prev_hash', 'hash'].join(', '));
  const values: SQL[] = [...content, prevHash, hash].map((v) => sql`${v}`);
  try {
    tx.run(sql`insert into ${sql.raw(table)} (${names}) values (${sql.join(values, sql`, `)})`);
  } catch (e) {
    // Raw statements come back wrapped; callers see SQLite's own error (its code), as from any insert.
    throw (e instanceof DrizzleError || e instanceof DrizzleQueryError) && e.cause ? e.cause : e;
  }
  return { id, hash };
}

/** A link that does not hold: the first one found in a table. */
export interface ChainBreak {
  table: ChainedTable;
  /** The row where the chain stops holding. */
  id: number;
  reason: string;
}

export interface ChainReport {
  ok: boolean;
  auditEvents: number;
  statusUpdates: number;
  /** Each chain's last hash ('' for an empty table). */
  auditHead: string;
  statusHead: string;
  /** The first broken link of each chain, then any audit event whose recorded update differs. */
  broken: ChainBreak[];
}

interface ChainedRow {
  [column: string]: Value;
  prev_hash: string | null;
  hash: string | null;
}

const LABEL: Record<ChainedTable, string> = { audit_events: 'audit event', status_updates: 'status update' };

/** Walks one chain in id order; returns its length, head and first break (if any). */
function walk(sqlite: Database.Database, table: ChainedTable, visit?: (content: Value[]) => void): { n: number; head: string; broken: ChainBreak | null } {
  const columns = CONTENT_COLUMNS[table];
  const width = columns.length;
  // Rows as arrays: the content columns (id first), then prev_hash and hash.
  const rows = sqlite.prepare(`select ${columns.join(', ')}, prev_hash, hash from ${table} order by id`).raw(true).iterate() as IterableIterator<Value[]>;
  let n = 0;
  let previous: { id: number; hash: string } | null = null;
  let broken: ChainBreak | null = null;
  for (const row of rows) {
    n += 1;
    const content = row.slice(0, width);
    visit?.(content);
    const id = row[0] as number;
    const prevHash = row[width] as string | null;
    const hash = row[width + 1] as string | null;
    if (!broken) {
      const expectedPrev = previous?.hash ?? GENESIS_HASH;
      if (hash === null || prevHash === null) {
        broken = { table, id, reason: `${LABEL[table]} #${id} carries no hash: it was inserted outside the chain` };
      } else if (prevHash !== expectedPrev) {
        broken = {
          table,
          id,
          reason: previous
            ? `${LABEL[table]} #${id} does not follow #${previous.id}: its prev_hash is not #${previous.id}'s hash (#${previous.id} was edited and re-hashed, or rows between them were removed or inserted)`
            : `${LABEL[table]} #${id}, the first, does not start the chain (rows before it were removed)`,
        };
      } else if (chainHash(prevHash, content) !== hash) {
        broken = { table, id, reason: `${LABEL[table]} #${id} was changed after it was recorded: its content no longer matches its hash` };
      }
    }
    previous = { id, hash: hash ?? '' };
  }
  return { n, head: previous?.hash ?? '', broken };
}

/**
 * Recomputes both chains from their first row, and checks that every status update an audit event
 * records (by id and hash) is still that update. Reads only; one read transaction, so a
 * concurrent writer can neither tear the walk nor be blocked by it (WAL).
 */
export function verifyChains(sqlite: Database.Database): ChainReport {
  const run = sqlite.transaction(() => {
    const recorded: { eventId: number; updateId: number; hash: string }[] = [];
    const ACTION = CONTENT_COLUMNS.audit_events.indexOf('action');
    const AFTER = CONTENT_COLUMNS.audit_events.indexOf('after');
    const audit = walk(sqlite, 'audit_events', (row) => {
      const text = row[AFTER];
      if (row[ACTION] !== 'commitment.status_update' || typeof text !== 'string') return;
      let after: { statusUpdateId?: unknown; statusUpdateHash?: unknown };
      try {
        after = JSON.parse(text) as typeof after;
      } catch {
        return; // An edited event: its own hash no longer matches, which the walk reports.
      }
      if (typeof after.statusUpdateId === 'number' && typeof after.statusUpdateHash === 'string') {
        recorded.push({ eventId: row[0] as number, updateId: after.statusUpdateId, hash: after.statusUpdateHash });
      }
    });
    const updates = walk(sqlite, 'status_updates');
    const broken = [audit.broken, updates.broken].filter((b): b is ChainBreak => b !== null);
    const hashOf = sqlite.prepare('select hash from status_updates where id = ?').pluck();
    for (const r of recorded) {
      const stored = hashOf.get(r.updateId) as string | null | undefined;
      if (stored !== r.hash) {
        broken.push({
          table: 'audit_events',
          id: r.eventId,
          reason: `audit event #${r.eventId} records status update #${r.updateId}, which ${stored === undefined ? 'no longer exists' : 'is no longer the update it recorded (its hash differs)'}`,
        });
        break;
      }
    }
    return { ok: broken.length === 0, auditEvents: audit.n, statusUpdates: updates.n, auditHead: audit.head, statusHead: updates.head, broken };
  });
  return run.deferred();
}

/** The row of a chain that carries this hash (a head kept earlier), or null when none does. */
export function findHash(sqlite: Database.Database, table: ChainedTable, hash: string): number | null {
  return (sqlite.prepare(`select id from ${table} where hash = ?`).pluck().get(hash) as number | undefined) ?? null;
}

const CHAINED_KEY = 'hash_chain';

/**
 * Chains the rows recorded before the chain existed (migration 0015 added the columns), once, in
 * id order. The append-only triggers are lifted for this one transaction and put back before it
 * commits. Afterwards the setting `hash_chain` records that it is done: rows without a hash found
 * later are reported by `verifyChains`, never silently chained.
 */
export function chainExistingRows(sqlite: Database.Database, restoreGuards: (sqlite: Database.Database) => void): number {
  const done = sqlite.prepare('select value from settings where key = ?').pluck().get(CHAINED_KEY);
  if (done !== undefined) return 0;
  let chained = 0;
  sqlite
    .transaction(() => {
      for (const table of CHAINED_TABLES) {
        sqlite.exec(`drop trigger if exists ${table}_no_update; drop trigger if exists ${table}_chain`);
        const columns = CONTENT_COLUMNS[table];
        const page = sqlite.prepare(`select ${columns.join(', ')}, hash from ${table} where id > ? order by id limit 5000`);
        const set = sqlite.prepare(`update ${table} set prev_hash = ?, hash = ? where id = ?`);
        let prev = GENESIS_HASH;
        for (let after = 0; ; ) {
          const rows = page.all(after) as ChainedRow[];
          if (!rows.length) break;
          for (const row of rows) {
            const hash = chainHash(prev, columns.map((c) => row[c] ?? null));
            set.run(prev, hash, row.id);
            prev = hash;
            chained += 1;
          }
          after = rows.at(-1)!.id as number;
        }
      }
      restoreGuards(sqlite);
      sqlite.prepare('insert into settings (key, value) values (?, ?)').run(CHAINED_KEY, new Date().toISOString());
    })
    .immediate();
  return chained;
}
