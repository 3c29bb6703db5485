import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { APPEND_ONLY_TABLES } from '@/db/guards';
import { VERSIONED_TABLES } from '@/db/data-version';
import { commitments, statusUpdates } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { verifyDerived } from '@/lib/as-of/maintenance';
import { planAsOfView } from '@/lib/as-of/view';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { CHAINED_TABLES, verifyChains } from '@/lib/audit/chain';
import { STATUSES } from '@/lib/commitments/vocabulary';
import { insertTestUser } from '@/lib/testing/test-db';

const TODAY = '2025-06-30';
const STATUS_LIST = STATUSES.map((s) => `'${s}'`).join(', ');

let dir: string;
let db: Db;
let admin: Actor;

const record = (code: string, status: string, progress: number, effectiveDate: string) => {
  const version = db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;
  return updateCommitmentStatus(db, admin, code, { status, progress, note: `test ${status}`, effectiveDate, version }, { origin: 'test' }, TODAY);
};

const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
/** Two guards (no update, no delete) per append-only table, and the chain guard of each chained table, by name. */
const ALL_GUARDS = [...APPEND_ONLY_TABLES.flatMap((t) => [`${t}_no_delete`, `${t}_no_update`]), ...CHAINED_TABLES.map((t) => `${t}_chain`)].sort();
/** The guards; the data version's triggers (db/data-version.ts) are checked apart, by `versionTriggers`. */
const triggers = () =>
  (db.$client.prepare(`select name from sqlite_master where type = 'trigger' and name not like '%_data_version_%' order by name`).all() as { name: string }[]).map((t) => t.name);
const versionTriggers = () => (db.$client.prepare(`select count(*) as n from sqlite_master where type = 'trigger' and name like '%_data_version_%'`).get() as { n: number }).n;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  db = openDatabase(path.join(dir, 'app.db'));
  migrateDatabase(db);
  seedReferenceData(db);
  const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  admin = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
  record('CET23-BIO-01', 'in_progress', 30, '2024-05-01');
  record('CET23-BIO-01', 'delayed', 20, '2024-02-01'); // back-dated
  record('CET23-SEMI-01', 'completed', 100, '2025-01-15');
  record('CET23-AI-02', 'at_risk', 10, '2024-09-30');
  db.$client.prepare(`insert into issued_reports (quarter, lang, params, issued_by, issued_at, last_update_id) values ('2024-Q2', 'en', '{}', ?, '2024-07-05T00:00:00Z', 4)`).run(u.id);
  db.$client.prepare(`insert or ignore into claims (update_id, commitment_id, side, counter_sides, effective_date, recorded_at) select id, commitment_id, 'KR', 'US', effective_date, recorded_at from status_updates where id = 3`).run();
  db.$client.prepare(`insert into claim_decisions (claim_id, commitment_id, decision, note, side, actor_id, effective_date) select update_id, commitment_id, 'confirm', '', 'US', ?, effective_date from claims limit 1`).run(u.id);
  db.$client.prepare(`insert into assessments (commitment_id, quarter, verdict, confidence, rationale, author_id) values (1, '2024-Q2', 0, 'medium', 'why', ?)`).run(u.id);
  db.$client.prepare(`insert into issued_report_files (report_id, format, content_type, file_name, sha256, bytes, content) values (1, 'csv', 'text/csv', 'x.csv', 'abc', 1, x'41')`).run();
});

/** A column of each append-only table, for the update that must be refused. */
const SOME_COLUMN: Record<(typeof APPEND_ONLY_TABLES)[number], string> = { status_updates: 'note', audit_events: 'origin', issued_reports: 'lang', issued_report_files: 'sha256', claims: 'side', claim_decisions: 'note', assessments: 'rationale' };

afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * What drizzle-kit generates when a table's CHECK changes (here: a seventh status, 'cancelled'):
 * foreign keys off outside any transaction, create `__new_<t>` with the new CHECK (drizzle-kit
 * renames the table in qualified CHECK columns too), copy, drop, rename, foreign keys on, then the
 * table's indexes again. Dropping the old table drops its triggers: nothing here re-creates them.
 */
function rebuildWithCancelled(table: 'commitments' | 'status_updates', checkName: string): void {
  const client = db.$client;
  const create = (client.prepare(`select sql from sqlite_master where type = 'table' and name = ?`).get(table) as { sql: string }).sql;
  const indexes = (client.prepare(`select sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null`).all(table) as { sql: string }[]).map((r) => r.sql);
  expect(indexes.length).toBeGreaterThan(0);

  const check = new RegExp(`(CONSTRAINT "${checkName}" CHECK\\(\\w+ in \\()${STATUS_LIST.replace(/[()]/g, '\\$&')}(\\)\\))`);
  expect(create).toMatch(check);
  const widened = create
    .replace(check, `$1${STATUS_LIST}, 'cancelled'$2`)
    .replace(/^CREATE TABLE `[^`]+`/, `CREATE TABLE \`__new_${table}\``)
    .replaceAll(`"${table}".`, `"__new_${table}".`);
  expect(widened).toContain(`'cancelled'`);
  expect(widened).toMatch(/^CREATE TABLE `__new_/);

  const columns = (client.pragma(`table_info(${table})`) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
  client.exec('PRAGMA foreign_keys=OFF;');
  client.exec(widened);
  client.exec(`INSERT INTO \`__new_${table}\`(${columns}) SELECT ${columns} FROM \`${table}\`;`);
  client.exec(`DROP TABLE \`${table}\`;`);
  client.exec(`ALTER TABLE \`__new_${table}\` RENAME TO \`${table}\`;`);
  client.exec('PRAGMA foreign_keys=ON;');
  for (const index of indexes) client.exec(index);
}

function expectGuardsHold(): void {
  for (const table of APPEND_ONLY_TABLES) {
    expect(count(`select count(*) as n from ${table}`), table).toBeGreaterThan(0);
    expect(() => db.$client.exec(`update ${table} set ${SOME_COLUMN[table]} = 'x'`), table).toThrow(/append-only/);
    expect(() => db.$client.exec(`delete from ${table}`), table).toThrow(/append-only/);
  }
}

describe('migrations can evolve', () => {
  it('starts with the append-only and chain guards and the data version’s triggers, no other', () => {
    expect(triggers()).toEqual(ALL_GUARDS);
    expect(versionTriggers()).toBe(VERSIONED_TABLES.length * 3);
    expect(ALL_GUARDS).toContain('status_updates_no_update');
    expect(ALL_GUARDS).toContain('audit_events_chain');
    expectGuardsHold();
    expect(verifyDerived(db)).toEqual([]);
    expect(verifyChains(db.$client)).toMatchObject({ ok: true, statusUpdates: 4 });
  });

  it('chains the rows of a database from before the chain existed, to the very hashes a live write gives', () => {
    const live = verifyChains(db.$client);
    expect(live.ok).toBe(true);
    // The state before migration 0015: no hashes, no chain guard, no record of the chaining.
    db.$client.exec(`drop trigger status_updates_no_update; drop trigger audit_events_no_update; drop trigger status_updates_chain; drop trigger audit_events_chain;
      update status_updates set prev_hash = null, hash = null; update audit_events set prev_hash = null, hash = null; delete from settings where key = 'hash_chain'`);
    expect(verifyChains(db.$client).ok).toBe(false);

    migrateDatabase(db);

    expect(verifyChains(db.$client)).toEqual(live);
    expect(triggers()).toEqual(ALL_GUARDS);
    expectGuardsHold();
    // Once only: a hash removed later is reported, never silently re-chained.
    db.$client.exec(`drop trigger status_updates_no_update; update status_updates set hash = null where id = 2`);
    migrateDatabase(db);
    expect(verifyChains(db.$client).broken).toEqual([expect.objectContaining({ table: 'status_updates', id: 2 }), expect.objectContaining({ table: 'audit_events' })]);
  });

  it('rebuilds commitments and status_updates for a new status; the next start restores the guards and the read model still agrees', () => {
    expect(db.$client.pragma('legacy_alter_table', { simple: true })).toBe(0);
    const rows = { commitments: count('select count(*) as n from commitments'), status_updates: count('select count(*) as n from status_updates') };
    const indexNames = () => (db.$client.prepare(`select name from sqlite_master where type = 'index' and sql is not null order by name`).all() as { name: string }[]).map((r) => r.name);
    const indexesBefore = indexNames();

    // Before 0011 this failed: "error in trigger transitions_agency_flows_insert: no such table: main.commitments".
    expect(() => rebuildWithCancelled('commitments', 'commitments_status_check')).not.toThrow();
    expect(() => rebuildWithCancelled('status_updates', 'status_updates_new_status_check')).not.toThrow();

    // The rebuild did what a drizzle-kit migration does: new CHECK, same rows and indexes, sound schema.
    for (const t of ['commitments', 'status_updates']) {
      expect((db.$client.prepare(`select sql from sqlite_master where name = ?`).get(t) as { sql: string }).sql).toContain(`'cancelled'`);
    }
    expect(count(`select count(*) as n from sqlite_master where name like '__new_%'`)).toBe(0);
    expect({ commitments: count('select count(*) as n from commitments'), status_updates: count('select count(*) as n from status_updates') }).toEqual(rows);
    expect(indexNames()).toEqual(indexesBefore);
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    // Dropping status_updates took its guards with it; audit_events was not rebuilt.
    expect(triggers()).toEqual(ALL_GUARDS.filter((g) => !g.startsWith('status_updates')));

    // The next start.
    migrateDatabase(db);

    expectGuardsHold();
    expect(triggers()).toEqual(ALL_GUARDS);
    expect(verifyDerived(db)).toEqual([]);
    expect(verifyChains(db.$client).ok).toBe(true);

    // Writes still go through the service and keep the read model exact.
    const state = record('CET23-BIO-02', 'in_progress', 40, '2024-07-01');
    expect(state).toMatchObject({ status: 'in_progress', progress: 40, version: 2 });
    record('CET23-BIO-01', 'at_risk', 25, '2024-03-15'); // back-dated between its two entries
    expect(db.select().from(commitments).where(eq(commitments.code, 'CET23-BIO-01')).get()).toMatchObject({ status: 'in_progress', progress: 30 });
    expect(db.select().from(statusUpdates).all()).toHaveLength(6);
    expect(verifyDerived(db)).toEqual([]);

    const view = planAsOfView({}, TODAY, TODAY, db);
    expect(view.headline.total).toBe(19);
    expect(view.headline.counts).toMatchObject({ completed: 1, at_risk: 1, in_progress: 2, not_started: 15 });
    expect(view.byArea.reduce((n, a) => n + a.total, 0)).toBe(19);
    const past = planAsOfView({}, '2024-03-31', TODAY, db);
    expect(past.headline.total).toBe(19);
    // BIO-01 then: delayed from 2024-02-01, at risk from the back-dated 2024-03-15 entry.
    expect(past.headline.counts).toMatchObject({ at_risk: 1, delayed: 0, not_started: 18 });
    expect(verifyDerived(db)).toEqual([]);
  });

  it('the guard is gone right after the raw rebuild, and migrateDatabase is what restores it', () => {
    rebuildWithCancelled('status_updates', 'status_updates_new_status_check');

    expect(triggers().filter((t) => t.startsWith('status_updates'))).toEqual([]);
    expect(db.$client.prepare(`update status_updates set note = 'x'`).run().changes).toBeGreaterThan(0);

    migrateDatabase(db);

    expect(() => db.$client.exec(`update status_updates set note = 'y'`)).toThrow(/status_updates is append-only/);
    expect(() => db.$client.exec('delete from status_updates')).toThrow(/status_updates is append-only/);
    expect(count(`select count(*) as n from status_updates where note = 'x'`)).toBe(4);
    expect(triggers()).toEqual(ALL_GUARDS);
    expect(versionTriggers()).toBe(VERSIONED_TABLES.length * 3);
    expectGuardsHold();
    // The edit made while the guard was gone is evidence tampered with: the chain names it.
    expect(verifyChains(db.$client).broken[0]).toMatchObject({ table: 'status_updates', id: 1, reason: expect.stringMatching(/changed after it was recorded/) });
  });
});
