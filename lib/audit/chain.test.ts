import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { seedReferenceData } from '@/db/seed';
import type { Actor } from '@/lib/audit/record';
import { recordAudit } from '@/lib/audit/record';
import { insertTestUser } from '@/lib/testing/test-db';
import { recordRandomHistory } from '@/lib/testing/random-history';
import { chainHash, findHash, GENESIS_HASH, verifyChains } from './chain';

let dir: string;
let file: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chain-'));
  file = path.join(dir, 'app.db');
  db = openDatabase(file);
  migrateDatabase(db);
  seedReferenceData(db);
  const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  const admin: Actor = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
  recordRandomHistory(db, admin, 7, '2025-06-30', 40);
  recordAudit(db, { actor: null, action: 'auth.login.failure', targetType: 'user', actorEmail: 'who@example.org', origin: '127.0.0.1 (ui)' });
});

afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An edit made directly in the file, as someone with write access to it could: guards dropped first. */
function tamper(statement: string): void {
  const raw = new Database(file);
  raw.exec(`drop trigger if exists audit_events_no_update; drop trigger if exists status_updates_no_update;
    drop trigger if exists audit_events_no_delete; drop trigger if exists status_updates_no_delete; ${statement}`);
  raw.close();
}

/** `npm run audit:verify` on the test file: exit code and output. */
function auditVerify(...args: string[]) {
  const r = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/audit-verify.ts', ...args], {
    env: { ...process.env, DATABASE_URL: file },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('the audit and history hash chains', () => {
  it('holds after writes from every path: each row hashes its content and its predecessor', () => {
    const report = verifyChains(db.$client);
    expect(report).toMatchObject({ ok: true, statusUpdates: 40, broken: [] });
    expect(report.auditEvents).toBeGreaterThan(40);
    // Recomputed here independently of verifyChains: the first history row and the head.
    const first = db.$client.prepare('select * from status_updates order by id limit 1').get() as Record<string, string | number | null>;
    expect(first.prev_hash).toBe(GENESIS_HASH);
    const content = ['id', 'commitment_id', 'author_id', 'previous_status', 'new_status', 'previous_progress', 'new_progress', 'note', 'evidence_url', 'effective_date', 'recorded_at'].map((c) => first[c]!);
    expect(first.hash).toBe(chainHash(GENESIS_HASH, content));
    const last = db.$client.prepare('select hash from audit_events order by id desc limit 1').pluck().get();
    expect(report.auditHead).toBe(last);
    // Each status update's audit event carries the update's id and hash.
    const event = db.$client.prepare(`select after from audit_events where action = 'commitment.status_update' order by id limit 1`).pluck().get() as string;
    expect(JSON.parse(event)).toMatchObject({ statusUpdateId: 1, statusUpdateHash: first.hash });
  });

  it('names an audit event edited in the file', () => {
    tamper(`update audit_events set after = replace(after, '"progress"', '"progresS"') where id = 12`);
    expect(verifyChains(db.$client).broken).toEqual([{ table: 'audit_events', id: 12, reason: expect.stringMatching(/#12 was changed after it was recorded/) }]);
  });

  it('names a status update edited in the file', () => {
    tamper(`update status_updates set note = 'softened' where id = 5`);
    const { broken } = verifyChains(db.$client);
    expect(broken[0]).toEqual({ table: 'status_updates', id: 5, reason: expect.stringMatching(/status update #5 was changed/) });
  });

  it('names the link that breaks when an edited row is re-hashed, or a row is removed', () => {
    const row = db.$client.prepare('select * from status_updates where id = 5').get() as Record<string, string | number | null>;
    const content = ['id', 'commitment_id', 'author_id', 'previous_status', 'new_status', 'previous_progress', 'new_progress', 'note', 'evidence_url', 'effective_date', 'recorded_at'].map((c) => (c === 'new_progress' ? 99 : row[c]!));
    tamper(`update status_updates set new_progress = 99, hash = '${chainHash(row.prev_hash as string, content)}' where id = 5`);
    const { broken } = verifyChains(db.$client);
    expect(broken).toEqual([
      { table: 'status_updates', id: 6, reason: expect.stringMatching(/#6 does not follow #5/) },
      { table: 'audit_events', id: expect.any(Number), reason: expect.stringMatching(/records status update #5, which is no longer the update it recorded/) },
    ]);

    tamper(`delete from audit_events where id = 3`);
    expect(verifyChains(db.$client).broken[0]).toMatchObject({ table: 'audit_events', id: 4, reason: expect.stringMatching(/#4 does not follow #2/) });
  });

  it('detects a chain cut short at its end only against a head kept earlier', () => {
    const before = verifyChains(db.$client);
    const count = before.auditEvents;
    tamper(`delete from audit_events where id = ${count}`);
    const after = verifyChains(db.$client);
    expect(after.ok).toBe(true); // what is left is a valid chain…
    expect(findHash(db.$client, 'audit_events', before.auditHead)).toBeNull(); // …without the head kept earlier
    expect(findHash(db.$client, 'audit_events', after.auditHead)).toBe(count - 1);
  });

  it('npm run audit:verify prints the heads, or names the first broken link and exits 1', { timeout: 60_000 }, () => {
    const ok = verifyChains(db.$client);
    const intact = auditVerify('--audit-head', ok.auditHead, '--status-head', ok.statusHead);
    expect(intact.out).toContain('intact');
    expect(intact.out).toContain(ok.auditHead);
    expect(intact.out).toContain(ok.statusHead);
    expect(intact.code).toBe(0);

    tamper(`update status_updates set note = 'softened' where id = 5; delete from audit_events where id = ${ok.auditEvents}`);
    const broken = auditVerify('--audit-head', ok.auditHead);
    expect(broken.out).toMatch(/status update #5 was changed after it was recorded/);
    expect(broken.out).toMatch(/kept audit head .* is not in the chain/i);
    expect(broken.code).toBe(1);
  });
});
