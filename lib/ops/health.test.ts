import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
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
