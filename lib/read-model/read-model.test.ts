import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { readDataVersion, UNVERSIONED_TABLES, VERSIONED_TABLES } from '@/db/data-version';
import * as schema from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { rebuildDerived } from '@/lib/as-of/maintenance';
import { planAsOfView } from '@/lib/as-of/view';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import { handMadeHistory } from '@/lib/testing/hand-made-history';
import { useSeededTestDb } from '@/lib/testing/test-db';
import { answerKey, ReadCache } from './cache';
import { makeReadModel, type ReadModel } from './index';
import { DataVersionProbe } from './version';

const TODAY = '2025-06-30';
let db: Db;
let model: ReadModel;

beforeEach(() => {
  db = useSeededTestDb();
  model = makeReadModel({ db, version: () => readDataVersion(db.$client), maxBytes: 16 * 1024 * 1024 });
});

const dashboard = () => model.answer('dashboard', { scope: {}, asOf: TODAY, today: TODAY });
const uncached = () => planAsOfView({}, TODAY, TODAY, db);

describe('the data version', () => {
  it('classifies every table of the schema once: versioned (a write bumps it) or not, with why', () => {
    const tables = Object.values(schema)
      .filter((t) => is(t, SQLiteTable))
      .map((t) => getTableName(t as SQLiteTable))
      .sort();
    const classified = [...VERSIONED_TABLES, ...Object.keys(UNVERSIONED_TABLES)].sort();
    expect(classified).toEqual(tables);
    expect(new Set(classified).size).toBe(classified.length);
  });

  it('moves with every write to a versioned table, by any writer, and not with a sign-in', () => {
    const v0 = readDataVersion(db.$client);
    const { record } = handMadeHistory(db, TODAY);
    const v1 = readDataVersion(db.$client);
    expect(v1).toBeGreaterThan(v0); // the admin user
    record('CET23-BIO-01', 'in_progress', 20, '2025-06-01');
    const v2 = readDataVersion(db.$client);
    expect(v2).toBeGreaterThan(v1);
    // A hand-typed statement, outside every service.
    db.$client.prepare(`update areas set name_en = name_en || ' ' where code = 'BIO'`).run();
    expect(readDataVersion(db.$client)).toBeGreaterThan(v2);
    const v3 = readDataVersion(db.$client);
    db.$client.prepare(`insert into login_attempts (email, ip, at, success) values ('x@example.org', '127.0.0.1', '2025-06-30T00:00:00Z', 0)`).run();
    expect(readDataVersion(db.$client)).toBe(v3);
  });

  it('is bumped by db:rebuild-derived, and its triggers survive the migrations being run again', () => {
    const v0 = readDataVersion(db.$client);
    rebuildDerived(db);
    expect(readDataVersion(db.$client)).toBe(v0 + 1);
    migrateDatabase(db);
    db.$client.prepare(`update areas set name_en = name_en where code = 'BIO'`).run();
    expect(readDataVersion(db.$client)).toBe(v0 + 2);
  });

  it('is seen through another connection without a query until something commits', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-version-'));
    const file = path.join(dir, 'app.db');
    const writer = openDatabase(file);
    try {
      migrateDatabase(writer);
      const probe = new DataVersionProbe(file);
      const before = probe.current();
      expect(probe.current()).toBe(before);
      seedReferenceData(writer);
      expect(probe.current()).toBe(readDataVersion(writer.$client));
      expect(probe.current()).toBeGreaterThan(before);
      probe.close();
    } finally {
      writer.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the read cache', () => {
  it('answers a repeat read from the cache: the same answer, no second computation', async () => {
    const first = await dashboard();
    const second = await dashboard();
    expect(second).toBe(first);
    expect(model.stats().cache).toMatchObject({ hits: 1, misses: 1 });
    expect(first).toEqual({ ...uncached(), includesSynthetic: false });
  });

  it('a write between two identical reads changes the second answer', async () => {
    const { record } = handMadeHistory(db, TODAY);
    const before = await dashboard();
    expect(before.headline.counts.completed).toBe(0);
    record('CET23-BIO-01', 'completed', 100, '2025-06-01');
    const after = await dashboard();
    expect(after.headline.counts.completed).toBe(1);
    expect(after).toEqual({ ...uncached(), includesSynthetic: false });
    // The list too.
    const filter = parseFiltersLeniently({ status: 'completed' });
    expect((await model.answer('list', { filter, today: TODAY })).total).toBe(1);
    record('CET23-BIO-01', 'in_progress', 90, '2025-06-02');
    expect((await model.answer('list', { filter, today: TODAY })).total).toBe(0);
  });

  it('a read after db:rebuild-derived sees the rebuilt data, not what was cached from the old', async () => {
    // Derived data gone wrong without any source write (so no trigger fired): a read caches it.
    const row = db.$client.prepare('select area_id as a, lead_agency_id as l, due_end as d, status as s from commitment_tallies where n > 0 limit 1').get() as { a: number; l: number; d: string; s: string };
    db.$client.prepare('update commitment_tallies set n = n + 7 where area_id = ? and lead_agency_id = ? and due_end = ? and status = ?').run(row.a, row.l, row.d, row.s);
    const wrong = await dashboard();
    expect((await dashboard()).headline.total).toBe(wrong.headline.total);
    rebuildDerived(db);
    const rebuilt = await dashboard();
    expect(rebuilt.headline.total).toBe(wrong.headline.total - 7);
    expect(rebuilt).toEqual({ ...uncached(), includesSynthetic: false });
  });

  it('keys an answer by everything it is computed from: view, scope, filters, date and today', () => {
    const base = { filter: parseFiltersLeniently({}), today: TODAY };
    const keys = new Set([
      answerKey('list', base),
      answerKey('list', { ...base, today: '2025-07-01' }),
      answerKey('list', { ...base, filter: parseFiltersLeniently({ agency: 'MSIT' }) }),
      answerKey('list', { ...base, filter: parseFiltersLeniently({ agency: 'MOTIE' }) }),
      answerKey('list', { ...base, filter: parseFiltersLeniently({ asOf: '2024-06-30' }) }),
      answerKey('list', { ...base, filter: parseFiltersLeniently({ page: '2' }) }),
      answerKey('list', { ...base, filter: parseFiltersLeniently({ sort: 'status' }) }),
      answerKey('list', { ...base, filter: parseFiltersLeniently({ archived: '1' }) }),
      answerKey('dashboard', { scope: {}, asOf: TODAY, today: TODAY }),
      answerKey('dashboard', { scope: { country: 'US' }, asOf: TODAY, today: TODAY }),
    ]);
    expect(keys.size).toBe(10);
    // The order of the properties does not matter; an absent property equals an undefined one.
    expect(answerKey('dashboard', { today: TODAY, asOf: TODAY, scope: { area: 'BIO', agency: undefined } })).toBe(answerKey('dashboard', { scope: { area: 'BIO' }, asOf: TODAY, today: TODAY }));
  });

  it('shares nothing a caller could change: answers are frozen', async () => {
    const answer = await dashboard();
    expect(() => {
      (answer.headline.counts as Record<string, number>).completed = 99;
    }).toThrow(TypeError);
    expect((await dashboard()).headline.counts.completed).toBe(uncached().headline.counts.completed);
  });

  it('computes once for concurrent misses on one key, and drops it all once the version moves on', async () => {
    const args = { scope: {}, asOf: TODAY, today: TODAY };
    const [a, b, c] = await Promise.all([model.answer('dashboard', args), model.answer('dashboard', args), model.answer('dashboard', args)]);
    expect(model.stats().cache).toMatchObject({ misses: 1, shared: 2 });
    expect(b).toBe(a);
    expect(c).toBe(a);
    handMadeHistory(db, TODAY).record('CET23-BIO-01', 'in_progress', 20, '2025-06-01');
    expect(await model.answer('dashboard', args)).not.toBe(a);
    expect(model.stats().cache).toMatchObject({ misses: 2, invalidations: 1, entries: 1 });
  });

  it('keeps an answer under the version it was computed at, which may be newer than the reader’s', async () => {
    const cache = new ReadCache(100_000);
    // Asked at version 3; the computing thread found 5 (two writes landed in between).
    expect(await cache.get('k', 3, async () => ({ value: 'at 5', version: 5 }))).toBe('at 5');
    expect(cache.stats().version).toBe(5);
    expect(await cache.get('k', 5, async () => ({ value: 'again', version: 5 }))).toBe('at 5');
    expect(await cache.get('k', 6, async () => ({ value: 'at 6', version: 6 }))).toBe('at 6');
    // A reader still at an older version gets the newer answer, never an older one.
    expect(await cache.get('k', 4, async () => ({ value: 'at 4', version: 4 }))).toBe('at 6');
  });

  it('stays within its memory bound, least recently used out first', async () => {
    const cache = new ReadCache(10_000);
    const value = (n: number) => ({ text: 'x'.repeat(n) });
    await cache.get('a', 1, async () => ({ value: value(1_000), version: 1 })); // ~2 kB each (UTF-16)
    await cache.get('b', 1, async () => ({ value: value(1_000), version: 1 }));
    await cache.get('c', 1, async () => ({ value: value(1_000), version: 1 }));
    await cache.get('a', 1, async () => ({ value: value(1_000), version: 1 })); // a hit: now the most recent
    await cache.get('d', 1, async () => ({ value: value(1_000), version: 1 }));
    await cache.get('e', 1, async () => ({ value: value(1_000), version: 1 })); // over 10 kB: b, the least recent, goes
    expect(cache.stats()).toMatchObject({ entries: 4, evictions: 1, hits: 1 });
    expect(cache.stats().bytes).toBeLessThanOrEqual(10_000);
    let computed = false;
    await cache.get('b', 1, async () => ((computed = true), { value: value(1_000), version: 1 }));
    expect(computed).toBe(true);
    computed = false;
    await cache.get('a', 1, async () => ((computed = true), { value: value(1_000), version: 1 }));
    expect(computed).toBe(false);
    // An answer bigger than a quarter of the bound is returned, not kept.
    await cache.get('big', 1, async () => ({ value: value(2_000), version: 1 }));
    expect(cache.stats().entries).toBe(4);
  });

  it('does not keep an answer whose computation failed', async () => {
    const cache = new ReadCache(10_000);
    await expect(cache.get('k', 1, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('k', 1, async () => ({ value: 42, version: 1 }))).toBe(42);
  });
});
