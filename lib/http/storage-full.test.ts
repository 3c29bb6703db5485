import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DrizzleQueryError, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { seedReferenceData } from '@/db/seed';
import { agencies, auditEvents, commitments, statusUpdates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { StorageFullError, storageFullError } from '@/lib/errors';
import { createLogger, LOGGER_KEY } from '@/lib/ops/logger.js';
import { insertTestUser, snapshotTables } from '@/lib/testing/test-db';
import { actionError } from './action-state';
import { errorResponse } from './api';

const CODE = 'CET23-BIO-01';
const NOTE = `심사 결과 공지 — confidential working note ${'가'.repeat(3000)}`;
let dir: string;
let db: Db;
let official: Actor;
let logLines: string[];

/** A real database file in WAL mode, as the server opens it, migrated and seeded. */
function openSeededFile(): Db {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-full-'));
  const file = openDatabase(path.join(dir, 'app.db'));
  migrateDatabase(file);
  seedReferenceData(file);
  return file;
}

/** Lets the database grow by no page at all: the next write that needs one fails as on a full disk. */
function fillDatabase(): void {
  db.$client.exec('VACUUM');
  const pages = db.$client.pragma('page_count', { simple: true }) as number;
  db.$client.pragma(`max_page_count = ${pages}`);
}

const version = () => db.select({ version: commitments.version }).from(commitments).where(eq(commitments.code, CODE)).get()!.version;
const update = () => updateCommitmentStatus(db, official, CODE, { status: 'at_risk', progress: 20, note: NOTE, effectiveDate: '2024-05-02', version: version() }, { origin: 'test' }, '2025-06-30');
const count = (table: typeof statusUpdates | typeof auditEvents) => db.select().from(table).all().length;

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return expect.unreachable('should have thrown');
}

beforeEach(() => {
  db = openSeededFile();
  const agencyId = db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'MSIT')).get()!.id;
  const user = insertTestUser(db, { email: 'msit@example.org', role: 'official', agencyId, passwordHash: 'x' });
  official = { id: user.id, email: user.email, role: 'official', agencyId, agencyCode: 'MSIT', active: true, mustChangePassword: false };
  logLines = [];
  (globalThis as Record<symbol, unknown>)[LOGGER_KEY] = createLogger({ requestId: () => 'req-1', destination: { write: (line: string) => void logLines.push(line) } });
});

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[LOGGER_KEY];
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a write on a full database', () => {
  it('answers 503 storage_full, logs it, leaves nothing half-written, and succeeds once space returns', async () => {
    fillDatabase();
    const [updatesBefore, auditBefore, tablesBefore] = [count(statusUpdates), count(auditEvents), snapshotTables(db)];

    const error = thrownBy(update);
    // better-sqlite3's SqliteError, thrown as it is or as the cause of a drizzle error.
    expect(storageFullError(error)).toBeInstanceOf(StorageFullError);
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { code: 'storage_full', message: new StorageFullError().message } });
    expect(actionError(error, { note: NOTE })).toMatchObject({ status: 'error', message: 'forms.storageFull' });

    expect(db.$client.inTransaction).toBe(false);
    expect(count(statusUpdates)).toBe(updatesBefore);
    expect(count(auditEvents)).toBe(auditBefore);
    expect(snapshotTables(db)).toEqual(tablesBefore);

    const logged = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ level: 'error', msg: 'storage full: the write was rolled back', requestId: 'req-1', });
    expect(JSON.stringify(logged[0]!.err)).toContain('SQLITE_FULL');
    expect(logLines.join('\n')).not.toContain('confidential working note');

    db.$client.pragma('max_page_count = 1073741823');
    expect(update()).toMatchObject({ status: 'at_risk', progress: 20 });
    expect(count(statusUpdates)).toBe(updatesBefore + 1);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.status_update')).all()).toHaveLength(1);
  });

  it('is recognised through a drizzle wrapper, and nothing else is', () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(storageFullError(new DrizzleQueryError('insert into "status_updates" values (?)', [NOTE], full))).toBeInstanceOf(StorageFullError);
    expect(storageFullError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }))).toBeNull();
    expect(storageFullError(new Error('database or disk is full'))).toBeNull();
    expect(errorResponse(new Error('boom')).status).toBe(500);
  });
});
