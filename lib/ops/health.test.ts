import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { GET } from '@/app/api/health/route';
import { createTestDb } from '@/lib/testing/test-db';

const useDb = (db: Db | undefined) => ((globalThis as unknown as { __appDb?: Db }).__appDb = db);

afterEach(() => {
  useDb(undefined);
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('GET /api/health', () => {
  it('answers 200 with the schema version and a database round trip, without a session', async () => {
    const db = createTestDb();
    useDb(db);
    const response = GET();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; schemaVersion: number; databaseMs: number };
    const migrations = fs.readdirSync(path.join(process.cwd(), 'db', 'migrations')).filter((f) => f.endsWith('.sql')).length;
    expect(body).toMatchObject({ status: 'ok', schemaVersion: migrations });
    expect(body.databaseMs).toBeGreaterThanOrEqual(0);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 once the open database file is made unreadable, deleted or replaced, and 200 again once it is back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'health-'));
    const file = path.join(dir, 'app.db');
    vi.stubEnv('DATABASE_URL', file);
    const db = openDatabase(file);
    migrateDatabase(db);
    useDb(db);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(GET().status).toBe(200);

    fs.chmodSync(file, 0o000);
    const locked = GET();
    expect(locked.status).toBe(503);
    expect(await locked.json()).toEqual({ status: 'unavailable' });
    fs.chmodSync(file, 0o600);
    expect(GET().status).toBe(200);

    fs.renameSync(file, `${file}.moved`);
    expect(GET().status).toBe(503);
    fs.writeFileSync(file, 'not a database');
    expect(GET().status).toBe(503);
    fs.rmSync(file);
    fs.renameSync(`${file}.moved`, file);
    expect(GET().status).toBe(200);
    expect(console.error).toHaveBeenCalledTimes(3);
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 and nothing more when the database file cannot be read', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'health-'));
    const file = path.join(dir, 'app.db');
    fs.writeFileSync(file, 'not a database: a truncated copy, say');
    vi.stubEnv('DATABASE_URL', file);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable' });
    expect(console.error).toHaveBeenCalled();
  });
});
